import { Injectable } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { OrgCaller } from '@quartier/contracts-shared';
import { PortfolioSubjects, PropertyResponse, UnitResponse } from '@quartier/contracts-portfolio';
import { RpcClient, RpcError, notFound, rpcError } from '@quartier/messaging';

/** Asks portfolio for a property or unit of the caller's organization (another organization's is a 404 there, and here). */
@Injectable()
export class PortfolioDirectory {
  constructor(private readonly rpc: RpcClient) {}

  async property(caller: OrgCaller, id: string): Promise<PropertyResponse> {
    return this.ask(() => this.rpc.request<PropertyResponse>(PortfolioSubjects.propertiesGet, { id }, caller), 'Property', id);
  }

  async unit(caller: OrgCaller, id: string): Promise<{ unit: UnitResponse; property: PropertyResponse }> {
    const unit = await this.ask(() => this.rpc.request<UnitResponse>(PortfolioSubjects.unitsGet, { id }, caller), 'Unit', id);
    return { unit, property: await this.property(caller, unit.propertyId) };
  }

  private async ask<T>(call: () => Promise<T>, entity: string, id: string): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof RpcError)) throw error;
      if (error.status === 404) throw notFound(entity, id);
      // Portfolio down or slow is not the caller's fault: 503/504 as portfolio said.
      if (error.status === 503 || error.status === 504) throw new RpcException(error.body);
      throw rpcError(error.status, error.code, `portfolio: ${error.message}`);
    }
  }
}
