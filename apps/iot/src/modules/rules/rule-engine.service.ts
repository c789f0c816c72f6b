import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { IotEvent, NotificationRequestedPayload, RuleActionDto, WorkOrderRequestedPayload } from '@quartier/contracts-iot';
import { addToOutbox } from '@quartier/db';
import { AlertsService } from '../alerts/alerts.service';
import { CommandsService } from '../commands/commands.service';
import { DeviceInfo } from '../devices/device-directory';
import { RuleEntity } from './rule.entity';
import { Firing, alertsFirst, rememberAlert } from './rule-firing';
import { LatestValue, RuleOutcome, RuleSignal, evaluateRule } from './rule-evaluation';

/** A signal of one device (schedule ticks have none). */
export interface DeviceSignal {
  device: DeviceInfo;
  signal: RuleSignal;
}

interface PendingCommand {
  organizationId: string;
  deviceId: string;
  action: RuleActionDto;
  ruleId: string;
}

function describe(signal: RuleSignal): string {
  switch (signal.kind) {
    case 'reading':
      return `${signal.metric} is ${signal.value}`;
    case 'state':
      return `state changed: ${JSON.stringify(signal.state)}`;
    case 'connectivity':
      return signal.online ? 'device is back online' : 'device went offline';
    case 'tick':
      return 'scheduled';
  }
}

/**
 * Runs automation rules against what ingestion saw. Rules of the affected devices are locked
 * for the evaluation, so replicas never fire the same rule twice; alerts, work-order and
 * notification events are written in that transaction (outbox), commands are sent after it.
 */
@Injectable()
export class RuleEngine {
  private readonly logger = new Logger('RuleEngine');

  constructor(
    private readonly dataSource: DataSource,
    private readonly alerts: AlertsService,
    private readonly commands: CommandsService,
  ) {}

  async onSignals(signals: DeviceSignal[]): Promise<void> {
    if (signals.length === 0) return;
    const pairs = new Map(signals.map(({ device }) => [`${device.organizationId}/${device.id}`, device]));
    const devices = [...pairs.values()];
    const pending: PendingCommand[] = [];
    await this.dataSource.transaction(async (manager) => {
      const rules = await manager
        .getRepository(RuleEntity)
        .createQueryBuilder('r')
        .where(
          'r.enabled AND (r.organization_id, r.trigger_device_id) IN (SELECT * FROM unnest(CAST(:orgs AS uuid[]), CAST(:ids AS uuid[])))',
        )
        .setParameters({ orgs: devices.map((device) => device.organizationId), ids: devices.map((device) => device.id) })
        .orderBy('r.id')
        .setLock('pessimistic_write')
        .getMany();
      if (rules.length === 0) return;
      const latest = await this.latestValues(manager, rules);
      for (const rule of rules) {
        const relevant = signals.filter(({ device }) => device.id === rule.triggerDeviceId && device.organizationId === rule.organizationId);
        for (const { device, signal } of relevant) {
          await this.step(manager, rule, device, signal, latest, pending);
        }
      }
    });
    await this.sendCommands(pending);
  }

  /** Schedule rules of every organization (maintenance tick). */
  async onTick(at: Date): Promise<void> {
    const pending: PendingCommand[] = [];
    await this.dataSource.transaction(async (manager) => {
      const rules = await manager
        .getRepository(RuleEntity)
        .createQueryBuilder('r')
        .where("r.enabled AND r.trigger_type = 'schedule'")
        .orderBy('r.id')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      const latest = await this.latestValues(manager, rules);
      for (const rule of rules) await this.step(manager, rule, null, { kind: 'tick', at }, latest, pending);
    });
    await this.sendCommands(pending);
  }

  private async step(
    manager: EntityManager,
    rule: RuleEntity,
    device: DeviceInfo | null,
    signal: RuleSignal,
    latest: LatestValue,
    pending: PendingCommand[],
  ): Promise<void> {
    const outcome = evaluateRule(rule, signal, latest);
    if (!this.changed(rule, outcome)) return;
    rule.firing = outcome.firing;
    rule.pendingSince = outcome.pendingSince;
    if (outcome.fire) {
      rule.lastFiredAt = signal.at;
      rule.fireCount += 1;
    }
    await manager.query(
      `UPDATE automation_rules SET firing = $3, pending_since = $4, last_fired_at = $5, fire_count = $6
        WHERE organization_id = $1 AND id = $2`,
      [rule.organizationId, rule.id, rule.firing, rule.pendingSince, rule.lastFiredAt, rule.fireCount],
    );
    if (outcome.clear) await this.alerts.resolveClearedForRule(manager, rule.organizationId, rule.id);
    if (outcome.fire) {
      this.logger.log(`Rule ${rule.id} fired (${describe(signal)})`);
      const firing: Firing = {};
      for (const action of alertsFirst(rule.actions)) await this.act(manager, rule, device, signal, action, pending, firing);
    }
  }

