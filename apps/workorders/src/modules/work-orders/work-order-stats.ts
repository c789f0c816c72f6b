import {
  WORK_ORDER_PRIORITIES,
  WORK_ORDER_STATUSES,
  WorkOrderPriority,
  WorkOrderStatsView,
  WorkOrderStatus,
} from '@quartier/contracts-workorders';
import { isOverdue, isSlaBreached } from './sla';

export interface StatsRow {
  status: WorkOrderStatus;
  priority: WorkOrderPriority;
  category: string;
  createdAt: Date;
  completedAt: Date | null;
  dueAt: Date;
  estimatedCostCents: number | null;
  actualCostCents: number | null;
}

const DAY_MS = 86_400_000;

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

/** Work order statistics over the rows of one organization. */
export function computeWorkOrderStats(rows: readonly StatsRow[], now: Date = new Date()): WorkOrderStatsView {
  const byStatus = zeroes(WORK_ORDER_STATUSES);
  const byPriority = zeroes(WORK_ORDER_PRIORITIES);
  const byCategory: Record<string, number> = {};
  let completionDays = 0;
  let completed = 0;
  let estimated = 0;
  let actual = 0;
  let slaBreaches = 0;
  let overdue = 0;
  for (const row of rows) {
    byStatus[row.status] += 1;
    byPriority[row.priority] += 1;
    byCategory[row.category] = (byCategory[row.category] ?? 0) + 1;
    if (row.status === 'completed' && row.completedAt) {
      completed += 1;
      completionDays += (row.completedAt.getTime() - row.createdAt.getTime()) / DAY_MS;
      // Compare like with like: only orders that carry both an estimate and an actual cost.
      if (row.estimatedCostCents !== null && row.actualCostCents !== null) {
        estimated += row.estimatedCostCents;
        actual += row.actualCostCents;
      }
    }
    if (isSlaBreached(row, now)) slaBreaches += 1;
    if (isOverdue(row, now)) overdue += 1;
  }
  return {
    total: rows.length,
    byStatus,
    byPriority,
    byCategory,
    averageCompletionDays: completed > 0 ? Math.round((completionDays / completed) * 100) / 100 : null,
    estimatedCostCents: estimated,
    actualCostCents: actual,
    costVarianceCents: actual - estimated,
    slaBreaches,
    open: byStatus.open + byStatus.assigned + byStatus.in_progress,
    overdue,
  };
}
