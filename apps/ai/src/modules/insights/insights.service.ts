import { Injectable } from '@nestjs/common';
import { InsightsView } from '@quartier/contracts-ai';
import { PaymentOperations } from '@quartier/contracts-leasing';
import { UnitOperations } from '@quartier/contracts-portfolio';
import { OrgCaller } from '@quartier/contracts-shared';
import { WorkOrderOperations } from '@quartier/contracts-workorders';
import { OperationClient } from '@quartier/messaging';
import { InsightData, buildInsights } from './insights';

const SAMPLE = 100;

/** Insights from the same services and with the same permissions as the caller's own API calls. */
@Injectable()
export class InsightsService {
  constructor(private readonly operations: OperationClient) {}

  async insights(caller: OrgCaller): Promise<InsightsView> {
    const [vacant, overdue, urgent] = await Promise.allSettled([
      this.operations.send(UnitOperations.available, { size: SAMPLE }, caller),
      this.operations.send(PaymentOperations.overdue, { size: SAMPLE }, caller),
      this.operations.send(WorkOrderOperations.urgent, { size: SAMPLE }, caller),
    ]);
    const data: InsightData = {};
    const unavailable: string[] = [];
    if (vacant.status === 'fulfilled') data.vacantUnits = { total: vacant.value.total, units: vacant.value.items };
    else unavailable.push('vacancies');
    if (overdue.status === 'fulfilled') {
      const outstandingCents: Record<string, number> = {};
      for (const charge of overdue.value.items) outstandingCents[charge.currency] = (outstandingCents[charge.currency] ?? 0) + charge.outstandingCents;
      const longestDaysOverdue = Math.max(0, ...overdue.value.items.map((charge) => charge.daysOverdue));
      data.overdue = { total: overdue.value.total, outstandingCents, longestDaysOverdue };
    } else unavailable.push('overdue rent');
    if (urgent.status === 'fulfilled') {
      data.urgentWorkOrders = { total: urgent.value.total, slaBreached: urgent.value.items.filter((order) => order.slaBreached).length };
    } else unavailable.push('work orders');
    return { items: buildInsights(data), unavailable, generatedAt: new Date().toISOString() };
  }
}
