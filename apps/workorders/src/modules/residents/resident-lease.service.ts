import { Injectable } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { ActiveLeasesForResidentRequest, ActiveLeasesForResidentResponse, LeasingSubjects } from '@quartier/contracts-leasing';
import { CommonErrorCode, OrgCaller } from '@quartier/contracts-shared';
import { RpcClient, RpcError, rpcError } from '@quartier/messaging';

/** Asks leasing whether a resident holds an active lease on a unit. */
@Injectable()
export class ResidentLeaseService {
  constructor(private readonly rpc: RpcClient) {}

  async hasActiveLease(caller: OrgCaller, unitId: string): Promise<boolean> {
    const request: ActiveLeasesForResidentRequest = { userId: caller.userId };
    let response: ActiveLeasesForResidentResponse;
    try {
      response = await this.rpc.request<ActiveLeasesForResidentResponse>(LeasingSubjects.leasesActiveForResident, request, caller);
    } catch (error) {
      throw leasingUnavailable(error);
    }
    return (response?.items ?? []).some((lease) => lease.unitId === unitId);
  }
}

/** Leasing being down or timing out is not the resident's fault: 503/504, never a 422 or a 500. */
function leasingUnavailable(error: unknown): RpcException {
  if (error instanceof RpcError && (error.status === 503 || error.status === 504)) return new RpcException(error.body);
  return rpcError(503, CommonErrorCode.SERVICE_UNAVAILABLE, 'Leasing could not confirm the lease; try again later');
}
