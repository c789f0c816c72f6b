/** Plans and subscription states (ARCHITECTURE §6). */
export const PLANS = ['starter', 'professional', 'enterprise'] as const;
export type Plan = (typeof PLANS)[number];

export const SUBSCRIPTION_STATUSES = ['active', 'past_due', 'canceled'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** What a plan limits. Storage is counted in bytes. */
export const LIMITED_RESOURCES = ['properties', 'users', 'documents', 'storage'] as const;
export type LimitedResource = (typeof LIMITED_RESOURCES)[number];
