import type { MarketDataSummaryView } from '@quartier/contracts-valuation';
import { median } from '../models/hedonic-model';

export interface SummarySale {
  priceCents: number;
  livingAreaM2: number;
  saleDate: string;
  currency: string;
  own: boolean;
}

/**
 * Count, medians and the monthly trend of median price per m² of the sales of one currency
 * (the given one, or the most common among the sales: prices in two currencies never mix).
 */
export function summarizeMarket(sales: readonly SummarySale[], currency?: string): MarketDataSummaryView {
  const chosen = currency ?? mostCommonCurrency(sales);
  const ofCurrency = sales.filter((sale) => sale.currency === chosen).sort((a, b) => a.saleDate.localeCompare(b.saleDate));
  const perM2 = (sale: SummarySale): number => sale.priceCents / sale.livingAreaM2;
  const byMonth = new Map<string, SummarySale[]>();
  for (const sale of ofCurrency) byMonth.set(sale.saleDate.slice(0, 7), [...(byMonth.get(sale.saleDate.slice(0, 7)) ?? []), sale]);
  let previous: number | null = null;
  const months = [...byMonth.entries()].map(([month, monthSales]) => {
    const value = Math.round(median(monthSales.map(perM2)));
    const change: number | null = previous === null ? null : Math.round((value / previous - 1) * 10_000) / 10_000;
    previous = value;
    return { month, count: monthSales.length, medianPricePerM2Cents: value, change };
  });
  const empty = ofCurrency.length === 0;
  return {
    count: ofCurrency.length,
    currency: chosen ?? null,
    medianPriceCents: empty ? null : Math.round(median(ofCurrency.map((sale) => sale.priceCents))),
    medianPricePerM2Cents: empty ? null : Math.round(median(ofCurrency.map(perM2))),
    from: empty ? null : ofCurrency[0].saleDate,
    to: empty ? null : ofCurrency[ofCurrency.length - 1].saleDate,
    ownCount: ofCurrency.filter((sale) => sale.own).length,
    months,
  };
}

function mostCommonCurrency(sales: readonly SummarySale[]): string | undefined {
  const counts = new Map<string, number>();
  for (const sale of sales) counts.set(sale.currency, (counts.get(sale.currency) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}
