import { DEFAULT_SLA_HOURS, isOverdue, isSlaBreached, slaDueAt } from './sla';

const created = new Date('2026-03-02T08:00:00Z');

describe('SLA', () => {
  it('gives each priority its own due time', () => {
    expect(slaDueAt(created, 'emergency').toISOString()).toBe('2026-03-02T12:00:00.000Z');
    expect(slaDueAt(created, 'high').toISOString()).toBe('2026-03-03T08:00:00.000Z');
    expect(slaDueAt(created, 'normal').toISOString()).toBe('2026-03-05T08:00:00.000Z');
    expect(slaDueAt(created, 'low').toISOString()).toBe('2026-03-09T08:00:00.000Z');
  });

  it('uses configured hours', () => {
    expect(slaDueAt(created, 'emergency', { ...DEFAULT_SLA_HOURS, emergency: 1 }).toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  it('counts a breach for late completion or unfinished past due, never for cancellation', () => {
    const dueAt = new Date('2026-03-02T12:00:00Z');
    const later = new Date('2026-03-02T13:00:00Z');
    const earlier = new Date('2026-03-02T11:00:00Z');
    expect(isSlaBreached({ status: 'completed', dueAt, completedAt: later })).toBe(true);
    expect(isSlaBreached({ status: 'completed', dueAt, completedAt: earlier })).toBe(false);
    expect(isSlaBreached({ status: 'in_progress', dueAt, completedAt: null }, later)).toBe(true);
    expect(isSlaBreached({ status: 'open', dueAt, completedAt: null }, earlier)).toBe(false);
    expect(isSlaBreached({ status: 'cancelled', dueAt, completedAt: null }, later)).toBe(false);
  });

  it('calls only unfinished work orders overdue', () => {
    const dueAt = new Date('2026-03-02T12:00:00Z');
    const later = new Date('2026-03-02T13:00:00Z');
    expect(isOverdue({ status: 'assigned', dueAt, completedAt: null }, later)).toBe(true);
    expect(isOverdue({ status: 'completed', dueAt, completedAt: later }, later)).toBe(false);
  });
});
