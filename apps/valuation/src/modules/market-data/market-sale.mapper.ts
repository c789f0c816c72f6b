import { randomUUID } from 'node:crypto';
import type { MarketSaleDto, MarketSaleView } from '@quartier/contracts-valuation';
import { MarketSale } from '../models/avm.types';
import { MarketSaleEntity, ORGANIZATION_SOURCE } from './market-sale.entity';

export type MarketSaleRow = Omit<MarketSaleEntity, 'id' | 'createdAt'>;

/** A stored sale as the models see it (price in major units). */
export function toMarketSale(row: MarketSaleEntity): MarketSale {
  return {
    id: row.id,
    price: row.priceCents / 100,
    saleDate: row.saleDate,
    livingAreaM2: row.livingAreaM2,
    lotAreaM2: row.lotAreaM2,
    bedrooms: row.bedrooms,
    bathrooms: row.bathrooms,
    floors: row.floors,
    waterfront: row.waterfront,
    view: row.view,
    condition: row.condition,
    grade: row.grade,
    yearBuilt: row.yearBuilt,
    yearRenovated: row.yearRenovated,
    postalCode: row.postalCode,
    lat: row.lat,
    lon: row.lon,
  };
}

/** A sale read from an operator's file, as platform market data (organization NULL). */
export function platformRow(sale: MarketSale, source: string, currency: string): MarketSaleRow {
  return { ...attributeColumns(sale), organizationId: null, source, sourceId: sale.id, saleDate: sale.saleDate, priceCents: Math.round(sale.price * 100), currency };
}

/** An organization's own sale; without an externalId it gets a fresh one (never deduplicated). */
export function organizationRow(organizationId: string, dto: MarketSaleDto): MarketSaleRow {
  return {
    ...attributeColumns({
      livingAreaM2: dto.livingArea,
      lotAreaM2: dto.lotArea,
      bedrooms: dto.bedrooms,
      bathrooms: dto.bathrooms,
      floors: dto.floors,
      waterfront: dto.waterfront,
      view: dto.view,
      condition: dto.condition,
      grade: dto.qualityGrade,
      yearBuilt: dto.yearBuilt,
      yearRenovated: dto.yearRenovated,
      postalCode: dto.postalCode,
      lat: dto.coordinates.lat,
      lon: dto.coordinates.lng,
    }),
    organizationId,
    source: ORGANIZATION_SOURCE,
    sourceId: dto.externalId ?? randomUUID(),
    saleDate: dto.saleDate.slice(0, 10),
    priceCents: dto.priceCents,
    currency: dto.currency,
  };
}

function attributeColumns(sale: Omit<MarketSale, 'id' | 'price' | 'saleDate'>): Omit<MarketSaleRow, 'organizationId' | 'source' | 'sourceId' | 'saleDate' | 'priceCents' | 'currency'> {
  return {
    livingAreaM2: sale.livingAreaM2,
    lotAreaM2: sale.lotAreaM2 ?? null,
    bedrooms: sale.bedrooms ?? null,
    bathrooms: sale.bathrooms ?? null,
    floors: sale.floors ?? null,
    waterfront: sale.waterfront ?? null,
    view: sale.view ?? null,
    condition: sale.condition ?? null,
    grade: sale.grade ?? null,
    yearBuilt: sale.yearBuilt,
    yearRenovated: sale.yearRenovated ?? null,
    postalCode: sale.postalCode ?? null,
    lat: sale.lat,
    lon: sale.lon,
  };
}

export function toMarketSaleView(row: MarketSaleEntity): MarketSaleView {
  return {
    id: row.id,
    sourceId: row.sourceId,
    saleDate: row.saleDate,
    priceCents: row.priceCents,
    currency: row.currency,
    livingArea: row.livingAreaM2,
    coordinates: { lat: row.lat, lng: row.lon },
    postalCode: row.postalCode,
    createdAt: row.createdAt.toISOString(),
  };
}
