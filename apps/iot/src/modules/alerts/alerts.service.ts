import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { OrgCaller, Page, pageOf, pageParams } from '@quartier/contracts-shared';
import { AlertEvent, AlertListQueryDto, AlertResponse, AlertSeverity, IotErrorCode } from '@quartier/contracts-iot';
import { OrgScopedRepository, addAllToOutbox, addToOutbox } from '@quartier/db';
import { notFound, rpcError } from '@quartier/messaging';
import { sortOrder } from '../sorting';
import { AlertEntity } from './alert.entity';
import { toAlertPayload, toAlertResponse } from './alert.mapper';

const SORTABLE = { raisedAt: 'raised_at', severity: 'severity', status: 'status' } as const;

export interface RaiseAlert {
  organizationId: string;
  deviceId: string;
  unitId: string | null;
  buildingId: string | null;
  ruleId: string | null;
  severity: AlertSeverity;
  kind: string;
  title: string;
  message: string;
  metric?: string;
  value?: number;
  raisedAt: Date;
}

@Injectable()
export class AlertsService {
  private readonly alerts: OrgScopedRepository<AlertEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.alerts = new OrgScopedRepository(AlertEntity, dataSource.manager);
  }

  /** Records an alert and its event in the caller's transaction. */
  async raise(manager: EntityManager, input: RaiseAlert): Promise<AlertEntity> {
    const { organizationId, metric, value, ...rest } = input;
    const alert = await this.alerts.withManager(manager).insert(organizationId, {
      ...rest,
      metric: metric ?? null,
      value: value ?? null,
      status: 'open',
    });
    await addToOutbox(manager, organizationId, AlertEvent.RAISED, toAlertPayload(alert));
    return alert;
  }

  /** Resolves the open alerts of a rule whose cause went away. */
  async resolveClearedForRule(manager: EntityManager, organizationId: string, ruleId: string): Promise<number> {
    const open = await this.alerts
      .withManager(manager)
      .query(organizationId, 'a')
      .andWhere("a.status <> 'resolved'")
      .andWhere('a.rule_id = :ruleId', { ruleId })
      .setLock('pessimistic_write')
      .getMany();
    for (const alert of open) {
      alert.status = 'resolved';
      alert.resolvedAt = new Date();
      alert.resolvedBy = null;
      await manager.save(alert);
      await addToOutbox(manager, organizationId, AlertEvent.RESOLVED, toAlertPayload(alert));
    }
    return open.length;
  }

  /**
   * Resolves the open alerts of one kind raised for any of these devices (no rule), in one
   * statement: a fleet coming back online at once must not cost a round trip per device.
   */
  async resolveClearedForDevices(manager: EntityManager, kind: string, devices: { organizationId: string; deviceId: string }[]): Promise<number> {
    if (devices.length === 0) return 0;
    const [resolved] = (await manager.query(
      `UPDATE alerts a SET status = 'resolved', resolved_at = now(), resolved_by = NULL
         FROM unnest($1::uuid[], $2::uuid[]) AS d(organization_id, device_id)
        WHERE a.organization_id = d.organization_id AND a.device_id = d.device_id
          AND a.kind = $3 AND a.rule_id IS NULL AND a.status <> 'resolved'
        RETURNING a.id`,
      [devices.map((device) => device.organizationId), devices.map((device) => device.deviceId), kind],
    )) as [{ id: string }[], number];
    if (resolved.length === 0) return 0;
    const alerts = await manager.findBy(AlertEntity, { id: In(resolved.map((row) => row.id)) });
    await addAllToOutbox(manager, alerts.map((alert) => ({ organizationId: alert.organizationId, type: AlertEvent.RESOLVED, payload: toAlertPayload(alert) })));
    return alerts.length;
  }

  async list(caller: OrgCaller, query: AlertListQueryDto): Promise<Page<AlertResponse>> {
    const { page, size, offset } = pageParams(query);
    const builder = this.alerts.query(caller.organizationId, 'a');
    const filters: [keyof AlertListQueryDto, string][] = [
      ['status', 'status'],
      ['severity', 'severity'],
      ['deviceId', 'device_id'],
      ['unitId', 'unit_id'],
      ['ruleId', 'rule_id'],
      ['kind', 'kind'],
    ];
    for (const [field, column] of filters) {
      if (query[field] !== undefined) builder.andWhere(`a.${column} = :${field}`, { [field]: query[field] });
    }
    if (query.from) builder.andWhere('a.raised_at >= :from', { from: query.from });
    if (query.to) builder.andWhere('a.raised_at < :to', { to: query.to });
    for (const [column, direction] of sortOrder(query.sort, SORTABLE, '-raisedAt')) builder.addOrderBy(`a.${column}`, direction);
    const [items, total] = await builder.skip(offset).take(size).getManyAndCount();
    return pageOf(items.map(toAlertResponse), total, page, size);
  }

  async get(caller: OrgCaller, id: string): Promise<AlertResponse> {
    const alert = await this.alerts.findById(caller.organizationId, id);
    if (!alert) throw notFound('Alert', id);
    return toAlertResponse(alert);
  }

  /** open → acknowledged; anything else is a 409. */
  acknowledge(caller: OrgCaller, id: string, note?: string): Promise<AlertResponse> {
    return this.transition(caller, id, ['open'], (alert) => {
      alert.status = 'acknowledged';
      alert.acknowledgedAt = new Date();
      alert.acknowledgedBy = caller.userId;
      if (note) alert.note = note;
      return AlertEvent.ACKNOWLEDGED;
    });
  }

  /** open or acknowledged → resolved; resolving twice is a 409. */
  resolve(caller: OrgCaller, id: string, note?: string): Promise<AlertResponse> {
    return this.transition(caller, id, ['open', 'acknowledged'], (alert) => {
      alert.status = 'resolved';
      alert.resolvedAt = new Date();
      alert.resolvedBy = caller.userId;
      if (note) alert.note = note;
      return AlertEvent.RESOLVED;
    });
  }

  private transition(caller: OrgCaller, id: string, from: AlertEntity['status'][], apply: (alert: AlertEntity) => string): Promise<AlertResponse> {
    return this.dataSource.transaction(async (manager) => {
      const alert = await this.alerts.withManager(manager).query(caller.organizationId, 'a').andWhere('a.id = :id', { id }).setLock('pessimistic_write').getOne();
      if (!alert) throw notFound('Alert', id);
      if (!from.includes(alert.status)) {
        throw rpcError(409, IotErrorCode.ALERT_STATE_CONFLICT, `The alert is ${alert.status}`, { status: alert.status });
      }
      const eventType = apply(alert);
      await manager.save(alert);
      await addToOutbox(manager, caller.organizationId, eventType, toAlertPayload(alert));
      return toAlertResponse(alert);
    });
  }
}
