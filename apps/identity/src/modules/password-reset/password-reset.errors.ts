import { RpcException } from '@nestjs/microservices';
import { IdentityErrorCode } from '@quartier/contracts-identity';
import { rpcError } from '@quartier/messaging';

export const resetThrottled = (retryAfterSeconds: number): RpcException =>
  rpcError(429, IdentityErrorCode.PASSWORD_RESET_THROTTLED, 'Too many password-reset requests from this address: wait before trying again', {
    retryAfterSeconds,
  });

export const invalidResetToken = (): RpcException =>
  rpcError(422, IdentityErrorCode.INVALID_RESET_TOKEN, 'The password-reset link is invalid, expired or already used');
