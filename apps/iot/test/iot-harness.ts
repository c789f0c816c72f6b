import mqtt, { MqttClient } from 'mqtt';
import { JSONCodec, NatsConnection, Subscription } from 'nats';
import { randomUUID } from 'node:crypto';
import { AnyOperation, OrgCaller, RequestOf, ResponseOf } from '@quartier/contracts-shared';
import { CreateDeviceDto, DeviceOperations, DeviceResponse } from '@quartier/contracts-iot';
import { TestStack, standInCallerOf, startTestStack, testCaller } from '@quartier/testing';
import { OperationClient, RunningService } from '@quartier/messaging';
import { iotService } from '../src/iot.service-app';

export const MQTT_URL = process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

export interface IotStack {
  stack: TestStack;
  /** MQTT_PREFIX of this run (= the NATS prefix), so runs never share topics on the broker. */
  mqttPrefix: string;
  haPrefix: string;
  device: MqttClient;
  org: OrgCaller;
  otherOrg: OrgCaller;
  /** Registers a unit (in a new building) with the stand-in portfolio; returns its ids. */
  addUnit(caller?: OrgCaller): { unitId: string; buildingId: string };
  /** Calls an iot operation over the bus as `caller` (default: org). */
  call<Operation extends AnyOperation>(operation: Operation, payload: RequestOf<Operation>, caller?: OrgCaller): Promise<ResponseOf<Operation>>;
  createDevice(dto?: Partial<CreateDeviceDto>, caller?: OrgCaller): Promise<DeviceResponse>;
  publish(topic: string, payload: unknown): Promise<void>;
  metrics(): Promise<string>;
  /** Stops the iot service (its MQTT session stays on the broker). */
  stopIot(): Promise<void>;
  startIot(): Promise<void>;
  teardown(): Promise<void>;
}

/** Boots iot against the real Postgres, NATS and Mosquitto with a prefix of its own. */
export async function startIotStack(env: NodeJS.ProcessEnv = {}): Promise<IotStack> {
  const stack = await startTestStack([]);
  const haPrefix = `${stack.prefix}-ha`;
  Object.assign(stack.env, {
    MQTT_URL,
    MQTT_PREFIX: stack.prefix,
    MQTT_CLIENT_ID: `iot-${stack.prefix}`,
    HA_DISCOVERY_PREFIX: haPrefix,
    INGEST_FLUSH_MS: '5',
    ...env,
  });
  let iot: RunningService | undefined = await iotService.start(stack.envFor('iot'));
  const device = await mqtt.connectAsync(MQTT_URL, { clientId: `device-${stack.prefix}`, clean: true, protocolVersion: 4 });
  const org = testCaller(randomUUID());
  const otherOrg = testCaller(randomUUID());
  const portfolio = standInPortfolio(stack.nats, stack.prefix);
  const operations = new OperationClient(stack.rpc);
  return {
    stack,
    mqttPrefix: stack.prefix,
    haPrefix,
    device,
    org,
    otherOrg,
    addUnit: (caller = org) => portfolio.addUnit(caller.organizationId),
    call: (operation, payload, caller = org) => operations.send(operation, payload, caller),
    createDevice: (dto = {}, caller = org) => operations.send(DeviceOperations.create, { name: 'Sensor', type: 'sensor', ...dto }, caller),
    publish: async (topic, payload) => {
      await device.publishAsync(topic, typeof payload === 'string' ? payload : JSON.stringify(payload), { qos: 1 });
    },
    metrics: async () => {
      if (!iot) throw new Error('iot is not running');
      return (await fetch(`${iot.opsUrl}/metrics`)).text();
    },
    stopIot: async () => {
      await iot?.close();
      iot = undefined;
    },
    startIot: async () => {
      iot = await iotService.start(stack.envFor('iot'));
    },
    teardown: async () => {
      await iot?.close();
      portfolio.close();
      await device.endAsync();
      await stack.teardown();
      await removeSession(stack.env.MQTT_CLIENT_ID ?? '');
    },
  };
}

const codec = JSONCodec<{ id: string; data: { id: string } }>();

/**
 * Portfolio's units.get and buildings.get in Nest's NATS wire format (request `{pattern, data,
 * id}`, reply `{id, response | err, isDisposed}`): apps never import each other, even in tests.
 */
function standInPortfolio(nats: NatsConnection, prefix: string): { addUnit(organizationId: string): { unitId: string; buildingId: string }; close(): void } {
  const units = new Map<string, { organizationId: string; buildingId: string }>();
  const buildings = new Map<string, string>();
  const serve = (subject: string, find: (id: string, organizationId: string) => object | undefined): Subscription => {
    const subscription = nats.subscribe(`${prefix}.${subject}`);
    void (async () => {
      for await (const message of subscription) {
        const packet = codec.decode(message.data);
        const found = find(packet.data.id, standInCallerOf(message.headers).organizationId ?? '');
        const reply = found
          ? { id: packet.id, response: found, isDisposed: true }
          : { id: packet.id, err: { status: 404, code: 'NOT_FOUND', message: `${subject} ${packet.data.id} not found` }, isDisposed: true };
        message.respond(JSONCodec().encode(reply));
      }
    })();
    return subscription;
  };
  const subscriptions = [
    serve('portfolio.v1.units.get', (id, organizationId) => {
      const unit = units.get(id);
      return unit?.organizationId === organizationId ? { id, buildingId: unit.buildingId } : undefined;
    }),
    serve('portfolio.v1.buildings.get', (id, organizationId) => (buildings.get(id) === organizationId ? { id } : undefined)),
  ];
  return {
    addUnit: (organizationId) => {
      const unitId = randomUUID();
      const buildingId = randomUUID();
      units.set(unitId, { organizationId, buildingId });
      buildings.set(buildingId, organizationId);
      return { unitId, buildingId };
    },
    close: () => subscriptions.forEach((subscription) => subscription.unsubscribe()),
  };
}

/** Forgets the persistent session of a finished run, so the broker stops queueing for it. */
export async function removeSession(clientId: string): Promise<void> {
  const client = await mqtt.connectAsync(MQTT_URL, { clientId, clean: true, protocolVersion: 4 });
  await client.endAsync();
}

export async function waitFor<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
