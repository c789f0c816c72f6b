import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AUDIT_SORT_FIELDS, AuditLogDto, ListAuditLogsDto } from '@quartier/contracts-identity';
import { AuditRecordedPayload, DomainEvent, OrgCaller, Page, pageOf, pageParams } from '@quartier/contracts-shared';
import { OrgScopedRepository } from '@quartier/db';
import { allowListedSort, forbidden } from '@quartier/messaging';
import { canManageMembers } from '../organizations/member-rules';
import { AuditLogEntity } from './audit-log.entity';

const SORT_COLUMNS: Readonly<Record<string, string>> = { occurredAt: 'a.occurredAt', status: 'a.status', method: 'a.method', id: 'a.id' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores one gateway audit event; a redelivered event is ignored by the unique event id. */
  async record(event: DomainEvent, manager: EntityManager): Promise<void> {
    const payload = event.payload as AuditRecordedPayload;
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditLogEntity)
      .values({
        eventId: event.id,
        // Anonymous requests (register, failed login) carry no organization.
        organizationId: UUID.test(event.organizationId) ? event.organizationId : (null as unknown as string),
        requestId: payload.requestId,
        userId: payload.userId && UUID.test(payload.userId) ? payload.userId : null,
        userEmail: payload.userEmail ?? null,
        method: payload.method,
        path: payload.path,
        route: payload.route ?? null,
        status: payload.status,
        outcome: payload.outcome,
        durationMs: Math.round(payload.durationMs),
        ip: payload.ip ?? null,
        occurredAt: new Date(event.occurredAt),
      })
      .orIgnore()
      .execute();
  }

  async list(caller: OrgCaller, query: ListAuditLogsDto): Promise<Page<AuditLogDto>> {
    if (!canManageMembers(caller.roles)) throw forbidden('Only owners and admins may read the audit log');
    const order = allowListedSort(query.sort, AUDIT_SORT_FIELDS, '-occurredAt');
    const { page, size, offset } = pageParams(query);
    const builder = new OrgScopedRepository(AuditLogEntity, this.dataSource.manager).query(caller.organizationId, 'a');
    if (query.userId) builder.andWhere('a.user_id = :userId', { userId: query.userId });
    if (query.method) builder.andWhere('a.method = :method', { method: query.method });
    if (query.status !== undefined) builder.andWhere('a.status = :status', { status: query.status });
    if (query.from) builder.andWhere('a.occurred_at >= :from', { from: new Date(query.from) });
    if (query.to) builder.andWhere('a.occurred_at < :to', { to: new Date(query.to) });
    for (const { field, direction } of order) builder.addOrderBy(SORT_COLUMNS[field], direction);
    const [rows, total] = await builder.offset(offset).limit(size).getManyAndCount();
    return pageOf(rows.map(toAuditLogDto), total, page, size);
  }
}

function toAuditLogDto(row: AuditLogEntity): AuditLogDto {
  return {
    id: row.id,
    requestId: row.requestId,
    userId: row.userId,
    userEmail: row.userEmail,
    method: row.method,
    path: row.path,
    route: row.route,
    status: row.status,
    outcome: row.outcome,
    durationMs: row.durationMs,
    ip: row.ip,
    occurredAt: row.occurredAt.toISOString(),
  };
}