  private changed(rule: RuleEntity, outcome: RuleOutcome): boolean {
    return outcome.fire || outcome.clear || outcome.firing !== rule.firing || outcome.pendingSince?.getTime() !== rule.pendingSince?.getTime();
  }

  private async act(
    manager: EntityManager,
    rule: RuleEntity,
    device: DeviceInfo | null,
    signal: RuleSignal,
    action: RuleActionDto,
    pending: PendingCommand[],
    firing: Firing,
  ): Promise<void> {
    const message = action.message ?? `${rule.name}: ${describe(signal)}`;
    switch (action.type) {
      case 'alert': {
        if (!device) return;
        const alert = await this.alerts.raise(manager, {
          organizationId: rule.organizationId,
          deviceId: device.id,
          unitId: device.unitId,
          buildingId: device.buildingId,
          ruleId: rule.id,
          severity: action.severity ?? 'medium',
          kind: rule.triggerType,
          title: action.title ?? rule.name,
          message,
          ...(signal.kind === 'reading' ? { metric: signal.metric, value: signal.value } : {}),
          raisedAt: signal.at,
        });
        rememberAlert(firing, alert);
        return;
      }
      case 'work_order': {
        if (!device) return;
        const payload: WorkOrderRequestedPayload = {
          ruleId: rule.id,
          deviceId: device.id,
          ...(device.unitId ? { unitId: device.unitId } : {}),
          ...(device.buildingId ? { buildingId: device.buildingId } : {}),
          title: action.title ?? rule.name,
          description: message,
          priority: action.priority ?? 'medium',
          ...(firing.alertId ? { alertId: firing.alertId } : {}),
        };
        await addToOutbox(manager, rule.organizationId, IotEvent.WORK_ORDER_REQUESTED, payload);
        return;
      }
      case 'notify': {
        const payload: NotificationRequestedPayload = {
          ruleId: rule.id,
          ...(device ? { deviceId: device.id } : {}),
          message,
          ...(action.channel ? { channel: action.channel } : {}),
        };
        await addToOutbox(manager, rule.organizationId, IotEvent.NOTIFICATION_REQUESTED, payload);
        return;
      }
      case 'command': {
        const deviceId = action.deviceId ?? device?.id;
        if (deviceId) pending.push({ organizationId: rule.organizationId, deviceId, action, ruleId: rule.id });
        return;
      }
    }
  }

  private async sendCommands(pending: PendingCommand[]): Promise<void> {
    for (const { organizationId, deviceId, action, ruleId } of pending) {
      await this.commands
        .dispatch(organizationId, deviceId, action.command ?? '', action.params ?? {}, ruleId)
        .catch((error: Error) => this.logger.warn(`Rule ${ruleId} could not command device ${deviceId}: ${error.message}`));
    }
  }

  /** Latest values the rules' metric conditions refer to. */
  private async latestValues(manager: EntityManager, rules: RuleEntity[]): Promise<LatestValue> {
    const wanted = rules.flatMap((rule) =>
      rule.conditions
        .filter((condition) => condition.type === 'metric')
        .map((condition) => ({ organizationId: rule.organizationId, deviceId: condition.deviceId ?? rule.triggerDeviceId ?? '' })),
    );
    const values = new Map<string, number>();
    if (wanted.length > 0) {
      const rows: { device_id: string; metric: string; value: number }[] = await manager.query(
        `SELECT l.device_id, l.metric, l.value FROM latest_readings l
           JOIN unnest($1::uuid[], $2::uuid[]) AS k(organization_id, device_id)
             ON l.organization_id = k.organization_id AND l.device_id = k.device_id`,
        [wanted.map((key) => key.organizationId), wanted.map((key) => key.deviceId)],
      );
      for (const row of rows) values.set(`${row.device_id}/${row.metric}`, row.value);
    }
    return (deviceId, metric) => values.get(`${deviceId}/${metric}`);
  }
}
