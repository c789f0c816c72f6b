import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { Caller, CommonErrorCode, OrgCaller } from '@quartier/contracts-shared';
import { provenCaller } from './caller-headers';
import { rpcError } from './rpc-errors';

function readCaller(context: ExecutionContext): Caller {
  return provenCaller(context.switchToRpc().getContext<NatsContext>().getHeaders());
}

/** The caller of a NATS handler, possibly anonymous. */
export const AnyCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => readCaller(context));

/** The caller of an organization-scoped handler; a call without organization and user is rejected (401). */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): OrgCaller => {
  const caller = readCaller(context);
  if (!caller.organizationId || !caller.userId) {
    throw rpcError(401, CommonErrorCode.UNAUTHENTICATED, 'This call needs an authenticated caller');
  }
  return { ...caller, organizationId: caller.organizationId, userId: caller.userId };
});
