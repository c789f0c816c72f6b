import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OrgCaller } from '@quartier/contracts-shared';
import { DEVICE_CHANNELS, IotErrorCode, RecordReadingsDto, RecordReadingsResponse, parseDeviceTopic } from '@quartier/contracts-iot';
import { rpcError } from '@quartier/messaging';
import { Metrics } from '@quartier/observability';
import { IOT_CONFIG, IotConfig } from '../../iot.config';
import { CommandsService } from '../commands/commands.service';
import { DeviceDirectory, DeviceInfo } from '../devices/device-directory';
import { DevicesService } from '../devices/devices.service';
import { InboundMessage, MqttClientService } from '../mqtt/mqtt-client.service';
import { ReadingRow, ReadingWriter } from '../readings/reading-writer';
import { DeviceSignal, RuleEngine } from '../rules/rule-engine.service';
import { ConnectivityService } from './connectivity.service';
import { IngestionMetrics, MessageOutcome } from './ingestion.metrics';
import { isUuid, parseCommandResponse, parseEvent, parseState, parseTelemetry } from './payload-parser';

interface RawMessage extends InboundMessage {
  receivedAt: Date;
}

/** What one batch of messages changes. */
interface BatchWork {
  readings: ReadingRow[];
  states: Map<string, { device: DeviceInfo; state: Record<string, string | number | boolean> }>;
  events: { device: DeviceInfo; type: string; body: Record<string, unknown>; occurredAt: Date }[];
  responses: { device: DeviceInfo; commandId: string; success: boolean; body: Record<string, unknown> }[];
  seen: Map<string, { device: DeviceInfo; at: Date }>;
  signals: DeviceSignal[];
}

const RETRY_DELAY_MS = 1000;

/**
 * MQTT ingestion: messages are queued as they arrive and written in batches (one transaction
 * per batch), acknowledged to the broker once committed, then rules run on what the batch
 * contained. A failed batch is retried until Postgres takes it; whatever was not committed is
 * redelivered by the broker (persistent session). At least once: only a crash between commit
 * and acknowledgement can store a message twice. Bad input is counted, acknowledged and dropped.
 */
