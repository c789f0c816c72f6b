import { CLEAN_LOGIN_STATE, LoginFailureState, ThrottlePolicy, afterFailure, delayAfter, loginGate } from './login-throttle';

const policy: ThrottlePolicy = { throttleAfter: 5, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, forgetAfterMs: 24 * 3_600_000 };
const start = new Date('2026-11-22T10:00:00Z');
const at = (ms: number): Date => new Date(start.getTime() + ms);

function fail(times: number, state: LoginFailureState = CLEAN_LOGIN_STATE): LoginFailureState {
  let current = state;
  for (let i = 0; i < times; i++) current = afterFailure(current, policy, start);
  return current;
}

describe('login throttling', () => {
  it('lets the first failures through without delay', () => {
    expect(loginGate(fail(4), policy, start)).toEqual({ allowed: true });
  });

  it('makes each further attempt wait a delay that doubles with every failure, up to the cap', () => {
    expect([5, 6, 7, 8, 9].map((n) => delayAfter(n, policy))).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(delayAfter(30, policy)).toBe(15 * 60_000);
    const state = fail(6);
    expect(loginGate(state, policy, at(500))).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(loginGate(state, policy, at(2000))).toEqual({ allowed: true });
  });

  it('never locks: however many failures, the wait is at most the cap', () => {
    const hammered = fail(1000);
    expect(loginGate(hammered, policy, at(1000))).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 - 1 });
    expect(loginGate(hammered, policy, at(15 * 60_000))).toEqual({ allowed: true });
  });

  it('forgets failures after a quiet day', () => {
    const state = fail(12);
    const dayLater = at(24 * 3_600_000);
    expect(loginGate(state, policy, dayLater)).toEqual({ allowed: true });
    expect(afterFailure(state, policy, dayLater)).toEqual({ failedCount: 1, lastFailedAt: dayLater });
    expect(afterFailure(state, policy, at(1000))).toEqual({ failedCount: 13, lastFailedAt: at(1000) });
  });
});
