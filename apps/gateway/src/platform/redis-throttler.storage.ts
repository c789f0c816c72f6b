import { ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';

/** Increments the window counter and sets its expiry on first hit, atomically. */
const INCREMENT_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { hits, ttl }
`;

/**
 * Fixed-window counters in Redis, so every gateway replica enforces one shared limit. Past the
 * limit the key stays blocked until its window ends (block duration = window).
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly redis: Redis) {}

  async increment(key: string, ttl: number, limit: number): Promise<{
    totalHits: number;
    timeToExpire: number;
    isBlocked: boolean;
    timeToBlockExpire: number;
  }> {
    const [totalHits, ttlMs] = (await this.redis.eval(INCREMENT_SCRIPT, 1, `ratelimit:${key}`, String(ttl))) as [number, number];
    const seconds = Math.ceil(ttlMs / 1000);
    const isBlocked = totalHits > limit;
    return { totalHits, timeToExpire: seconds, isBlocked, timeToBlockExpire: isBlocked ? seconds : 0 };
  }
}
