import { StatsRow, computeWorkOrderStats } from './work-order-stats';

const now = new Date('2026-03-10T00:00:00Z');

function row(overrides: Partial<StatsRow>): StatsRow {
  return {
    status: 'open',
    priority: 'normal',
    category: 'general',
    createdAt: new Date('2026-03-01T00:00:00Z'),
    completedAt: null,
    dueAt: new Date('2026-03-20T00:00:00Z'),
    estimatedCostCents: null,
    actualCostCents: null,
    ...overrides,
  };
}

describe('computeWorkOrderStats', () => {
  it('is all zeroes for no work orders', () => {
    const stats = computeWorkOrderStats([], now);
    expect(stats).toMatchObject({ total: 0, averageCompletionDays: null, slaBreaches: 0, open: 0, overdue: 0 });
    expect(stats.byStatus).toEqual({ open: 0, assigned: 0, in_progress: 0, completed: 0, cancelled: 0 });
    expect(stats.byPriority).toEqual({ low: 0, normal: 0, high: 0, emergency: 0 });
  });

  it('counts by status, priority and category', () => {
    const stats = computeWorkOrderStats(
      [row({ category: 'plumbing', priority: 'high' }), row({ category: 'plumbing', status: 'assigned' }), row({ status: 'cancelled' })],
      now,
    );
    expect(stats.total).toBe(3);
    expect(stats.byStatus).toMatchObject({ open: 1, assigned: 1, cancelled: 1 });
    expect(stats.byPriority).toMatchObject({ high: 1, normal: 2 });
    expect(stats.byCategory).toEqual({ plumbing: 2, general: 1 });
    expect(stats.open).toBe(2);
  });

  it('averages completion days and compares estimated with actual cost', () => {
    const stats = computeWorkOrderStats(
      [
        row({ status: 'completed', completedAt: new Date('2026-03-02T00:00:00Z'), estimatedCostCents: 10000, actualCostCents: 12500 }),
        row({ status: 'completed', completedAt: new Date('2026-03-04T12:00:00Z'), estimatedCostCents: null, actualCostCents: 9000 }),
      ],
      now,
    );
    expect(stats.averageCompletionDays).toBe(2.25);
    expect(stats.estimatedCostCents).toBe(10000);
    expect(stats.actualCostCents).toBe(12500);
    expect(stats.costVarianceCents).toBe(2500);
  });

  it('counts SLA breaches (late or overdue) and overdue orders', () => {
    const dueAt = new Date('2026-03-05T00:00:00Z');
    const stats = computeWorkOrderStats(
      [
        row({ dueAt, status: 'in_progress' }),
        row({ dueAt, status: 'completed', completedAt: new Date('2026-03-06T00:00:00Z') }),
        row({ dueAt, status: 'completed', completedAt: new Date('2026-03-04T00:00:00Z') }),
        row({ dueAt, status: 'cancelled' }),
      ],
      now,
    );
    expect(stats.slaBreaches).toBe(2);
    expect(stats.overdue).toBe(1);
  });
});