@Injectable()
export class IngestionService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('Ingestion');
  private readonly metrics: IngestionMetrics;
  private queue: RawMessage[] = [];
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private stopping = false;
  /** last_seen_at is precise to this, well below the offline timeout. */
  private readonly lastSeenResolutionS: number;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(IOT_CONFIG) private readonly config: IotConfig,
    private readonly mqtt: MqttClientService,
    private readonly directory: DeviceDirectory,
    private readonly devices: DevicesService,
    private readonly writer: ReadingWriter,
    private readonly rules: RuleEngine,
    private readonly commands: CommandsService,
    private readonly connectivity: ConnectivityService,
    metrics: Metrics,
  ) {
    this.metrics = new IngestionMetrics(metrics);
    this.lastSeenResolutionS = Math.min(5, config.DEVICE_OFFLINE_AFTER_S / 5);
  }

  onModuleInit(): void {
    const plain = DEVICE_CHANNELS.map((channel) => `${this.config.MQTT_PREFIX}/+/+/${channel}`);
    const group = this.config.MQTT_SHARED_GROUP;
    if (group) {
      // A replica that ran alone before keeps its plain subscriptions in the session: drop them.
      this.mqtt.listen(plain.map((topic) => `$share/${group}/${topic}`), (message) => this.accept(message), plain);
    } else {
      this.mqtt.listen(plain, (message) => this.accept(message));
    }
  }

  /** Stores and acknowledges what has arrived, then disconnects; later messages wait on the broker. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.draining;
    await this.drain();
    await this.mqtt.close();
  }

  /** Readings posted over HTTP/NATS take the same path, synchronously. */
  async record(caller: OrgCaller, dto: RecordReadingsDto): Promise<RecordReadingsResponse> {
    const device = await this.devices.load(caller.organizationId, dto.deviceId);
    if (!device.active) throw rpcError(409, IotErrorCode.DEVICE_INACTIVE, `Device ${dto.deviceId} is inactive`);
    const info: DeviceInfo = { id: device.id, organizationId: device.organizationId, active: true, unitId: device.unitId, buildingId: device.buildingId, name: device.name };
    const now = new Date();
    const work = emptyWork();
    for (const reading of dto.readings) {
      const recordedAt = reading.recordedAt ? new Date(reading.recordedAt) : now;
      work.readings.push({
        organizationId: info.organizationId,
        deviceId: info.id,
        metric: reading.metric,
        value: reading.value,
        recordedAt,
        deviceTimestamped: reading.recordedAt !== undefined,
      });
      work.signals.push({ device: info, signal: { kind: 'reading', deviceId: info.id, metric: reading.metric, value: reading.value, at: recordedAt } });
    }
    work.seen.set(info.id, { device: info, at: now });
    await this.commit(work);
    return { accepted: dto.readings.length };
  }

  private accept(message: InboundMessage): void {
    this.queue.push({ ...message, receivedAt: new Date() });
    if (this.draining) return;
    if (this.queue.length >= this.config.INGEST_BATCH_SIZE) this.startDrain();
    else this.timer ??= setTimeout(() => this.startDrain(), this.config.INGEST_FLUSH_MS);
  }

  private startDrain(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
      if (this.queue.length > 0 && !this.stopping) this.startDrain();
    });
  }

  /** Writes queued messages batch by batch until the queue is empty. */
  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.config.INGEST_BATCH_SIZE);
      const work = await this.prepare(batch);
      await this.commitWithRetry(work);
      for (const message of batch) message.ack();
    }
  }

  private async prepare(batch: RawMessage[]): Promise<BatchWork> {
    const work = emptyWork();
    const parsed = batch.map((message) => ({ message, topic: parseDeviceTopic(this.config.MQTT_PREFIX, message.topic) }));
    const keys = parsed.flatMap(({ topic }) =>
      topic && isUuid(topic.organizationId) && isUuid(topic.deviceId) ? [{ organizationId: topic.organizationId, deviceId: topic.deviceId }] : [],
    );
    const devices = await this.resolveWithRetry(keys);
    for (const { message, topic } of parsed) {
      const channel = topic?.channel ?? 'unknown';
      const device = topic ? devices.get(DeviceDirectory.key(topic.organizationId, topic.deviceId)) : undefined;
      if (device === undefined) this.count(channel, 'malformed');
      else if (device === null) this.count(channel, 'unknown_device');
      else if (!device.active) this.count(channel, 'inactive_device');
      else this.count(channel, this.collect(work, device, channel, message) ? 'accepted' : 'malformed');
    }
    return work;
  }

  /** Adds one message of a known, active device to the batch; false when its payload is malformed. */
  private collect(work: BatchWork, device: DeviceInfo, channel: string, message: RawMessage): boolean {
    const { payload, receivedAt } = message;
    if (channel === 'telemetry') {
      const telemetry = parseTelemetry(payload, receivedAt);
      if (!telemetry) return false;
      for (const { metric, value } of telemetry.values) {
        work.readings.push({
          organizationId: device.organizationId,
          deviceId: device.id,
          metric,
          value,
          recordedAt: telemetry.recordedAt,
          deviceTimestamped: telemetry.deviceTimestamped,
        });
        work.signals.push({ device, signal: { kind: 'reading', deviceId: device.id, metric, value, at: telemetry.recordedAt } });
      }
    } else if (channel === 'state') {
      const state = parseState(payload);
      if (!state) return false;
      const current = work.states.get(device.id);
      work.states.set(device.id, { device, state: { ...current?.state, ...state } });
      work.signals.push({ device, signal: { kind: 'state', deviceId: device.id, state, at: receivedAt } });
    } else if (channel === 'event') {
      const event = parseEvent(payload, receivedAt);
      if (!event) return false;
      work.events.push({ device, ...event });
    } else {
      const response = parseCommandResponse(payload);
      if (!response) return false;
      work.responses.push({ device, ...response });
    }
    work.seen.set(device.id, { device, at: receivedAt });
    return true;
  }

  private async commitWithRetry(work: BatchWork): Promise<void> {
    for (;;) {
      try {
        await this.commit(work);
        return;
      } catch (error) {
        this.logger.error(`Storing an ingestion batch failed, retrying: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      }
    }
  }

  private async resolveWithRetry(keys: { organizationId: string; deviceId: string }[]): Promise<Map<string, DeviceInfo | null>> {
    for (;;) {
      try {
        return await this.directory.resolve(keys);
      } catch (error) {
        this.logger.error(`Device lookup failed, retrying: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      }
    }
  }

  /** One transaction for the data; rules, command answers and connectivity follow it. */
  private async commit(work: BatchWork): Promise<void> {
    const timer = this.metrics.batchSeconds.startTimer();
    const { returned, stored } = await this.dataSource.transaction(async (manager) => {
      const stored = await this.writer.write(work.readings, manager);
      await this.writeStates(manager, work);
      await this.writeEvents(manager, work);
      return { returned: await this.touch(manager, work), stored };
    });
    timer();
    this.metrics.readings.inc(stored);
    this.metrics.redelivered.inc(work.readings.length - stored);
    await this.after(work, returned).catch((error: Error) => this.logger.error(`Post-ingestion processing failed: ${error.message}`));
  }

  private async after(work: BatchWork, returned: DeviceInfo[]): Promise<void> {
    for (const response of work.responses) {
      await this.commands.handleResponse(response.device.organizationId, response.device.id, response.commandId, response.success, response.body);
    }
    await this.connectivity.markOnline(returned, new Date());
    await this.rules.onSignals(work.signals);
  }

  private async writeStates(manager: EntityManager, work: BatchWork): Promise<void> {
    if (work.states.size === 0) return;
    const states = [...work.states.values()];
    await manager.query(
      `UPDATE devices d SET state = d.state || v.state::jsonb
         FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS v(organization_id, id, state)
        WHERE d.organization_id = v.organization_id AND d.id = v.id`,
      [states.map((s) => s.device.organizationId), states.map((s) => s.device.id), states.map((s) => JSON.stringify(s.state))],
    );
  }

  private async writeEvents(manager: EntityManager, work: BatchWork): Promise<void> {
    if (work.events.length === 0) return;
    await manager.query(
      `INSERT INTO device_events (organization_id, device_id, type, payload, occurred_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[], $5::timestamptz[])`,
      [
        work.events.map((e) => e.device.organizationId),
        work.events.map((e) => e.device.id),
        work.events.map((e) => e.type),
        work.events.map((e) => JSON.stringify(e.body)),
        work.events.map((e) => e.occurredAt.toISOString()),
      ],
    );
  }

  /** Records when devices were last heard from; returns those that were offline until now. */
  private async touch(manager: EntityManager, work: BatchWork): Promise<DeviceInfo[]> {
    if (work.seen.size === 0) return [];
    const seen = [...work.seen.values()].sort((a, b) => (a.device.id < b.device.id ? -1 : 1));
    // Skips rows heard from recently: keeps chatty devices from rewriting their row every batch.
    const [rows] = (await manager.query(
      `UPDATE devices d SET last_seen_at = v.seen, online = true
         FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS v(organization_id, id, seen),
              (SELECT id, online AS was_online FROM devices WHERE id = ANY($2::uuid[])) p
        WHERE d.organization_id = v.organization_id AND d.id = v.id AND p.id = d.id
          AND (NOT d.online OR d.last_seen_at IS NULL OR d.last_seen_at < v.seen - make_interval(secs => $4))
        RETURNING d.id, p.was_online`,
      [seen.map((s) => s.device.organizationId), seen.map((s) => s.device.id), seen.map((s) => s.at.toISOString()), this.lastSeenResolutionS],
    )) as [{ id: string; was_online: boolean }[], number];
    const back = new Set(rows.filter((row) => !row.was_online).map((row) => row.id));
    return seen.filter((s) => back.has(s.device.id)).map((s) => s.device);
  }

  private count(channel: string, outcome: MessageOutcome): void {
    this.metrics.messages.inc({ channel, outcome });
  }
}

function emptyWork(): BatchWork {
  return { readings: [], states: new Map(), events: [], responses: [], seen: new Map(), signals: [] };
}
