import { Injectable } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { OrgCaller } from '@quartier/contracts-shared';
import { PortfolioSubjects, UnitResponse } from '@quartier/contracts-portfolio';
import { RpcClient, RpcError, rpcError } from '@quartier/messaging';
import { KnownUnit } from './unit-placement';

/** Asks portfolio for a unit of the caller's organization (another organization's unit is a 404 there). */
@Injectable()
export class UnitDirectory {
  constructor(private readonly rpc: RpcClient) {}

  /** The unit, or undefined when portfolio does not know it; portfolio being down (503/504) passes through. */
  async find(caller: OrgCaller, unitId: string): Promise<KnownUnit | undefined> {
    try {
      const unit = await this.rpc.request<UnitResponse>(PortfolioSubjects.unitsGet, { id: unitId }, caller);
      return { id: unit.id, propertyId: unit.propertyId ?? null };
    } catch (error) {
      if (error instanceof RpcError && error.status === 404) return undefined;
      throw portfolioFailure(error);
    }
  }
}

/** Portfolio down or slow is not the caller's fault: 503/504 as portfolio said, never a 422. */
function portfolioFailure(error: unknown): unknown {
  if (!(error instanceof RpcError)) return error;
  if (error.status === 503 || error.status === 504) return new RpcException(error.body);
  return rpcError(error.status, error.code, `portfolio: ${error.message}`);
}
