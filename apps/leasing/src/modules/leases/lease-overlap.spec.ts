import { findOverlap, termsOverlap } from './lease-overlap';

describe('lease overlap', () => {
  it('treats touching terms as separate and shared days as overlapping', () => {
    expect(termsOverlap({ startDate: '2026-01-01', endDate: '2026-06-30' }, { startDate: '2026-07-01', endDate: null })).toBe(false);
    expect(termsOverlap({ startDate: '2026-01-01', endDate: '2026-07-01' }, { startDate: '2026-07-01', endDate: '2026-12-31' })).toBe(true);
  });

  it('lets an open-ended lease block every later start', () => {
    expect(termsOverlap({ startDate: '2026-01-01', endDate: null }, { startDate: '2030-01-01', endDate: '2030-02-01' })).toBe(true);
    expect(termsOverlap({ startDate: '2026-01-01', endDate: null }, { startDate: '2025-01-01', endDate: '2025-12-31' })).toBe(false);
  });

  it('names the conflicting lease', () => {
    const existing = [
      { id: 'a', startDate: '2025-01-01', endDate: '2025-12-31' },
      { id: 'b', startDate: '2026-03-01', endDate: null },
    ];
    expect(findOverlap({ startDate: '2026-01-01', endDate: '2026-04-30' }, existing)?.id).toBe('b');
    expect(findOverlap({ startDate: '2026-01-01', endDate: '2026-02-28' }, existing)).toBeUndefined();
  });
});
