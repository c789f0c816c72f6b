/** Failed-login bookkeeping of one account. */
export interface LoginAttemptState {
  failedCount: number;
  lastFailedAt: Date | null;
  lockedUntil: Date | null;
}

export interface ThrottlePolicy {
  /** Failures after which every further attempt must wait a growing delay. */
  throttleAfter: number;
  /** Delay after `throttleAfter` failures; doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures after which the account is locked for `lockMs`. */
  lockAfter: number;
  lockMs: number;
}

export type LoginGate = { allowed: true } | { allowed: false; reason: 'locked' | 'throttled'; retryAfterSeconds: number };

export function delayAfter(failedCount: number, policy: ThrottlePolicy): number {
  if (failedCount < policy.throttleAfter) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedCount - policy.throttleAfter));
}

/** Whether a login attempt may even be checked now. */
export function loginGate(state: LoginAttemptState, policy: ThrottlePolicy, now: Date): LoginGate {
  if (state.lockedUntil) {
    if (state.lockedUntil.getTime() > now.getTime()) {
      return { allowed: false, reason: 'locked', retryAfterSeconds: secondsUntil(state.lockedUntil.getTime(), now) };
    }
    // The lock has been served: no further delay on top of it.
    return { allowed: true };
  }
  const delay = delayAfter(state.failedCount, policy);
  if (delay > 0 && state.lastFailedAt) {
    const allowedAt = state.lastFailedAt.getTime() + delay;
    if (allowedAt > now.getTime()) return { allowed: false, reason: 'throttled', retryAfterSeconds: secondsUntil(allowedAt, now) };
  }
  return { allowed: true };
}

/** The state after a wrong password. A lock that has run out starts a fresh count. */
export function afterFailure(state: LoginAttemptState, policy: ThrottlePolicy, now: Date): LoginAttemptState {
  const expiredLock = state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime();
  const failedCount = (expiredLock ? 0 : state.failedCount) + 1;
  const lockedUntil = failedCount >= policy.lockAfter ? new Date(now.getTime() + policy.lockMs) : expiredLock ? null : state.lockedUntil;
  return { failedCount, lastFailedAt: now, lockedUntil };
}

export const CLEAN_LOGIN_STATE: LoginAttemptState = { failedCount: 0, lastFailedAt: null, lockedUntil: null };

function secondsUntil(epochMs: number, now: Date): number {
  return Math.max(1, Math.ceil((epochMs - now.getTime()) / 1000));
}
