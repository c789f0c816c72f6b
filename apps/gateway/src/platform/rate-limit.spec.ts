import { ThrottlerStorageService } from '@nestjs/throttler';
import { RateLimiter, rateLimitHeaders, rateLimitKey, rateLimitState } from './rate-limit';

describe('rate-limit headers', () => {
  it('tells the client its remaining budget and when it resets', () => {
    expect(rateLimitHeaders(rateLimitState(100, 1, 59.2))).toEqual({
      'x-ratelimit-limit': '100',
      'x-ratelimit-remaining': '99',
      'x-ratelimit-reset': '60',
    });
  });

  it('adds Retry-After only past the limit, and never reports negative remaining', () => {
    expect(rateLimitHeaders(rateLimitState(3, 3, 10))['retry-after']).toBeUndefined();
    expect(rateLimitHeaders(rateLimitState(3, 4, 10))).toEqual({
      'x-ratelimit-limit': '3',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '10',
      'retry-after': '10',
    });
    expect(rateLimitState(3, 5, 0).resetSeconds).toBe(1);
  });

  it('keys by user when known, else by address', () => {
    expect(rateLimitKey('u-1', '10.0.0.1')).toBe('user:u-1');
    expect(rateLimitKey(undefined, '10.0.0.1')).toBe('ip:10.0.0.1');
  });
});

describe('RateLimiter', () => {
  it('counts per key within the window and blocks past the limit', async () => {
    const storage = new ThrottlerStorageService();
    const limiter = new RateLimiter(storage, 2, 'spec');
    expect((await limiter.consume('user:a')).remaining).toBe(1);
    expect((await limiter.consume('user:a')).remaining).toBe(0);
    const third = await limiter.consume('user:a');
    expect(third.retryAfterSeconds).toBeGreaterThan(0);
    expect((await limiter.consume('user:b')).remaining).toBe(1);
    storage.onApplicationShutdown();
  });
});
