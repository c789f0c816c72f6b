import pLimit from 'p-limit';

/** How much work one gateway instance takes on (MAX_IN_FLIGHT and friends in gateway.config.ts). */
export interface SheddingLimits {
  /** Requests worked on at once by this instance. */
  maxInFlight: number;
  /** The share of those one organization (anonymous: one IP) may hold. */
  maxInFlightPerKey: number;
  /** Requests of one organization that may wait for a slot; beyond, they are shed at once. */
  maxQueuedPerKey: number;
  /** How long a request may wait for a slot before it is shed. */
  maxQueueWaitMs: number;
}

/** What is running and waiting, for the whole instance or for one key. */
export interface Load {
  inFlight: number;
  queued: number;
}

/** Whose share a request counts against: its organization, else its user, else its client address. */
export function sheddingKey(organizationId: string | undefined, userId: string | undefined, ip: string | undefined): string {
  if (organizationId) return `org:${organizationId}`;
  return userId ? `user:${userId}` : `ip:${ip ?? 'unknown'}`;
}

/**
 * Whether a request may wait for a slot or is shed at once. A key whose own share is taken waits
 * only while its queue has room; the wait queue of the whole instance is never longer than its
 * slots, so nothing waits behind more work than one round of slots can finish.
 */
export function mayWait(total: Load, key: Load, limits: SheddingLimits): boolean {
  const keyHasSlot = key.inFlight < limits.maxInFlightPerKey;
  if (!keyHasSlot && key.queued >= limits.maxQueuedPerKey) return false;
  return total.inFlight < limits.maxInFlight || total.queued < limits.maxInFlight;
}

/** Releases a slot; calling it again does nothing. */
export type Release = () => void;

interface KeySlots {
  limit: pLimit.Limit;
  /** Requests of this key inside the limiter (waiting or running): the entry goes when none are left. */
  holders: number;
}

/**
 * In-flight slots of one gateway instance, fair between organizations: each key gets at most its
 * share of the slots (a per-key p-limit) before it competes for the instance's slots (one shared
 * p-limit, first come first served), so a busy organization queues behind itself while the others
 * find free slots. A request waits at most `maxQueueWaitMs`; `enter` then resolves undefined.
 */
export class InFlightLimiter {
  private readonly slots: pLimit.Limit;
  private readonly keys = new Map<string, KeySlots>();
  private waiting = 0;

  constructor(private readonly limits: SheddingLimits) {
    this.slots = pLimit(limits.maxInFlight);
  }

  /** The slot's release, or undefined when the request is to be shed. */
  enter(key: string): Promise<Release | undefined> {
    const slots = this.keys.get(key) ?? { limit: pLimit(this.limits.maxInFlightPerKey), holders: 0 };
    const keyLoad = { inFlight: slots.limit.activeCount, queued: slots.limit.pendingCount };
    if (!mayWait(this.load(), keyLoad, this.limits)) return Promise.resolve(undefined);
    this.keys.set(key, slots);
    slots.holders += 1;
    this.waiting += 1;
    return new Promise((resolve) => {
      let gaveUp = false;
      const stopWaiting = (): void => {
        clearTimeout(timer);
        this.waiting -= 1;
      };
      const timer = setTimeout(() => {
        gaveUp = true;
        stopWaiting();
        resolve(undefined);
      }, this.limits.maxQueueWaitMs);
      const run = (): Promise<void> =>
        new Promise<void>((done) => {
          if (gaveUp) return done();
          stopWaiting();
          let released = false;
          resolve(() => {
            if (released) return;
            released = true;
            done();
          });
        });
      // A request that gave up while waiting for its key's share never queues for the instance's slots.
      void slots
        .limit(() => (gaveUp ? undefined : this.slots(run)))
        .finally(() => {
          slots.holders -= 1;
          if (slots.holders === 0) this.keys.delete(key);
        });
    });
  }

  /** Requests running and waiting on this instance. */
  load(): Load {
    return { inFlight: this.slots.activeCount, queued: this.waiting };
  }
}
