import { Inject, Injectable } from '@nestjs/common';
import { OrgCaller } from '@quartier/contracts-shared';
import { ActiveLeasesForResidentRequest, ActiveLeasesForResidentResponse } from '@quartier/contracts-workorders';
import { RpcClient } from '@quartier/messaging';
import { WORKORDERS_CONFIG, WorkordersConfig } from '../../workorders.config';

/** Asks leasing whether a resident holds an active lease on a unit. */
@Injectable()
export class ResidentLeaseService {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(WORKORDERS_CONFIG) private readonly config: WorkordersConfig,
  ) {}

  /** Leasing being down is not the resident's fault: its 503/504 passes through as is. */
  async hasActiveLease(caller: OrgCaller, unitId: string): Promise<boolean> {
    const request: ActiveLeasesForResidentRequest = { userId: caller.userId };
    const response = await this.rpc.request<ActiveLeasesForResidentResponse>(this.config.LEASING_ACTIVE_LEASES_SUBJECT, request, caller);
    return (response?.items ?? []).some((lease) => lease.unitId === unitId);
  }
}
