import { Injectable } from '@nestjs/common';
import { CheckLimitDto, IdentitySubjects, LimitCheckResultDto, LimitedResource } from '@quartier/contracts-identity';
import { OrgCaller } from '@quartier/contracts-shared';
import { RpcClient, RpcError, rpcError } from '@quartier/messaging';

/** Asks identity whether the organization's plan allows one more of a resource. */
@Injectable()
export class PlanLimitsService {
  constructor(private readonly rpc: RpcClient) {}

  /** Throws identity's own error (402 PLAN_LIMIT_REACHED / SUBSCRIPTION_INACTIVE, or 503/504) unchanged. */
  async assertCanAdd(caller: OrgCaller, resource: LimitedResource, currentUsage: number, adding = 1): Promise<void> {
    const request: CheckLimitDto = { resource, currentUsage, adding };
    try {
      await this.rpc.request<LimitCheckResultDto>(IdentitySubjects.limitsCheck, request, caller);
    } catch (error) {
      if (error instanceof RpcError) throw rpcError(error.status, error.code, error.message, error.body.details);
      throw error;
    }
  }
}
