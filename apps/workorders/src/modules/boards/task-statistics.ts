import { TASK_PRIORITIES, TaskPriority, TaskStatisticsView } from '@quartier/contracts-workorders';

export interface TaskStatsRow {
  columnKey: string;
  /** The task sits in a terminal (done) column. */
  terminal: boolean;
  priority: TaskPriority;
  assigneeId: string | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
}

/** Task statistics; `today` is YYYY-MM-DD, and a task due today is not overdue yet. */
export function computeTaskStatistics(rows: readonly TaskStatsRow[], today: string): TaskStatisticsView {
  const byStatus: Record<string, number> = {};
  const byPriority = Object.fromEntries(TASK_PRIORITIES.map((priority) => [priority, 0])) as Record<TaskPriority, number>;
  const byAssignee: Record<string, number> = {};
  let overdue = 0;
  let completed = 0;
  for (const row of rows) {
    byStatus[row.columnKey] = (byStatus[row.columnKey] ?? 0) + 1;
    byPriority[row.priority] += 1;
    const assignee = row.assigneeId ?? 'unassigned';
    byAssignee[assignee] = (byAssignee[assignee] ?? 0) + 1;
    if (row.terminal) completed += 1;
    else if (row.dueDate !== null && row.dueDate < today) overdue += 1;
  }
  return {
    total: rows.length,
    byStatus,
    byPriority,
    byAssignee,
    overdue,
    completed,
    completionRate: rows.length === 0 ? 0 : Math.round((completed / rows.length) * 10_000) / 10_000,
  };
}
