import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditLogEntity } from './audit-log.entity';

/**
 * An anonymous request that changed an organization (an invitation accepted, a password reset)
 * has no principal, so the gateway publishes no audit event for it: identity records it itself,
 * in the same shape and in the same transaction as the change.
 */
export interface IdentityAuditEntry {
  organizationId: string;
  requestId: string;
  userId: string;
  userEmail: string;
  path: string;
  startedAt: number;
  ip?: string;
}

export async function recordAuditEntries(manager: EntityManager, entries: IdentityAuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const occurredAt = new Date();
  await manager.insert(
    AuditLogEntity,
    entries.map((entry) => ({
      eventId: randomUUID(),
      organizationId: entry.organizationId,
      requestId: entry.requestId,
      userId: entry.userId,
      userEmail: entry.userEmail,
      method: 'POST',
      path: entry.path,
      route: entry.path,
      status: 200,
      outcome: 'success' as const,
      durationMs: Math.max(0, Math.round(occurredAt.getTime() - entry.startedAt)),
      ip: entry.ip ?? null,
      occurredAt,
    })),
  );
}
