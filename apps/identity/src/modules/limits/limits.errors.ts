import { RpcException } from '@nestjs/microservices';
import { IdentityErrorCode, LimitedResource } from '@quartier/contracts-identity';
import { rpcError } from '@quartier/messaging';
import { LimitDecision } from './plan-limits';

/** 402 for a refused limit decision. */
export function limitRefused(resource: LimitedResource, decision: Exclude<LimitDecision, { ok: true }>): RpcException {
  if (decision.reason === 'SUBSCRIPTION_INACTIVE') {
    return rpcError(402, IdentityErrorCode.SUBSCRIPTION_INACTIVE, 'The subscription of this organization is not active', {
      subscriptionStatus: decision.subscriptionStatus,
    });
  }
  return rpcError(402, IdentityErrorCode.PLAN_LIMIT_REACHED, `The plan allows at most ${decision.limit} ${resource}`, {
    resource,
    limit: decision.limit,
    currentUsage: decision.currentUsage,
    adding: decision.adding,
  });
}
