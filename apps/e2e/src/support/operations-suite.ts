import mqtt, { MqttClient } from 'mqtt';
import request from 'supertest';
import { uniqueName } from '@quartier/testing';
import { Session, bearer } from './session';
import { E2eSuite, startE2eSuite } from './suite';

export { sleep } from './suite';

export const MQTT_URL = process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

export interface OperationsSuite extends E2eSuite {
  /** First level of every device topic in this run, so runs never share topics on the broker. */
  mqttPrefix: string;
}

/**
 * identity, portfolio, workorders, iot and the gateway as child processes, with iot on the local
 * Mosquitto under a topic prefix and MQTT session of this run only.
 */
export async function startOperationsSuite(): Promise<OperationsSuite> {
  const mqttPrefix = uniqueName('e2e');
  const clientId = `quartier-iot-${mqttPrefix}`;
  const suite = await startE2eSuite(
    {
      MQTT_URL,
      MQTT_PREFIX: mqttPrefix,
      MQTT_CLIENT_ID: clientId,
      // Retained discovery configs would outlive the run on the shared broker.
      HA_DISCOVERY_ENABLED: 'false',
      INGEST_FLUSH_MS: '5',
      OUTBOX_INTERVAL_MS: '100',
      RATE_LIMIT_PER_MINUTE: '10000',
    },
    ['identity', 'portfolio', 'workorders', 'iot', 'gateway'],
  );
  return {
    ...suite,
    mqttPrefix,
    stop: async () => {
      await suite.stop();
      await removeMqttSession(clientId);
    },
  };
}

/** A device on the broker (MQTT 3.1.1, clean session), as field hardware connects. */
export function connectDevice(name: string): Promise<MqttClient> {
  return mqtt.connectAsync(MQTT_URL, { clientId: uniqueName(`${name}-`), clean: true, protocolVersion: 4 });
}

/** Forgets the persistent session of iot after the run, so the broker stops queueing for it. */
async function removeMqttSession(clientId: string): Promise<void> {
  const client = await mqtt.connectAsync(MQTT_URL, { clientId, clean: true, protocolVersion: 4 });
  await client.endAsync();
}

/** Reads until `done` holds or the time is up; returns the last value either way. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}


/** Requests as one signed-in user. */
export function apiAs(baseUrl: string, session: Session) {
  const agent = request(baseUrl);
  const auth = bearer(session);
  return {
    get: (path: string) => agent.get(path).set(auth),
    post: (path: string, body: object = {}) => agent.post(path).set(auth).send(body),
    put: (path: string, body: object) => agent.put(path).set(auth).send(body),
    patch: (path: string, body: object) => agent.patch(path).set(auth).send(body),
    delete: (path: string) => agent.delete(path).set(auth),
  };
}
