import { randomUUID } from 'node:crypto';
import { JSONCodec } from 'nats';
import { DomainEvent } from '@quartier/contracts-shared';
import {
  AlertEvent,
  AlertOperations,
  AlertPayload,
  AlertResponse,
  DeviceConnectivityPayload,
  DeviceOperations,
  DeviceResponse,
  IotEvent,
  ReadingOperations,
} from '@quartier/contracts-iot';
import { RpcError } from '@quartier/messaging';
import { IotStack, startIotStack, waitFor } from './iot-harness';

function counter(metrics: string, channel: string, outcome: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith('quartier_iot_mqtt_messages_total{') && l.includes(`channel="${channel}"`) && l.includes(`outcome="${outcome}"`));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('iot MQTT ingestion', () => {
  let iot: IotStack;

  beforeAll(async () => {
    iot = await startIotStack({ DEVICE_OFFLINE_AFTER_S: '1', OFFLINE_CHECK_INTERVAL_MS: '200' });
  });
  afterAll(async () => {
    await iot.teardown();
  });

  const readings = (deviceId: string, extra: Record<string, unknown> = {}) =>
    iot.call(ReadingOperations.list, { deviceId, from: '2026-01-01T00:00:00Z', size: 100, ...extra }, iot.org);

  it('stores telemetry with the device timestamp, keeps the latest value and brings the device online', async () => {
    const sensor = await iot.createDevice({ name: 'Kitchen' });
    await iot.publish(sensor.topics.telemetry, { ts: '2026-11-01T10:00:00Z', temperature: 21.5, humidity: 40 });
    await iot.publish(sensor.topics.telemetry, { ts: '2026-11-01T10:01:00Z', metrics: { temperature: 22.5 } });
    const page = await waitFor(async () => {
      const result = await readings(sensor.id);
      return result.total === 3 ? result : undefined;
    }, 5000, 'readings stored');
    expect(page.items[0]).toEqual({ deviceId: sensor.id, metric: 'temperature', value: 22.5, recordedAt: '2026-11-01T10:01:00.000Z' });
    const latest = await iot.call(ReadingOperations.latest, { id: sensor.id }, iot.org);
    expect(latest.map((r) => [r.metric, r.value])).toEqual([
      ['humidity', 40],
      ['temperature', 22.5],
    ]);
    const device = await iot.call(DeviceOperations.get, { id: sensor.id }, iot.org);
    expect(device.online).toBe(true);
    expect(device.lastSeenAt).not.toBeNull();
  });

  it('aggregates avg/min/max per bucket and filters by metric and time range', async () => {
    const meter = await iot.createDevice({ name: 'Meter', type: 'meter' });
    const values = [
      ['2026-11-02T08:10:00Z', 10],
      ['2026-11-02T08:50:00Z', 20],
      ['2026-11-02T09:05:00Z', 5],
      ['2026-11-03T09:05:00Z', 7],
    ] as const;
    await iot.call(ReadingOperations.record,
      { deviceId: meter.id, readings: values.map(([recordedAt, value]) => ({ metric: 'power', value, recordedAt })) },
      iot.org,
    );
    const hourly = await iot.call(ReadingOperations.aggregate,
      { deviceId: meter.id, metric: 'power', bucket: 'hour', from: '2026-11-02T00:00:00Z', to: '2026-11-03T00:00:00Z' },
      iot.org,
    );
    expect(hourly.items.map(({ bucketStart, avg, min, max, count }) => ({ bucketStart, avg, min, max, count }))).toEqual([
      { bucketStart: '2026-11-02T08:00:00.000Z', avg: 15, min: 10, max: 20, count: 2 },
      { bucketStart: '2026-11-02T09:00:00.000Z', avg: 5, min: 5, max: 5, count: 1 },
    ]);
    const daily = await iot.call(ReadingOperations.aggregate,
      { deviceId: meter.id, bucket: 'day', from: '2026-11-01T00:00:00Z', to: '2026-11-04T00:00:00Z' },
      iot.org,
    );
    expect(daily.items.map((item) => [item.bucketStart.slice(0, 10), item.count])).toEqual([
      ['2026-11-02', 3],
      ['2026-11-03', 1],
    ]);
    const inverted = (await iot
      .call(ReadingOperations.aggregate, { bucket: 'minute', from: '2026-11-03T00:00:00Z', to: '2026-11-02T00:00:00Z' }, iot.org)
      .catch((e) => e)) as RpcError;
    expect(inverted.body).toMatchObject({ status: 422, code: 'INVALID_RANGE' });
    const tooMany = (await iot
      .call(ReadingOperations.aggregate, { bucket: 'minute', from: '2026-01-01T00:00:00Z', to: '2026-11-02T00:00:00Z' }, iot.org)
      .catch((e) => e)) as RpcError;
    expect(tooMany.status).toBe(422);
  });

  it('drops and counts malformed, unknown-device, inactive and wrong-organization messages without crashing', async () => {
    const sensor = await iot.createDevice({ name: 'Good' });
    const inactive = await iot.createDevice({ name: 'Retired', active: false });
    const before = await iot.metrics();
    await iot.publish(sensor.topics.telemetry, 'not json');
    await iot.publish(sensor.topics.telemetry, { temperature: 'hot' });
    await iot.publish(`${iot.mqttPrefix}/not-a-uuid/x/telemetry`, { temperature: 1 });
    await iot.publish(`${iot.mqttPrefix}/${iot.org.organizationId}/${randomUUID()}/telemetry`, { temperature: 1 });
    await iot.publish(`${iot.mqttPrefix}/${iot.otherOrg.organizationId}/${sensor.id}/telemetry`, { temperature: 1 });
    await iot.publish(inactive.topics.telemetry, { temperature: 1 });
    await iot.publish(sensor.topics.telemetry, { temperature: 19 });
    await waitFor(async () => (await readings(sensor.id)).total === 1, 5000, 'the good reading');
    const after = await iot.metrics();
    const delta = (outcome: string): number => counter(after, 'telemetry', outcome) - counter(before, 'telemetry', outcome);
    expect({ malformed: delta('malformed'), unknown: delta('unknown_device'), inactive: delta('inactive_device'), accepted: delta('accepted') }).toEqual({
      malformed: 3,
      unknown: 2,
      inactive: 1,
      accepted: 1,
    });
    expect((await readings(inactive.id)).total).toBe(0);
  });

  it('stores a redelivered device-timestamped reading once, and readings stamped at receipt each time', async () => {
    const sensor = await iot.createDevice({ name: 'Redelivered' });
    const before = await iot.metrics();
    const reading = { ts: '2026-11-05T07:00:00.123Z', temperature: 19.5, humidity: 51 };
    // The broker redelivers a message whose PUBACK was lost exactly like a device sending it again.
    await iot.publish(sensor.topics.telemetry, reading);
    await iot.publish(sensor.topics.telemetry, reading);
    await iot.call(ReadingOperations.record, { deviceId: sensor.id, readings: [{ metric: 'temperature', value: 19.5, recordedAt: reading.ts }] }, iot.org);
    await iot.publish(sensor.topics.telemetry, { co2: 600 });
    await iot.publish(sensor.topics.telemetry, { co2: 600 });
    const page = await waitFor(async () => {
      const result = await readings(sensor.id);
      return result.items.filter((item) => item.metric === 'co2').length === 2 ? result : undefined;
    }, 5000, 'readings stored');
    expect(page.items.filter((item) => item.metric !== 'co2').map((item) => [item.metric, item.recordedAt])).toEqual([
      ['humidity', '2026-11-05T07:00:00.123Z'],
      ['temperature', '2026-11-05T07:00:00.123Z'],
    ]);
    const after = await iot.metrics();
    const skipped = (text: string): number => Number(/^quartier_iot_readings_redelivered_total\{[^}]*\} (\S+)$/m.exec(text)?.[1] ?? 0);
    expect(skipped(after) - skipped(before)).toBe(3);
  });

  it('merges reported state properties', async () => {
    const lock = await iot.createDevice({ name: 'Door', type: 'lock' });
    await iot.publish(lock.topics.state, { lock: 'locked', battery: 90 });
    await iot.publish(lock.topics.state, { lock: 'unlocked' });
    const device = await waitFor(async () => {
      const current = await iot.call(DeviceOperations.get, { id: lock.id }, iot.org);
      return current.state.lock === 'unlocked' ? current : undefined;
    }, 5000, 'state merged');
    expect(device.state).toEqual({ lock: 'unlocked', battery: 90 });
  });

  it('marks silent devices offline with an alert, and resolves each alert when its device is back', async () => {
    const events: DomainEvent[] = [];
    const subscription = iot.stack.nats.subscribe(`${iot.stack.prefix}.events.iot.>`);
    void (async () => {
      for await (const message of subscription) events.push(JSONCodec<DomainEvent>().decode(message.data));
    })();
    const basement = await iot.createDevice({ name: 'Basement' });
    const attic = await iot.createDevice({ name: 'Attic' });
    await Promise.all([basement, attic].map((sensor) => iot.publish(sensor.topics.telemetry, { temperature: 12 })));
    const offlineAlert = (sensor: DeviceResponse): Promise<AlertResponse> =>
      waitFor(async () => {
        const alerts = await iot.call(AlertOperations.list, { deviceId: sensor.id, kind: 'offline' }, iot.org);
        return alerts.items[0];
      }, 8000, `offline alert of ${sensor.name}`);
    const alerts = await Promise.all([basement, attic].map(offlineAlert));
    expect(alerts[0]).toMatchObject({ status: 'open', severity: 'medium', title: 'Basement is offline' });
    expect(alerts[1]).toMatchObject({ status: 'open', title: 'Attic is offline' });
    expect((await iot.call(DeviceOperations.get, { id: basement.id }, iot.org)).online).toBe(false);

    // Both come back in the same moment, so ingestion resolves them in one batch.
    await Promise.all([basement, attic].map((sensor) => iot.publish(sensor.topics.telemetry, { temperature: 12 })));
    for (const alert of alerts) {
      const resolved = await waitFor(async () => {
        const current = await iot.call(AlertOperations.get, { id: alert.id }, iot.org);
        return current.status === 'resolved' ? current : undefined;
      }, 5000, 'offline alert resolved');
      expect(resolved.resolvedBy).toBeNull();
      await waitFor(() => events.some((e) => e.type === AlertEvent.RESOLVED && (e.payload as AlertPayload).alertId === alert.id), 5000, 'AlertEvent resolved');
    }
    expect((await iot.call(DeviceOperations.get, { id: attic.id }, iot.org)).online).toBe(true);
    const online = events.filter((e) => e.type === IotEvent.DEVICE_ONLINE).map((e) => (e.payload as DeviceConnectivityPayload).deviceId);
    expect(online).toEqual(expect.arrayContaining([basement.id, attic.id]));
    subscription.unsubscribe();
  });
});
