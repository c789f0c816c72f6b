import { CLEAN_LOGIN_STATE, LoginAttemptState, ThrottlePolicy, afterFailure, delayAfter, loginGate } from './login-throttle';

const policy: ThrottlePolicy = { throttleAfter: 5, baseDelayMs: 1000, maxDelayMs: 60_000, lockAfter: 10, lockMs: 15 * 60_000 };
const start = new Date('2026-11-22T10:00:00Z');
const at = (ms: number): Date => new Date(start.getTime() + ms);

function fail(times: number, state: LoginAttemptState = CLEAN_LOGIN_STATE): LoginAttemptState {
  let current = state;
  for (let i = 0; i < times; i++) current = afterFailure(current, policy, start);
  return current;
}

describe('login throttling', () => {
  it('lets the first failures through without delay', () => {
    expect(loginGate(fail(4), policy, start)).toEqual({ allowed: true });
  });

  it('slows down with a growing delay after 5 failures', () => {
    expect([5, 6, 7, 8, 9].map((n) => delayAfter(n, policy))).toEqual([1000, 2000, 4000, 8000, 16000]);
    const state = fail(6);
    expect(loginGate(state, policy, at(500))).toEqual({ allowed: false, reason: 'throttled', retryAfterSeconds: 2 });
    expect(loginGate(state, policy, at(2000))).toEqual({ allowed: true });
    expect(delayAfter(30, policy)).toBe(60_000);
  });

  it('locks the account for 15 minutes after 10 failures', () => {
    const locked = fail(10);
    expect(locked.lockedUntil).toEqual(at(15 * 60_000));
    expect(loginGate(locked, policy, at(60_000))).toEqual({ allowed: false, reason: 'locked', retryAfterSeconds: 14 * 60 });
    expect(loginGate(locked, policy, at(15 * 60_000))).toEqual({ allowed: true });
    const lockedJustNow = { ...locked, lockedUntil: at(-1), lastFailedAt: at(-2) };
    expect(loginGate(lockedJustNow, policy, start)).toEqual({ allowed: true });
  });

  it('starts counting afresh once a lock has run out', () => {
    const locked = fail(10);
    const next = afterFailure(locked, policy, at(16 * 60_000));
    expect(next).toEqual({ failedCount: 1, lastFailedAt: at(16 * 60_000), lockedUntil: null });
  });
});
