import { Injectable } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { PortfolioSubjects } from '@quartier/contracts-portfolio';
import { OrgCaller } from '@quartier/contracts-shared';
import { RpcClient, RpcError } from '@quartier/messaging';
import { propertyNotFound, unitNotFound } from './lease.errors';

/** Asks portfolio about units and properties; leasing never reads portfolio's tables. */
@Injectable()
export class UnitDirectory {
  constructor(private readonly rpc: RpcClient) {}

  /** The unit's property; 404 when portfolio does not know the unit (in this organization). */
  async requireUnit(caller: OrgCaller, unitId: string): Promise<{ propertyId: string | null }> {
    const unit = await this.ask<{ propertyId?: string }>(caller, PortfolioSubjects.unitsGet, unitId, () => unitNotFound(unitId));
    return { propertyId: unit.propertyId ?? null };
  }

  /** 404 when portfolio does not know the property (in this organization). */
  async requireProperty(caller: OrgCaller, propertyId: string): Promise<void> {
    await this.ask(caller, PortfolioSubjects.propertiesGet, propertyId, () => propertyNotFound(propertyId));
  }

  private async ask<T>(caller: OrgCaller, subject: string, id: string, notFound: () => RpcException): Promise<T> {
    try {
      return await this.rpc.request<T>(subject, { id }, caller);
    } catch (error) {
      if (error instanceof RpcError && error.status === 404) throw notFound();
      // Pass portfolio's 503/504 on as they are rather than as an unexpected 500.
      if (error instanceof RpcError) throw new RpcException(error.body);
      throw error;
    }
  }
}
