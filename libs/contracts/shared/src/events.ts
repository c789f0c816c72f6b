/** The envelope of every domain event on JetStream (`<prefix>.events.<service>.<entity>.<verb>`). */
export interface DomainEvent<T = unknown> {
  id: string;
  type: string;
  organizationId: string;
  occurredAt: string;
  payload: T;
}

/** Event type → subject suffix, e.g. `portfolio.unit.status-changed`. */
export function eventSubject(prefix: string, type: string): string {
  return `${prefix}.events.${type}`;
}
