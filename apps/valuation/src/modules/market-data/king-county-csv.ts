import { MarketSale } from '../models/avm.types';

/** Square feet to square metres (exact by definition). */
export const SQFT_TO_M2 = 0.09290304;

export const KING_COUNTY_COLUMNS = [
  'id', 'date', 'price', 'bedrooms', 'bathrooms', 'sqft_living', 'sqft_lot', 'floors', 'waterfront', 'view', 'condition',
  'grade', 'yr_built', 'yr_renovated', 'zipcode', 'lat', 'long',
] as const;

export interface ParsedSales {
  sales: MarketSale[];
  /** Lines that could not be read, with why (1-based line numbers). */
  rejected: { line: number; reason: string }[];
}

/**
 * Reads the King County house-sales CSV (sqft, USD) into market sales in m². A line with a
 * missing or implausible value is rejected with its reason instead of being guessed at.
 */
export function parseKingCountyCsv(text: string): ParsedSales {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) return { sales: [], rejected: [] };
  const header = lines[0].split(',').map((name) => name.trim().replace(/^"|"$/g, ''));
  const missing = KING_COUNTY_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new Error(`Not a King County sales file: missing column(s) ${missing.join(', ')}`);
  const at = Object.fromEntries(header.map((name, i) => [name, i]));
  const sales: MarketSale[] = [];
  const rejected: ParsedSales['rejected'] = [];
  lines.slice(1).forEach((line, i) => {
    const cells = line.split(',').map((cell) => cell.trim().replace(/^"|"$/g, ''));
    const num = (column: string): number => (cells[at[column]] === undefined || cells[at[column]] === '' ? Number.NaN : Number(cells[at[column]]));
    const date = /^(\d{4})(\d{2})(\d{2})/.exec(cells[at.date] ?? '');
    const sale: MarketSale = {
      // The file's id is the parcel's: a house sold twice appears twice, so the sale is parcel + date.
      id: cells[at.id] && date ? `${cells[at.id]}/${date[1]}${date[2]}${date[3]}` : '',
      saleDate: date ? `${date[1]}-${date[2]}-${date[3]}` : '',
      price: num('price'),
      livingAreaM2: round2(num('sqft_living') * SQFT_TO_M2),
      lotAreaM2: round2(num('sqft_lot') * SQFT_TO_M2),
      bedrooms: num('bedrooms'),
      bathrooms: num('bathrooms'),
      floors: num('floors'),
      waterfront: num('waterfront') === 1,
      view: num('view'),
      condition: num('condition'),
      grade: num('grade'),
      yearBuilt: num('yr_built'),
      yearRenovated: num('yr_renovated') > 0 ? num('yr_renovated') : null,
      postalCode: cells[at.zipcode],
      lat: num('lat'),
      lon: num('long'),
    };
    const reason = invalidReason(sale);
    if (reason) rejected.push({ line: i + 2, reason });
    else sales.push(sale);
  });
  return { sales, rejected };
}

function invalidReason(sale: MarketSale): string | undefined {
  if (!sale.saleDate) return 'date is not YYYYMMDD';
  if (!sale.id) return 'no id';
  if (!(sale.price > 0)) return 'price must be positive';
  if (!(sale.livingAreaM2 > 0)) return 'sqft_living must be positive';
  const numbers: [string, number | null | undefined][] = [
    ['sqft_lot', sale.lotAreaM2], ['bedrooms', sale.bedrooms], ['bathrooms', sale.bathrooms], ['floors', sale.floors],
    ['view', sale.view], ['condition', sale.condition], ['grade', sale.grade], ['yr_built', sale.yearBuilt], ['lat', sale.lat], ['long', sale.lon],
  ];
  const bad = numbers.find(([, value]) => value === null || value === undefined || Number.isNaN(value));
  if (bad) return `${bad[0]} is not a number`;
  if (Math.abs(sale.lat) > 90 || Math.abs(sale.lon) > 180) return 'lat/long out of range';
  return undefined;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
