import type { ContactActivityType } from '@quartier/contracts-portfolio';

/** A note is written about a contact, not with them, so it does not count as contact. */
export function isContactWithLead(type: ContactActivityType): boolean {
  return type !== 'note';
}

/** Clocks differ a little between the agent's device and the server. */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** Activities record what happened: a time more than a few minutes ahead is a mistake. */
export function isInFuture(occurredAt: Date, now: Date): boolean {
  return occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS;
}

/** The later of the current last contact and a newly recorded one. */
export function lastContactAfter(current: Date | null, activity: { type: ContactActivityType; occurredAt: Date }): Date | null {
  if (!isContactWithLead(activity.type)) return current;
  return current === null || activity.occurredAt > current ? activity.occurredAt : current;
}
