/** One bill as the analytics see it. */
export interface BillFact {
  propertyId: string;
  type: string;
  /** First day of the month the bill is attributed to (its period start). */
  month: string;
  consumption: number | null;
  costCents: number;
}

export interface UsageRow {
  propertyId: string;
  type: string;
  month: string;
  consumption: number;
  costCents: number;
  bills: number;
  previousCostCents: number | null;
  costChangePercent: number | null;
  previousConsumption: number | null;
  consumptionChangePercent: number | null;
}

/** Consumption and cost per property, type and month, with the change against the previous month. */
export function usageAnalytics(bills: BillFact[]): UsageRow[] {
  const groups = new Map<string, UsageRow>();
  for (const bill of bills) {
    const key = `${bill.propertyId}|${bill.type}|${bill.month}`;
    const row = groups.get(key) ?? {
      propertyId: bill.propertyId,
      type: bill.type,
      month: bill.month,
      consumption: 0,
      costCents: 0,
      bills: 0,
      previousCostCents: null,
      costChangePercent: null,
      previousConsumption: null,
      consumptionChangePercent: null,
    };
    row.consumption += bill.consumption ?? 0;
    row.costCents += bill.costCents;
    row.bills += 1;
    groups.set(key, row);
  }
  const rows = [...groups.values()].sort((a, b) => a.propertyId.localeCompare(b.propertyId) || a.type.localeCompare(b.type) || a.month.localeCompare(b.month));
  for (const row of rows) {
    const previous = groups.get(`${row.propertyId}|${row.type}|${previousMonth(row.month)}`);
    if (!previous) continue;
    row.previousCostCents = previous.costCents;
    row.costChangePercent = percentChange(previous.costCents, row.costCents);
    row.previousConsumption = previous.consumption;
    row.consumptionChangePercent = percentChange(previous.consumption, row.consumption);
  }
  return rows;
}

export function previousMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)) - 2;
  const date = new Date(Date.UTC(year, index, 1));
  return date.toISOString().slice(0, 10);
}

export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const date = new Date(Date.UTC(year, Number(month.slice(5, 7)), 1));
  return date.toISOString().slice(0, 10);
}

/** Percent change rounded to one decimal; null when there is no base to compare with. */
export function percentChange(before: number, after: number): number | null {
  if (before === 0) return null;
  return Math.round(((after - before) / before) * 1000) / 10;
}
