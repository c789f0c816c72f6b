import { RpcException } from '@nestjs/microservices';
import { IdentityErrorCode } from '@quartier/contracts-identity';
import { rpcError } from '@quartier/messaging';

export const lastOwner = (): RpcException =>
  rpcError(409, IdentityErrorCode.LAST_OWNER, 'The last owner of an organization cannot be removed or demoted');

export const alreadyMember = (): RpcException => rpcError(409, IdentityErrorCode.ALREADY_MEMBER, 'This user is already a member of the organization');
