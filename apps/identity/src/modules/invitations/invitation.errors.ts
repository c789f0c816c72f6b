import { RpcException } from '@nestjs/microservices';
import { IdentityErrorCode } from '@quartier/contracts-identity';
import { RpcErrorBody } from '@quartier/contracts-shared';
import { conflict, rpcError } from '@quartier/messaging';

export const invalidInvitationToken = (): RpcException =>
  rpcError(422, IdentityErrorCode.INVALID_INVITATION_TOKEN, 'The invitation link is invalid, expired, revoked or already used');

/** A new account needs a name and a password; the fields are listed like validation errors. */
export function accountDetailsRequired(missing: ('name' | 'password')[]): RpcException {
  return new RpcException({
    status: 422,
    code: IdentityErrorCode.ACCOUNT_DETAILS_REQUIRED,
    message: 'No account exists for the invited email yet: name and password are required',
    errors: missing.map((field) => ({ field, message: `${field} is required to create the account` })),
  } satisfies RpcErrorBody);
}

export const invitationAlreadyAccepted = (): RpcException => conflict('The invitation has already been accepted');
