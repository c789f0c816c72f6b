/**
 * Failed logins of one email from one client address. Keyed by the email, not the account, so an
 * unknown email is throttled exactly like an existing one; keyed by the address too, so failures
 * from elsewhere never hold back the owner signing in from their own.
 */
export interface LoginFailureState {
  failedCount: number;
  lastFailedAt: Date | null;
}

export interface ThrottlePolicy {
  /** Failures after which every further attempt must wait a growing delay. */
  throttleAfter: number;
  /** Delay after `throttleAfter` failures; doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A count whose last failure is this old starts afresh. */
  forgetAfterMs: number;
}

export type LoginGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export const CLEAN_LOGIN_STATE: LoginFailureState = { failedCount: 0, lastFailedAt: null };

export function delayAfter(failedCount: number, policy: ThrottlePolicy): number {
  if (failedCount < policy.throttleAfter) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedCount - policy.throttleAfter));
}

/** Whether a login attempt may even be checked now. */
export function loginGate(state: LoginFailureState, policy: ThrottlePolicy, now: Date): LoginGate {
  const current = forgotten(state, policy, now) ? CLEAN_LOGIN_STATE : state;
  const delay = delayAfter(current.failedCount, policy);
  if (delay === 0 || !current.lastFailedAt) return { allowed: true };
  const allowedAt = current.lastFailedAt.getTime() + delay;
  if (allowedAt <= now.getTime()) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((allowedAt - now.getTime()) / 1000)) };
}

/** The state after a wrong password (or an unknown email). */
export function afterFailure(state: LoginFailureState, policy: ThrottlePolicy, now: Date): LoginFailureState {
  const failedCount = (forgotten(state, policy, now) ? 0 : state.failedCount) + 1;
  return { failedCount, lastFailedAt: now };
}

function forgotten(state: LoginFailureState, policy: ThrottlePolicy, now: Date): boolean {
  return state.lastFailedAt !== null && now.getTime() - state.lastFailedAt.getTime() >= policy.forgetAfterMs;
}
