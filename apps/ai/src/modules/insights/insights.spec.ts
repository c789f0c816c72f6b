import { buildInsights } from './insights';

describe('insights', () => {
  it('ranks critical findings first and sums what is owed per currency', () => {
    const items = buildInsights({
      vacantUnits: { total: 2, units: [{ number: '1A' }, { number: '2B' }] },
      overdue: { total: 3, outstandingCents: { EUR: 245000 }, longestDaysOverdue: 45 },
      urgentWorkOrders: { total: 1, slaBreached: 0 },
    });
    expect(items.map((item) => [item.kind, item.severity])).toEqual([
      ['overdue_rent', 'critical'],
      ['urgent_work_orders', 'warning'],
      ['vacancy', 'info'],
    ]);
    expect(items[0].detail).toBe('2450.00 EUR outstanding; the oldest is 45 days overdue. Send reminders.');
    expect(items[2]).toMatchObject({ title: '2 vacant units', detail: 'Consider publishing listings for 1A, 2B.' });
  });

  it('says nothing about what is fine or unknown', () => {
    expect(buildInsights({ vacantUnits: { total: 0, units: [] }, urgentWorkOrders: { total: 0, slaBreached: 0 } })).toEqual([]);
    expect(buildInsights({})).toEqual([]);
  });

  it('marks urgent work orders past due as critical', () => {
    expect(buildInsights({ urgentWorkOrders: { total: 4, slaBreached: 2 } })[0]).toMatchObject({
      severity: 'critical',
      detail: '2 past their due time: assign contractors now.',
    });
  });
});
