import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrgCaller, Page, pageOf, pageParams } from '@quartier/contracts-shared';
import { CommandListQueryDto, CommandResponse, IotErrorCode, SendCommandDto, deviceTopics } from '@quartier/contracts-iot';
import { OrgScopedRepository } from '@quartier/db';
import { notFound, rpcError } from '@quartier/messaging';
import { IOT_CONFIG, IotConfig } from '../../iot.config';
import { DevicesService } from '../devices/devices.service';
import { MqttClientService } from '../mqtt/mqtt-client.service';
import { sortOrder } from '../sorting';
import { CommandEntity } from './command.entity';

const SORTABLE = { createdAt: 'created_at', status: 'status' } as const;

function toResponse(command: CommandEntity): CommandResponse {
  return {
    id: command.id,
    deviceId: command.deviceId,
    command: command.command,
    params: command.params,
    status: command.status,
    ruleId: command.ruleId,
    response: command.response,
    createdAt: command.createdAt.toISOString(),
    sentAt: command.sentAt?.toISOString() ?? null,
    completedAt: command.completedAt?.toISOString() ?? null,
  };
}

/**
 * Commands: pending (stored) → sent (broker acknowledged the QoS 1 publish) → acknowledged or
 * failed (the device answered on its command/response topic) or timed_out (no answer in time).
 */
@Injectable()
export class CommandsService {
  private readonly logger = new Logger('Commands');
  private readonly commands: OrgScopedRepository<CommandEntity>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(IOT_CONFIG) private readonly config: IotConfig,
    private readonly devices: DevicesService,
    private readonly mqtt: MqttClientService,
  ) {
    this.commands = new OrgScopedRepository(CommandEntity, dataSource.manager);
  }

  async send(caller: OrgCaller, deviceId: string, dto: SendCommandDto): Promise<CommandResponse> {
    return toResponse(await this.dispatch(caller.organizationId, deviceId, dto.command, dto.params ?? {}, null));
  }

  /** Stores and publishes a command; used by the API and by automation rules. */
  async dispatch(organizationId: string, deviceId: string, command: string, params: Record<string, unknown>, ruleId: string | null): Promise<CommandEntity> {
    const device = await this.devices.load(organizationId, deviceId);
    if (!device.active) throw rpcError(409, IotErrorCode.DEVICE_INACTIVE, `Device ${deviceId} is inactive`);
    const stored = await this.commands.insert(organizationId, { deviceId, command, params, ruleId, status: 'pending' });
    const topic = deviceTopics(this.config.MQTT_PREFIX, organizationId, deviceId).command;
    try {
      await this.mqtt.publish(topic, JSON.stringify({ commandId: stored.id, command, params }));
      await this.dataSource.query(
        `UPDATE commands SET status = 'sent', sent_at = now() WHERE organization_id = $1 AND id = $2 AND status = 'pending'`,
        [organizationId, stored.id],
      );
    } catch (error) {
      this.logger.warn(`Command ${stored.id} could not be published: ${(error as Error).message}`);
      await this.dataSource.query(
        `UPDATE commands SET status = 'failed', completed_at = now(), response = $3 WHERE organization_id = $1 AND id = $2 AND status = 'pending'`,
        [organizationId, stored.id, JSON.stringify({ error: 'broker did not accept the command' })],
      );
    }
    return (await this.commands.findById(organizationId, stored.id)) ?? stored;
  }

  /** A device's answer; late or duplicate answers to finished commands are ignored. */
  async handleResponse(organizationId: string, deviceId: string, commandId: string, success: boolean, body: Record<string, unknown>): Promise<boolean> {
    const [rows] = (await this.dataSource.query(
      `UPDATE commands SET status = $4, response = $5, completed_at = now(), sent_at = coalesce(sent_at, now())
        WHERE organization_id = $1 AND device_id = $2 AND id = $3 AND status IN ('pending', 'sent') RETURNING id`,
      [organizationId, deviceId, commandId, success ? 'acknowledged' : 'failed', JSON.stringify(body)],
    )) as [unknown[], number];
    return rows.length > 0;
  }

  /** Maintenance across organizations: commands nobody answered in time. */
  async timeOutStale(): Promise<void> {
    await this.dataSource.query(
      `UPDATE commands SET status = 'timed_out', completed_at = now()
        WHERE status IN ('pending', 'sent') AND created_at < now() - make_interval(secs => $1)`,
      [this.config.COMMAND_TIMEOUT_MS / 1000],
    );
  }

  async list(caller: OrgCaller, query: CommandListQueryDto, deviceId?: string): Promise<Page<CommandResponse>> {
    const { page, size, offset } = pageParams(query);
    const device = deviceId ?? query.deviceId;
    if (device) await this.devices.load(caller.organizationId, device);
    const builder = this.commands.query(caller.organizationId, 'c');
    if (device) builder.andWhere('c.device_id = :device', { device });
    if (query.status) builder.andWhere('c.status = :status', { status: query.status });
    for (const [column, direction] of sortOrder(query.sort, SORTABLE, '-createdAt')) builder.addOrderBy(`c.${column}`, direction);
    const [items, total] = await builder.skip(offset).take(size).getManyAndCount();
    return pageOf(items.map(toResponse), total, page, size);
  }

  async get(caller: OrgCaller, id: string): Promise<CommandResponse> {
    const command = await this.commands.findById(caller.organizationId, id);
    if (!command) throw notFound('Command', id);
    return toResponse(command);
  }
}
