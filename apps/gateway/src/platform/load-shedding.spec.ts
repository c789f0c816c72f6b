import { InFlightLimiter, Release, SheddingLimits, mayWait, sheddingKey } from './load-shedding';

const LIMITS: SheddingLimits = { maxInFlight: 4, maxInFlightPerKey: 2, maxQueuedPerKey: 1, maxQueueWaitMs: 200 };

describe('sheddingKey', () => {
  it('counts a request against its organization, else its user, else its client address', () => {
    expect(sheddingKey('o-1', 'u-1', '10.0.0.1')).toBe('org:o-1');
    expect(sheddingKey(undefined, 'u-1', '10.0.0.1')).toBe('user:u-1');
    expect(sheddingKey(undefined, undefined, '10.0.0.1')).toBe('ip:10.0.0.1');
  });
});

describe('mayWait', () => {
  it('lets a key with its share free in while the instance has slots', () => {
    expect(mayWait({ inFlight: 0, queued: 0 }, { inFlight: 0, queued: 0 }, LIMITS)).toBe(true);
  });

  it('lets a key whose share is taken queue while its queue has room', () => {
    expect(mayWait({ inFlight: 2, queued: 0 }, { inFlight: 2, queued: 0 }, LIMITS)).toBe(true);
    expect(mayWait({ inFlight: 2, queued: 1 }, { inFlight: 2, queued: 1 }, LIMITS)).toBe(false);
  });

  it('sheds once the instance is full and its wait queue is as long as its slots', () => {
    expect(mayWait({ inFlight: 4, queued: 3 }, { inFlight: 0, queued: 0 }, LIMITS)).toBe(true);
    expect(mayWait({ inFlight: 4, queued: 4 }, { inFlight: 0, queued: 0 }, LIMITS)).toBe(false);
  });
});

describe('InFlightLimiter', () => {
  const held: Release[] = [];
  const enter = async (limiter: InFlightLimiter, key: string): Promise<boolean> => {
    const release = await limiter.enter(key);
    if (release) held.push(release);
    return release !== undefined;
  };

  afterEach(() => {
    held.splice(0).forEach((release) => release());
    jest.useRealTimers();
  });

  it('keeps slots for another organization while a busy one is at its share', async () => {
    const limiter = new InFlightLimiter(LIMITS);
    expect(await enter(limiter, 'org:busy')).toBe(true);
    expect(await enter(limiter, 'org:busy')).toBe(true);
    expect(await enter(limiter, 'org:quiet')).toBe(true);
    expect(limiter.load()).toEqual({ inFlight: 3, queued: 0 });
  });

  it('sheds a busy organization beyond its share and its queue, after the queued one waited its time', async () => {
    jest.useFakeTimers();
    const limiter = new InFlightLimiter(LIMITS);
    await enter(limiter, 'org:busy');
    await enter(limiter, 'org:busy');
    const queued = limiter.enter('org:busy');
    expect(await limiter.enter('org:busy')).toBeUndefined();
    expect(limiter.load()).toEqual({ inFlight: 2, queued: 1 });
    await jest.advanceTimersByTimeAsync(LIMITS.maxQueueWaitMs);
    expect(await queued).toBeUndefined();
    expect(limiter.load()).toEqual({ inFlight: 2, queued: 0 });
  });

  it('hands a released slot to the request waiting for it', async () => {
    const limiter = new InFlightLimiter(LIMITS);
    await enter(limiter, 'org:busy');
    await enter(limiter, 'org:busy');
    const waiting = limiter.enter('org:busy');
    held.shift()?.();
    const release = await waiting;
    expect(release).toBeDefined();
    release?.();
    release?.();
    await new Promise((resolve) => setImmediate(resolve));
    // Released twice, freed once: the first request's slot is still held.
    expect(limiter.load()).toEqual({ inFlight: 1, queued: 0 });
  });

  it('never runs more than the instance limit, whichever keys ask', async () => {
    const limiter = new InFlightLimiter({ ...LIMITS, maxQueueWaitMs: 20 });
    const admitted = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((key) => enter(limiter, `ip:${key}`)));
    expect(admitted.filter(Boolean)).toHaveLength(4);
    expect(limiter.load().inFlight).toBe(4);
  });

  it('gives a key its whole share again once its requests are done', async () => {
    const limiter = new InFlightLimiter(LIMITS);
    for (let round = 0; round < 3; round += 1) {
      expect(await enter(limiter, 'org:a')).toBe(true);
      expect(await enter(limiter, 'org:a')).toBe(true);
      held.splice(0).forEach((release) => release());
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(limiter.load()).toEqual({ inFlight: 0, queued: 0 });
    expect(await enter(limiter, 'org:a')).toBe(true);
    expect(await enter(limiter, 'org:a')).toBe(true);
  });
});
