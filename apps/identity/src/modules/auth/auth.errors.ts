import { RpcException } from '@nestjs/microservices';
import { CommonErrorCode } from '@quartier/contracts-shared';
import { INVALID_CREDENTIALS_MESSAGE, IdentityErrorCode } from '@quartier/contracts-identity';
import { rpcError } from '@quartier/messaging';

export const invalidCredentials = (): RpcException => rpcError(401, IdentityErrorCode.INVALID_CREDENTIALS, INVALID_CREDENTIALS_MESSAGE);

export const invalidRefreshToken = (): RpcException =>
  rpcError(401, IdentityErrorCode.INVALID_REFRESH_TOKEN, 'The refresh token is invalid, expired or revoked');

export const loginThrottled = (retryAfterSeconds: number): RpcException =>
  rpcError(429, IdentityErrorCode.LOGIN_THROTTLED, 'Too many failed logins: wait before trying again', { retryAfterSeconds });

export const emailTaken = (): RpcException => rpcError(409, IdentityErrorCode.EMAIL_TAKEN, 'An account with this email already exists');

export const staleSession = (): RpcException =>
  rpcError(401, CommonErrorCode.UNAUTHENTICATED, 'The user no longer belongs to this organization');
