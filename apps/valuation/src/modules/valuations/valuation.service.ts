import { Inject, Injectable } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { OrgCaller, RpcErrorBody, orderRecord, pageOf, pageParams } from '@quartier/contracts-shared';
import {
  PropertyAttributesDto,
  VALUATION_SORT_FIELDS,
  ValuateDto,
  ValuationErrorCode,
  ValuationEvent,
  ValuationPageView,
  ValuationQueryDto,
  ValuationView,
} from '@quartier/contracts-valuation';
import { OrgScopedRepository, addToOutbox } from '@quartier/db';
import { allowListedSort, notFound, rpcError, validationFailed } from '@quartier/messaging';
import { VALUATION_CONFIG, ValuationConfig } from '../../valuation.config';
import { MarketDataService } from '../market-data/market-data.service';
import { MarketSaleEntity } from '../market-data/market-sale.entity';
import { toMarketSale } from '../market-data/market-sale.mapper';
import { valueProperty } from '../models/avm';
import { PropertyAttributes } from '../models/avm.types';
import { modelVersion } from '../models/avm-model.mapper';
import { ModelRegistry } from '../models/model-registry.service';
import { PortfolioDirectory } from './portfolio-directory.service';
import { AttributeSource, apiAttributeName, propertyAttributes, resolveAttributes, unitAttributes } from './valuation-attributes';
import { ValuationEntity } from './valuation.entity';
import { amountsInCents, comparableViews, completedPayload, toValuationView, valuedAttributes } from './valuation.mapper';

@Injectable()
export class ValuationService {
  private readonly valuations: OrgScopedRepository<ValuationEntity>;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(VALUATION_CONFIG) private readonly config: ValuationConfig,
    private readonly marketData: MarketDataService,
    private readonly registry: ModelRegistry,
    private readonly portfolio: PortfolioDirectory,
  ) {
    this.valuations = new OrgScopedRepository(ValuationEntity, dataSource.manager);
  }

  async valuate(caller: OrgCaller, dto: ValuateDto): Promise<ValuationView> {
    const { propertyId, unitId, valuationDate: requestedDate, ...stated } = dto;
    if (propertyId && unitId) throw validationFailed([{ field: 'unitId', message: 'give either propertyId or unitId, not both' }]);
    const today = new Date().toISOString().slice(0, 10);
    const valuationDate = requestedDate?.slice(0, 10) ?? today;
    if (valuationDate > today) throw validationFailed([{ field: 'valuationDate', message: 'valuationDate must not be in the future' }]);
    const { attributes, resolvedPropertyId } = await this.attributesFor(caller, stated, propertyId, unitId);

    const candidates = await this.candidates(caller.organizationId, attributes, valuationDate);
    if (candidates.length === 0) throw this.noMarketData();
    const currency = mostCommon(candidates.map((row) => row.currency));
    const sameCurrency = candidates.filter((row) => row.currency === currency);
    const model = await this.registry.current(currency);
    if (!model) {
      throw rpcError(
        409,
        ValuationErrorCode.MODEL_NOT_FITTED,
        `No ${currency} valuation model has been fitted: a platform operator fits one with POST /avm/models/refit once the operator has imported enough ${currency} market data`,
      );
    }
    const result = valueProperty(model.parameters, attributes, valuationDate, sameCurrency.map(toMarketSale));
    if (!result) throw this.noMarketData();

    const rows = new Map(sameCurrency.map((row) => [row.id, row]));
    const saved = await this.dataSource.transaction(async (manager) => {
      const valuation = await this.valuations.withManager(manager).insert(caller.organizationId, {
        propertyId: resolvedPropertyId,
        unitId: unitId ?? null,
        valuationDate,
        marketDate: result.marketDate,
        ...amountsInCents(result),
        currency,
        rangeCoverage: model.parameters.coverage,
        confidence: result.confidence,
        confidenceScore: result.confidenceScore,
        blendWeight: result.blendWeight,
        comparables: comparableViews(result, rows),
        attributes: valuedAttributes(result.subject, model.parameters.hedonic.imputation),
        assumed: result.assumed.map(apiAttributeName),
        modelId: model.id,
        modelVersion: modelVersion(model),
        createdBy: caller.userId,
      });
      await addToOutbox(manager, caller.organizationId, ValuationEvent.COMPLETED, completedPayload(valuation));
      return valuation;
    });
    return toValuationView(saved);
  }

  async list(caller: OrgCaller, query: ValuationQueryDto): Promise<ValuationPageView> {
    const { page, size } = pageParams(query);
    const order = orderRecord(allowListedSort(query.sort, VALUATION_SORT_FIELDS, '-createdAt'));
    const [rows, total] = await this.valuations.findPage(caller.organizationId, {
      where: { ...(query.propertyId ? { propertyId: query.propertyId } : {}), ...(query.unitId ? { unitId: query.unitId } : {}) },
      order,
      page,
      size,
    });
    return pageOf(rows.map(toValuationView), total, page, size);
  }

  async get(caller: OrgCaller, id: string): Promise<ValuationView> {
    const row = await this.valuations.findById(caller.organizationId, id);
    if (!row) throw notFound('Valuation', id);
    return toValuationView(row);
  }

  private async attributesFor(
    caller: OrgCaller,
    stated: PropertyAttributesDto,
    propertyId: string | undefined,
    unitId: string | undefined,
  ): Promise<{ attributes: PropertyAttributes; resolvedPropertyId: string | null }> {
    let known: PropertyAttributesDto = {};
    let source: AttributeSource = { kind: 'request' };
    let resolvedPropertyId = propertyId ?? null;
    if (unitId) {
      const { unit, property } = await this.portfolio.unit(caller, unitId);
      known = unitAttributes(unit, property);
      source = { kind: 'unit', id: unitId };
      resolvedPropertyId = unit.propertyId;
    } else if (propertyId) {
      known = propertyAttributes(await this.portfolio.property(caller, propertyId));
      source = { kind: 'property', id: propertyId };
    }
    const resolved = resolveAttributes(stated, known, source);
    if ('missing' in resolved) {
      throw new RpcException({
        status: 422,
        code: ValuationErrorCode.ATTRIBUTES_MISSING,
        message: `A valuation needs ${resolved.missing.map((error) => error.field).join(', ')}`,
        details: { missing: resolved.missing.map((error) => error.field) },
        errors: resolved.missing,
      } satisfies RpcErrorBody);
    }
    return { attributes: resolved.attributes, resolvedPropertyId };
  }

  /** Sales near the property in widening circles, until there are enough to choose comparables from. */
  private async candidates(organizationId: string, attributes: PropertyAttributes, until: string): Promise<MarketSaleEntity[]> {
    const radius = this.config.AVM_COMPARABLE_RADIUS_KM;
    let found: MarketSaleEntity[] = [];
    for (const km of [2, 5, 10, radius].filter((km) => km <= radius)) {
      found = await this.marketData.nearby(organizationId, attributes.lat, attributes.lon, km, until);
      if (found.length >= this.config.AVM_COMPARABLES * 4) break;
    }
    return found;
  }

  private noMarketData(): RpcException {
    return new RpcException({
      status: 422,
      code: ValuationErrorCode.NO_MARKET_DATA,
      message: `No market sale within ${this.config.AVM_COMPARABLE_RADIUS_KM} km of the property sold on or before the valuation date: it lies outside the markets we have data for`,
      errors: [{ field: 'coordinates', message: `no market sale within ${this.config.AVM_COMPARABLE_RADIUS_KM} km` }],
    } satisfies RpcErrorBody);
  }
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}
