import mqtt from 'mqtt';
import { AnyOperation } from '@quartier/contracts-shared';
import { CommandOperations, DeviceOperations, ReadingOperations } from '@quartier/contracts-iot';
import { RpcError } from '@quartier/messaging';
import { IotStack, MQTT_URL, startIotStack, waitFor } from './iot-harness';

async function failure(promise: Promise<unknown>): Promise<RpcError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: RpcError) => error,
  );
}

describe('iot devices', () => {
  let iot: IotStack;

  beforeAll(async () => {
    iot = await startIotStack();
  });
  afterAll(async () => {
    await iot.teardown();
  });

  it('registers, reads, updates and deletes a device, never returning its credentials', async () => {
    const { unitId, buildingId } = iot.addUnit();
    const created = await iot.createDevice({ name: 'Hall thermostat', type: 'thermostat', unitId, credentials: { username: 'dev', secret: 's3cret' } });
    expect(created).toMatchObject({ name: 'Hall thermostat', type: 'thermostat', unitId, buildingId, active: true, online: false, hasCredentials: true });
    expect(JSON.stringify(created)).not.toContain('s3cret');
    expect(created.topics.telemetry).toBe(`${iot.mqttPrefix}/${iot.org.organizationId}/${created.id}/telemetry`);

    const read = await iot.call(DeviceOperations.get, { id: created.id }, iot.org);
    expect(read.id).toBe(created.id);
    const updated = await iot.call(DeviceOperations.update, { id: created.id, name: 'Hall', active: false }, iot.org);
    expect(updated).toMatchObject({ name: 'Hall', active: false, type: 'thermostat' });
    const replaced = await iot.call(DeviceOperations.replace, { id: created.id, name: 'Hall thermostat', type: 'thermostat', active: true }, iot.org);
    expect(replaced).toMatchObject({ name: 'Hall thermostat', active: true, unitId });
    // A replacement is checked as a whole device, whoever sends it.
    const partial = await failure(iot.stack.rpc.request(DeviceOperations.replace.subject, { id: created.id, name: 'Hall' }, iot.org));
    expect(partial.body.errors?.map((e) => e.field)).toEqual(['type']);
    const byUnit = await iot.call(DeviceOperations.byUnit, { unitId }, iot.org);
    expect(byUnit.map((device) => device.id)).toEqual([created.id]);

    await iot.call(DeviceOperations.delete, { id: created.id }, iot.org);
    expect((await failure(iot.call(DeviceOperations.get, { id: created.id }, iot.org))).status).toBe(404);
  });

  it('lists with filters, pagination and sorting; unknown sort fields are a 422', async () => {
    const { buildingId } = iot.addUnit();
    for (const name of ['b-meter', 'a-meter', 'c-lock']) {
      await iot.createDevice({ name, type: name.endsWith('lock') ? 'lock' : 'meter', buildingId });
    }
    const page = await iot.call(DeviceOperations.list, { buildingId, type: 'meter', sort: 'name', size: 1 }, iot.org);
    expect(page).toMatchObject({ total: 2, page: 1, size: 1, pages: 2 });
    expect(page.items[0].name).toBe('a-meter');
    const error = await failure(iot.call(DeviceOperations.list, { sort: 'secret' }, iot.org));
    expect(error.body).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });
  });

  it('rejects invalid devices with the field list', async () => {
    const error = await failure(iot.stack.rpc.request(DeviceOperations.create.subject, { name: '', type: 'toaster', metrics: ['bad metric'] }, iot.org));
    expect(error.status).toBe(422);
    expect(error.body.errors?.map((e) => e.field).sort()).toEqual(['metrics', 'name', 'type']);
  });

  it("accepts only units and buildings of the caller's organization, asked from portfolio", async () => {
    const theirs = iot.addUnit(iot.otherOrg);
    const mine = iot.addUnit();
    const foreignUnit = await failure(iot.createDevice({ unitId: theirs.unitId }));
    expect(foreignUnit.body).toMatchObject({ status: 422, errors: [{ field: 'unitId', message: `unit ${theirs.unitId} not found` }] });
    expect((await failure(iot.createDevice({ buildingId: theirs.buildingId }))).body.errors?.[0].field).toBe('buildingId');
    expect((await failure(iot.createDevice({ unitId: mine.unitId, buildingId: theirs.buildingId }))).status).toBe(422);
    const device = await iot.createDevice({ buildingId: mine.buildingId });
    const moved = await iot.call(DeviceOperations.update, { id: device.id, unitId: mine.unitId }, iot.org);
    expect(moved).toMatchObject({ unitId: mine.unitId, buildingId: mine.buildingId });
    const stray = await failure(iot.call(DeviceOperations.update, { id: device.id, unitId: theirs.unitId }, iot.org));
    expect(stray.status).toBe(422);
  });

  it("answers another organization's device with 404 on every route", async () => {
    const theirs = await iot.createDevice({ name: 'Theirs' }, iot.otherOrg);
    const calls: [AnyOperation, unknown][] = [
      [DeviceOperations.get, { id: theirs.id }],
      [DeviceOperations.update, { id: theirs.id, name: 'mine now' }],
      [DeviceOperations.replace, { id: theirs.id, name: 'mine now', type: 'sensor' }],
      [DeviceOperations.delete, { id: theirs.id }],
      [ReadingOperations.list, { deviceId: theirs.id }],
      [ReadingOperations.aggregate, { deviceId: theirs.id, bucket: 'hour' }],
      [ReadingOperations.latest, { id: theirs.id }],
      [ReadingOperations.record, { deviceId: theirs.id, readings: [{ metric: 'temperature', value: 1 }] }],
      [CommandOperations.send, { id: theirs.id, command: 'reboot' }],
      [CommandOperations.list, { deviceId: theirs.id }],
    ];
    for (const [{ subject }, payload] of calls) {
      expect([subject, (await failure(iot.stack.rpc.request(subject, payload, iot.org))).status]).toEqual([subject, 404]);
    }
    const mine = await iot.call(DeviceOperations.list, { q: 'Theirs' }, iot.org);
    expect(mine.total).toBe(0);
    expect((await iot.call(DeviceOperations.get, { id: theirs.id }, iot.otherOrg)).name).toBe('Theirs');
  });

  it('publishes retained Home Assistant discovery configs and removes them on delete', async () => {
    const lock = await iot.createDevice({ name: 'Front door', type: 'lock', metrics: ['battery'], manufacturer: 'Acme' });
    const node = `quartier_${lock.id.replace(/-/g, '')}`;
    const expected = [`${iot.haPrefix}/lock/${node}/lock/config`, `${iot.haPrefix}/sensor/${node}/battery/config`];

    // A Home Assistant connecting later still gets the configs: they are retained.
    const retained = await readRetained(`${iot.haPrefix}/+/${node}/+/config`);
    expect([...retained.keys()].sort()).toEqual(expected);
    expect(JSON.parse(retained.get(expected[0]) ?? '{}')).toMatchObject({ command_topic: lock.topics.command, state_topic: lock.topics.state });

    await iot.call(DeviceOperations.delete, { id: lock.id }, iot.org);
    await waitFor(async () => (await readRetained(`${iot.haPrefix}/+/${node}/+/config`)).size === 0, 5000, 'discovery configs removed');
  });
});

/** Collects the retained messages a fresh subscriber receives. */
async function readRetained(filter: string): Promise<Map<string, string>> {
  const client = await mqtt.connectAsync(MQTT_URL, { clean: true, protocolVersion: 4 });
  const seen = new Map<string, string>();
  client.on('message', (topic, payload, packet) => {
    if (packet.retain && payload.length > 0) seen.set(topic, payload.toString());
  });
  await client.subscribeAsync(filter, { qos: 1 });
  await new Promise((resolve) => setTimeout(resolve, 300));
  await client.endAsync();
  return seen;
}
