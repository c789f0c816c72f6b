import { InsightView } from '@quartier/contracts-ai';

export interface InsightData {
  vacantUnits?: { total: number; units: { number: string }[] };
  overdue?: { total: number; outstandingCents: Record<string, number>; longestDaysOverdue: number };
  urgentWorkOrders?: { total: number; slaBreached: number };
}

function money(cents: Record<string, number>): string {
  return Object.entries(cents)
    .map(([currency, amount]) => `${(amount / 100).toFixed(2)} ${currency}`)
    .join(', ');
}

/** Plain suggestions from live figures: what is vacant, who is late with rent, what maintenance is urgent. */
export function buildInsights(data: InsightData): InsightView[] {
  const items: InsightView[] = [];
  if (data.vacantUnits && data.vacantUnits.total > 0) {
    const names = data.vacantUnits.units.slice(0, 5).map((unit) => unit.number).join(', ');
    items.push({
      kind: 'vacancy',
      severity: data.vacantUnits.total >= 5 ? 'warning' : 'info',
      title: `${data.vacantUnits.total} vacant unit${data.vacantUnits.total === 1 ? '' : 's'}`,
      detail: `Consider publishing listings for ${names}${data.vacantUnits.total > 5 ? ' and others' : ''}.`,
      count: data.vacantUnits.total,
    });
  }
  if (data.overdue && data.overdue.total > 0) {
    items.push({
      kind: 'overdue_rent',
      severity: data.overdue.longestDaysOverdue > 30 ? 'critical' : 'warning',
      title: `${data.overdue.total} overdue charge${data.overdue.total === 1 ? '' : 's'}`,
      detail: `${money(data.overdue.outstandingCents)} outstanding; the oldest is ${data.overdue.longestDaysOverdue} days overdue. Send reminders.`,
      count: data.overdue.total,
    });
  }
  if (data.urgentWorkOrders && data.urgentWorkOrders.total > 0) {
    const breached = data.urgentWorkOrders.slaBreached;
    items.push({
      kind: 'urgent_work_orders',
      severity: breached > 0 ? 'critical' : 'warning',
      title: `${data.urgentWorkOrders.total} urgent work order${data.urgentWorkOrders.total === 1 ? '' : 's'}`,
      detail: breached > 0 ? `${breached} past their due time: assign contractors now.` : 'Assign contractors before they pass their due time.',
      count: data.urgentWorkOrders.total,
    });
  }
  const rank = { critical: 0, warning: 1, info: 2 };
  return items.sort((a, b) => rank[a.severity] - rank[b.severity]);
}
