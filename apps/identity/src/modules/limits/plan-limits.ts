import { LimitedResource, Plan, SubscriptionStatus } from '@quartier/contracts-identity';

const GB = 1024 ** 3;

/** Per plan and resource; null = unlimited (ARCHITECTURE §6). Storage in bytes. */
export const PLAN_LIMITS: Record<Plan, Record<LimitedResource, number | null>> = {
  starter: { properties: 10, users: 2, storage: 1 * GB, documents: 100 },
  professional: { properties: 100, users: 10, storage: 50 * GB, documents: 5000 },
  enterprise: { properties: null, users: null, storage: 500 * GB, documents: null },
};

export type LimitDecision =
  | { ok: true; limit: number | null; remaining: number | null }
  | { ok: false; reason: 'PLAN_LIMIT_REACHED'; limit: number; currentUsage: number; adding: number }
  | { ok: false; reason: 'SUBSCRIPTION_INACTIVE'; subscriptionStatus: SubscriptionStatus };

/** A past-due subscription keeps working while the payment is retried; a canceled one adds nothing. */
export function isSubscriptionActive(status: SubscriptionStatus): boolean {
  return status !== 'canceled';
}

/** Whether an organization may add `adding` of `resource` on top of `currentUsage`. */
export function checkLimit(
  plan: Plan,
  subscriptionStatus: SubscriptionStatus,
  resource: LimitedResource,
  currentUsage: number,
  adding = 1,
): LimitDecision {
  if (!isSubscriptionActive(subscriptionStatus)) return { ok: false, reason: 'SUBSCRIPTION_INACTIVE', subscriptionStatus };
  const limit = PLAN_LIMITS[plan][resource];
  if (limit === null) return { ok: true, limit: null, remaining: null };
  if (currentUsage + adding > limit) return { ok: false, reason: 'PLAN_LIMIT_REACHED', limit, currentUsage, adding };
  return { ok: true, limit, remaining: limit - currentUsage - adding };
}
