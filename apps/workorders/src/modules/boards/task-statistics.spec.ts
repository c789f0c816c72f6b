import { TaskStatsRow, computeTaskStatistics } from './task-statistics';

function row(overrides: Partial<TaskStatsRow>): TaskStatsRow {
  return { columnKey: 'todo', terminal: false, priority: 'medium', assigneeId: null, dueDate: null, ...overrides };
}

describe('computeTaskStatistics', () => {
  it('is empty with a completion rate of 0 for no tasks', () => {
    expect(computeTaskStatistics([], '2026-03-10')).toEqual({
      total: 0,
      byStatus: {},
      byPriority: { low: 0, medium: 0, high: 0, urgent: 0 },
      byAssignee: {},
      overdue: 0,
      completed: 0,
      completionRate: 0,
    });
  });

  it('counts by status, priority and assignee and computes the completion rate', () => {
    const stats = computeTaskStatistics(
      [
        row({ assigneeId: 'u1', priority: 'high' }),
        row({ assigneeId: 'u1', columnKey: 'done', terminal: true }),
        row({ columnKey: 'done', terminal: true }),
      ],
      '2026-03-10',
    );
    expect(stats.byStatus).toEqual({ todo: 1, done: 2 });
    expect(stats.byPriority).toMatchObject({ high: 1, medium: 2 });
    expect(stats.byAssignee).toEqual({ u1: 2, unassigned: 1 });
    expect(stats.completed).toBe(2);
    expect(stats.completionRate).toBe(0.6667);
  });

  it('counts overdue only for unfinished tasks due before today', () => {
    const stats = computeTaskStatistics(
      [
        row({ dueDate: '2026-03-09' }),
        row({ dueDate: '2026-03-10' }),
        row({ dueDate: '2026-03-01', columnKey: 'done', terminal: true }),
      ],
      '2026-03-10',
    );
    expect(stats.overdue).toBe(1);
  });
});
