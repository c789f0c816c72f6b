import { Injectable } from '@nestjs/common';
import { FieldError, OrgCaller } from '@quartier/contracts-shared';
import { PortfolioSubjects, UnitResponse } from '@quartier/contracts-portfolio';
import { RpcClient, RpcError, rpcError, validationFailed } from '@quartier/messaging';

export interface Placement {
  unitId: string | null;
  buildingId: string | null;
}

/**
 * Where a device is installed must be a unit/building of the caller's organization (asked from
 * portfolio over NATS); a device in a unit gets the unit's building. Another organization's unit
 * is a 422 like a missing one, so its id never reaches alert or work-order events.
 */
@Injectable()
export class DevicePlacement {
  constructor(private readonly rpc: RpcClient) {}

  async resolve(caller: OrgCaller, placement: Placement): Promise<Placement> {
    const errors: FieldError[] = [];
    let { buildingId } = placement;
    if (placement.unitId) {
      const unit = await this.lookup<UnitResponse>(PortfolioSubjects.unitsGet, placement.unitId, caller);
      if (!unit) errors.push({ field: 'unitId', message: `unit ${placement.unitId} not found` });
      else if (buildingId && buildingId !== unit.buildingId) errors.push({ field: 'buildingId', message: 'buildingId must be the building of the unit' });
      else buildingId = unit.buildingId;
    } else if (buildingId && !(await this.lookup(PortfolioSubjects.buildingsGet, buildingId, caller))) {
      errors.push({ field: 'buildingId', message: `building ${buildingId} not found` });
    }
    if (errors.length > 0) throw validationFailed(errors);
    return { unitId: placement.unitId, buildingId };
  }

  /** The entity, or undefined when portfolio says 404; other failures (503, 504) pass through. */
  private async lookup<T>(subject: string, id: string, caller: OrgCaller): Promise<T | undefined> {
    try {
      return await this.rpc.request<T>(subject, { id }, caller);
    } catch (error) {
      if (error instanceof RpcError && error.status === 404) return undefined;
      if (error instanceof RpcError) throw rpcError(error.status, error.code, `portfolio: ${error.message}`);
      throw error;
    }
  }
}
