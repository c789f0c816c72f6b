/** A stored signing key as the rotation rules see it. */
export interface KeyLifecycle {
  kid: string;
  /** When it starts signing; a rotated-in key is published a little before that. */
  activatedAt: Date;
  /** When it stops signing: null for the newest key, the next key's activation for the others. */
  retiredAt: Date | null;
  /** When a retired key leaves the JWKS; null while active. */
  expiresAt: Date | null;
}

export interface RotationPolicy {
  /** A key signs for this many days, then the next one takes over. */
  rotationDays: number;
  accessTokenTtlSeconds: number;
  /**
   * How often replicas reload the signing key: how long one may keep signing with a retired key,
   * and how long a new key is published before it signs (so verifiers know it before its first token).
   */
  refreshSeconds: number;
  /** Extra time for clock skew and caches. */
  marginSeconds: number;
}

export interface RotationPlan {
  /** Generate a new key, signing from `activateAt`, when the current one retires. */
  rotate: boolean;
  activateAt: Date;
  /** Kids of retired keys whose every token has expired: delete them. */
  drop: string[];
}

const DAY_MS = 86_400_000;

export function isRotationDue(active: KeyLifecycle, policy: RotationPolicy, now: Date): boolean {
  return now.getTime() >= active.activatedAt.getTime() + policy.rotationDays * DAY_MS;
}

/**
 * When a key retired at `retiredAt` may leave the JWKS: the last token it can have signed was
 * issued by a replica that had not refreshed yet, and lives one access-token TTL.
 */
export function retiredKeyExpiry(retiredAt: Date, policy: RotationPolicy): Date {
  return new Date(retiredAt.getTime() + (policy.accessTokenTtlSeconds + policy.refreshSeconds + policy.marginSeconds) * 1000);
}

/** Keys the JWKS publishes: the active one and retired ones whose tokens may still be alive. */
export function isPublished(key: KeyLifecycle, now: Date): boolean {
  return key.expiresAt === null || key.expiresAt.getTime() > now.getTime();
}

/** The key that signs at `now`: activated, not yet retired. */
export function signingKeyAt<K extends KeyLifecycle>(keys: readonly K[], now: Date): K | undefined {
  return keys
    .filter((key) => key.activatedAt.getTime() <= now.getTime() && (key.retiredAt === null || key.retiredAt.getTime() > now.getTime()))
    .sort((a, b) => b.activatedAt.getTime() - a.activatedAt.getTime())[0];
}

/**
 * What one maintenance pass does: rotate when forced, when there is no key, or when the newest
 * key has signed for the rotation period. The very first key signs at once; later ones are
 * published one refresh interval ahead.
 */
export function planRotation(keys: readonly KeyLifecycle[], policy: RotationPolicy, now: Date, force: boolean): RotationPlan {
  const newest = keys.find((key) => key.retiredAt === null);
  const rotate = force || !newest || isRotationDue(newest, policy, now);
  const activateAt = newest ? new Date(now.getTime() + policy.refreshSeconds * 1000) : now;
  const drop = keys.filter((key) => key.retiredAt !== null && !isPublished(key, now)).map((key) => key.kid);
  return { rotate, activateAt, drop };
}
