import { Injectable } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { PortfolioSubjects } from '@quartier/contracts-portfolio';
import { OrgCaller } from '@quartier/contracts-shared';
import { RpcClient, RpcError } from '@quartier/messaging';
import { unitNotFound } from './lease.errors';

/** Asks portfolio about units; leasing never reads portfolio's tables. */
@Injectable()
export class UnitDirectory {
  constructor(private readonly rpc: RpcClient) {}

  /** The unit's property; 404 when portfolio does not know the unit (in this organization). */
  async requireUnit(caller: OrgCaller, unitId: string): Promise<{ propertyId: string | null }> {
    try {
      const unit = await this.rpc.request<{ propertyId?: string }>(PortfolioSubjects.unitsGet, { id: unitId }, caller);
      return { propertyId: unit.propertyId ?? null };
    } catch (error) {
      if (error instanceof RpcError && error.status === 404) throw unitNotFound(unitId);
      // Pass portfolio's 503/504 on as they are rather than as an unexpected 500.
      if (error instanceof RpcError) throw new RpcException(error.body);
      throw error;
    }
  }
}
