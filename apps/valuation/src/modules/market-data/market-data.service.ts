import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { OrgCaller, orderRecord, pageOf, pageParams } from '@quartier/contracts-shared';
import {
  AddMarketSalesDto,
  AddMarketSalesResult,
  MARKET_SALE_SORT_FIELDS,
  MarketDataQueryDto,
  MarketDataSummaryView,
  MarketSalePageView,
  MarketSaleQueryDto,
} from '@quartier/contracts-valuation';
import { allowListedSort, notFound, validationFailed } from '@quartier/messaging';
import { boundingBox, haversineKm } from '../models/geo';
import { MarketSaleEntity } from './market-sale.entity';
import { MarketSaleRow, organizationRow, toMarketSaleView } from './market-sale.mapper';
import { summarizeMarket } from './market-summary';

const INSERT_CHUNK = 1000;

export interface PlatformMarket {
  currency: string;
  count: number;
  /** When the newest platform sale of the currency was stored. */
  lastAddedAt: Date;
}

/** Sales in `market_sales`: platform data (organization NULL) plus each organization's own, seen only by it. */
@Injectable()
export class MarketDataService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async addSales(caller: OrgCaller, dto: AddMarketSalesDto): Promise<AddMarketSalesResult> {
    const rows = dto.sales.map((sale) => organizationRow(caller.organizationId, sale));
    const inserted = await this.dataSource.transaction((manager) => insertSales(manager, rows));
    return { inserted, skipped: rows.length - inserted };
  }

  async listOwn(caller: OrgCaller, query: MarketSaleQueryDto): Promise<MarketSalePageView> {
    const { page, size, offset } = pageParams(query);
    const order = allowListedSort(query.sort, MARKET_SALE_SORT_FIELDS, '-saleDate');
    const [rows, total] = await this.dataSource.getRepository(MarketSaleEntity).findAndCount({
      where: { organizationId: caller.organizationId },
      order: orderRecord(order),
      skip: offset,
      take: size,
    });
    return pageOf(rows.map(toMarketSaleView), total, page, size);
  }

  /** Deletes one of the organization's own sales; platform data and other organizations' sales are 404. */
  async deleteOwn(caller: OrgCaller, id: string): Promise<void> {
    const result = await this.dataSource.getRepository(MarketSaleEntity).delete({ id, organizationId: caller.organizationId });
    if (!result.affected) throw notFound('Market sale', id);
  }

  async summary(caller: OrgCaller, query: MarketDataQueryDto): Promise<MarketDataSummaryView> {
    const circle = [query.lat, query.lng, query.radiusKm];
    if (circle.some((value) => value !== undefined) && circle.some((value) => value === undefined)) {
      throw validationFailed(
        (['lat', 'lng', 'radiusKm'] as const).filter((field) => query[field] === undefined).map((field) => ({ field, message: `${field} is needed with lat, lng and radiusKm` })),
      );
    }
    if (query.from && query.to && query.from > query.to) throw validationFailed([{ field: 'to', message: 'to must not be before from' }]);
    const builder = this.visible(caller.organizationId).select(['s.priceCents', 's.livingAreaM2', 's.saleDate', 's.currency', 's.organizationId', 's.lat', 's.lon']);
    if (query.postalCode) builder.andWhere('s.postal_code = :postalCode', { postalCode: query.postalCode });
    if (query.from) builder.andWhere('s.sale_date >= :from', { from: query.from.slice(0, 10) });
    if (query.to) builder.andWhere('s.sale_date <= :to', { to: query.to.slice(0, 10) });
    const { lat, lng, radiusKm } = query;
    if (lat !== undefined && lng !== undefined && radiusKm !== undefined) withinBox(builder, lat, lng, radiusKm);
    let rows = await builder.getMany();
    if (lat !== undefined && lng !== undefined && radiusKm !== undefined) rows = rows.filter((row) => haversineKm(lat, lng, row.lat, row.lon) <= radiusKm);
    return summarizeMarket(
      rows.map((row) => ({ ...row, own: row.organizationId !== null })),
      query.currency,
    );
  }

  /** Sales the organization may use as comparables within a box around the point, sold on or before `until`. */
  nearby(organizationId: string, lat: number, lon: number, radiusKm: number, until: string): Promise<MarketSaleEntity[]> {
    return withinBox(this.visible(organizationId), lat, lon, radiusKm).andWhere('s.sale_date <= :until', { until }).getMany();
  }

  /** Currencies with platform market data, for fitting one model each. */
  async platformMarkets(): Promise<PlatformMarket[]> {
    const rows: { currency: string; count: string; lastAddedAt: Date }[] = await this.dataSource
      .getRepository(MarketSaleEntity)
      .createQueryBuilder('s')
      .select('s.currency', 'currency')
      .addSelect('count(*)', 'count')
      .addSelect('max(s.created_at)', 'lastAddedAt')
      .where('s.organization_id IS NULL')
      .groupBy('s.currency')
      .getRawMany();
    return rows.map((row) => ({ currency: row.currency, count: Number(row.count), lastAddedAt: new Date(row.lastAddedAt) }));
  }

  platformSales(currency: string): Promise<MarketSaleEntity[]> {
    return this.dataSource
      .getRepository(MarketSaleEntity)
      .createQueryBuilder('s')
      .where('s.organization_id IS NULL')
      .andWhere('s.currency = :currency', { currency })
      .getMany();
  }

  private visible(organizationId: string): SelectQueryBuilder<MarketSaleEntity> {
    return this.dataSource
      .getRepository(MarketSaleEntity)
      .createQueryBuilder('s')
      .where('(s.organization_id IS NULL OR s.organization_id = :organizationId)', { organizationId });
  }
}

function withinBox(builder: SelectQueryBuilder<MarketSaleEntity>, lat: number, lon: number, radiusKm: number): SelectQueryBuilder<MarketSaleEntity> {
  const box = boundingBox(lat, lon, radiusKm);
  builder.andWhere('s.lat BETWEEN :minLat AND :maxLat', box).andWhere('s.lon BETWEEN :minLon AND :maxLon', box);
  return builder;
}

/** Inserts in chunks; a sale whose (organization, source, source id) is already stored is skipped. Returns how many were inserted. */
export async function insertSales(manager: EntityManager, rows: readonly MarketSaleRow[]): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(MarketSaleEntity)
      .values(rows.slice(start, start + INSERT_CHUNK))
      .orIgnore()
      .returning('id')
      .execute();
    inserted += (result.raw as unknown[]).length;
  }
  return inserted;
}
