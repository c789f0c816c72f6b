import { ThrottlerStorage } from '@nestjs/throttler';

export const RATE_LIMIT_WINDOW_MS = 60_000;

/** What the client is told about its budget after one request. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
  /** Set when this request is over the limit. */
  retryAfterSeconds?: number;
}

/** The storage's counters → the client's view: remaining never below 0, reset at least 1 s away. */
export function rateLimitState(limit: number, totalHits: number, timeToExpireSeconds: number): RateLimitState {
  const resetSeconds = Math.max(1, Math.ceil(timeToExpireSeconds));
  const state: RateLimitState = { limit, remaining: Math.max(0, limit - totalHits), resetSeconds };
  return totalHits > limit ? { ...state, retryAfterSeconds: resetSeconds } : state;
}

/** `X-RateLimit-*` on every response, plus `Retry-After` on a 429. */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  const headers: Record<string, string> = {
    'x-ratelimit-limit': String(state.limit),
    'x-ratelimit-remaining': String(state.remaining),
    'x-ratelimit-reset': String(state.resetSeconds),
  };
  if (state.retryAfterSeconds !== undefined) headers['retry-after'] = String(state.retryAfterSeconds);
  return headers;
}

/** Per user when authenticated, else per client address. */
export function rateLimitKey(userId: string | undefined, ip: string | undefined): string {
  return userId ? `user:${userId}` : `ip:${ip ?? 'unknown'}`;
}

/** A fixed one-minute window per key, counted in a @nestjs/throttler storage (memory or Redis). */
export class RateLimiter {
  constructor(
    private readonly storage: ThrottlerStorage,
    private readonly limit: number,
    private readonly namespace: string,
  ) {}

  async consume(key: string): Promise<RateLimitState> {
    const record = await this.storage.increment(
      `${this.namespace}:${key}`,
      RATE_LIMIT_WINDOW_MS,
      this.limit,
      RATE_LIMIT_WINDOW_MS,
      'default',
    );
    return rateLimitState(this.limit, record.totalHits, record.isBlocked ? record.timeToBlockExpire : record.timeToExpire);
  }
}
