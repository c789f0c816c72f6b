import { PLAN_LIMITS, checkLimit } from './plan-limits';

describe('plan limits', () => {
  it('matches the plans of ARCHITECTURE §6', () => {
    expect(PLAN_LIMITS.starter).toEqual({ properties: 10, users: 2, storage: 1024 ** 3, documents: 100 });
    expect(PLAN_LIMITS.professional).toEqual({ properties: 100, users: 10, storage: 50 * 1024 ** 3, documents: 5000 });
    expect(PLAN_LIMITS.enterprise).toEqual({ properties: null, users: null, storage: 500 * 1024 ** 3, documents: null });
  });

  it('allows adding up to the limit and refuses the one beyond it', () => {
    expect(checkLimit('starter', 'active', 'properties', 9)).toEqual({ ok: true, limit: 10, remaining: 0 });
    expect(checkLimit('starter', 'active', 'properties', 10)).toEqual({
      ok: false,
      reason: 'PLAN_LIMIT_REACHED',
      limit: 10,
      currentUsage: 10,
      adding: 1,
    });
    expect(checkLimit('starter', 'active', 'users', 1, 2).ok).toBe(false);
    expect(checkLimit('professional', 'active', 'users', 2, 2)).toEqual({ ok: true, limit: 10, remaining: 6 });
  });

  it('counts storage in bytes', () => {
    expect(checkLimit('starter', 'active', 'storage', 1024 ** 3 - 10, 10).ok).toBe(true);
    expect(checkLimit('starter', 'active', 'storage', 1024 ** 3 - 10, 11).ok).toBe(false);
  });

  it('never limits unlimited resources of the enterprise plan', () => {
    expect(checkLimit('enterprise', 'active', 'properties', 1_000_000, 500)).toEqual({ ok: true, limit: null, remaining: null });
    expect(checkLimit('enterprise', 'active', 'storage', 500 * 1024 ** 3, 1).ok).toBe(false);
  });

  it('refuses everything once the subscription is canceled, but keeps past-due accounts working', () => {
    expect(checkLimit('enterprise', 'canceled', 'properties', 0)).toEqual({
      ok: false,
      reason: 'SUBSCRIPTION_INACTIVE',
      subscriptionStatus: 'canceled',
    });
    expect(checkLimit('starter', 'past_due', 'properties', 0).ok).toBe(true);
  });
});
