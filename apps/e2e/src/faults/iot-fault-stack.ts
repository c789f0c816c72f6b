import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mqtt, { MqttClient } from 'mqtt';
import { Client } from 'pg';
import { OrgCaller } from '@quartier/contracts-shared';
import { DeviceResponse, IotSubjects } from '@quartier/contracts-iot';
import { TestStack, startTestStack, testCaller } from '@quartier/testing';
import { startMosquitto } from '@quartier/launcher';
import { freePort, sleep } from '../support/suite';

/**
 * What the iot fault specs and bench/iot-outage share: a Mosquitto started from the shipped
 * deploy/mosquitto.conf, iot replicas as child processes (so they can be killed with SIGKILL),
 * devices publishing numbered QoS 1 readings at a fixed rate, and the tally of what was stored.
 */

const ROOT = path.resolve(__dirname, '../../../..');
/** The metric every published reading carries; its value is the message's sequence number. */
export const SEQ_METRIC = 'seq';

async function httpStatus(url: string): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).status;
  } catch {
    return 0;
  }
}

export interface Broker {
  url: string;
  stop(): Promise<void>;
}

/**
 * A Mosquitto of the run's own from the shipped deploy/mosquitto.conf (as `npm start` runs it),
 * on a free local port with a scratch store; `overrides` replace settings (e.g. a baseline).
 */
export async function startBroker(overrides: Record<string, string> = {}): Promise<Broker> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'quartier-mosquitto-'));
  const broker = await startMosquitto({ port: await freePort(), dataDir, overrides });
  return {
    url: broker.url,
    stop: async () => {
      await broker.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One iot process; `kill()` is kill -9, `start()` boots it again under the same MQTT client id. */
export class IotReplica {
  private child?: ChildProcess;
  private output: string[] = [];
  opsUrl = '';

  constructor(
    readonly clientId: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  async start(timeoutMs = 120_000): Promise<void> {
    const port = await freePort();
    this.opsUrl = `http://127.0.0.1:${port}`;
    this.output = [];
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join('apps', 'iot', 'src', 'main.ts')], {
      cwd: ROOT,
      env: { ...this.env, MQTT_CLIENT_ID: this.clientId, OPS_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer): void => {
      this.output.push(chunk.toString());
      if (this.output.length > 40) this.output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const deadline = Date.now() + timeoutMs;
    while ((await httpStatus(`${this.opsUrl}/health/ready`)) !== 200) {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`iot ${this.clientId} did not become ready:\n${this.output.join('')}`);
      }
      await sleep(200);
    }
  }

  /** SIGKILL: no drain, no PUBACK, no DISCONNECT; the broker keeps the session. */
  async kill(): Promise<void> {
    await this.end('SIGKILL');
  }

  /** SIGTERM: stores and acknowledges what has arrived, then disconnects. */
  async stop(): Promise<void> {
    await this.end('SIGTERM');
  }

  /** Readings this process stored (its /metrics counter). */
  async storedReadings(): Promise<number> {
    const text = await (await fetch(`${this.opsUrl}/metrics`)).text();
    return Number(/^quartier_iot_readings_stored_total\{[^}]*\} (\S+)$/m.exec(text)?.[1] ?? 0);
  }

  private async end(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.kill(signal);
    await exited;
    clearTimeout(killer);
  }
}

export interface IotFaultStack {
  stack: TestStack;
  broker: Broker;
  org: OrgCaller;
  replicas: IotReplica[];
  createDevices(count: number): Promise<DeviceResponse[]>;
  /** Stored rows of `devices` per sequence number (a count above 1 is a duplicate). */
  storedSequences(devices: DeviceResponse[]): Promise<Map<number, number>>;
  teardown(): Promise<void>;
}

/**
 * A database and bus of the run's own, `broker`, and `replicaCount` iot processes with client ids
 * of their own in one shared subscription group, all under a topic prefix of this run.
 */
export async function startIotFaultStack(broker: Broker, replicaCount: number, env: NodeJS.ProcessEnv = {}): Promise<IotFaultStack> {
  const stack = await startTestStack([]);
  const replicaEnv: NodeJS.ProcessEnv = {
    ...stack.envFor('iot'),
    MQTT_URL: broker.url,
    MQTT_PREFIX: stack.prefix,
    MQTT_SHARED_GROUP: `iot-${stack.prefix}`,
    HA_DISCOVERY_ENABLED: 'false',
    DEVICE_OFFLINE_AFTER_S: '3600',
    LOG_LEVEL: 'warn',
    ...env,
  };
  const replicas = Array.from({ length: replicaCount }, (_, index) => new IotReplica(`iot-${stack.prefix}-${index}`, replicaEnv));
  const pg = new Client({ connectionString: stack.database.url, options: '-c search_path=iot' });
  const org = testCaller(randomUUID());
  try {
    // One after the other: both would run the migrations (under a lock) at the same time.
    for (const replica of replicas) await replica.start();
    await pg.connect();
  } catch (error) {
    await Promise.all(replicas.map((replica) => replica.kill()));
    await stack.teardown();
    throw error;
  }
  return {
    stack,
    broker,
    org,
    replicas,
    createDevices: async (count) => {
      const devices: DeviceResponse[] = [];
      for (let index = 0; index < count; index += 1) {
        devices.push(await stack.rpc.request<DeviceResponse>(IotSubjects.devicesCreate, { name: `Counter ${index}`, type: 'sensor' }, org));
      }
      return devices;
    },
    storedSequences: async (devices) => {
      const rows = (
        await pg.query<{ seq: number; rows: number }>(
          'SELECT value::int AS seq, count(*)::int AS rows FROM readings WHERE metric = $1 AND device_id = ANY($2::uuid[]) GROUP BY value',
          [SEQ_METRIC, devices.map((device) => device.id)],
        )
      ).rows;
      return new Map(rows.map((row) => [row.seq, row.rows]));
    },
    teardown: async () => {
      await Promise.all(replicas.map((replica) => replica.stop()));
      await pg.end();
      await stack.teardown();
      // Forget the sessions, so the broker stops queueing for them.
      for (const replica of replicas) {
        const client = await mqtt.connectAsync(broker.url, { clientId: replica.clientId, clean: true, protocolVersion: 4 });
        await client.endAsync();
      }
    },
  };
}

export interface Publisher {
  /** Messages whose publish was started. */
  offered(): number;
  /** Stops publishing; resolves once every started publish was acknowledged or failed. */
  stop(): Promise<PublishResult>;
}

export interface PublishResult {
  devices: DeviceResponse[];
  offered: number;
  /** Sequence numbers the broker acknowledged (PUBACK): these must all be stored. */
  acknowledged: number[];
  failed: number;
}

/**
 * Devices (MQTT 3.1.1, clean session, as field hardware connects) publish QoS 1 telemetry at
 * `ratePerS` messages per second over all of them. Message n carries `{ ts, seq: n }` with a
 * distinct device timestamp, as real readings do.
 */
export async function startPublishing(brokerUrl: string, devices: DeviceResponse[], ratePerS: number): Promise<Publisher> {
  const clients: MqttClient[] = [];
  for (const device of devices) {
    clients.push(await mqtt.connectAsync(brokerUrl, { clientId: `device-${device.id}`, clean: true, protocolVersion: 4 }));
  }
  const acknowledged: number[] = [];
  const pending = new Set<Promise<void>>();
  let offered = 0;
  let failed = 0;
  const startedAt = Date.now();
  const publishOne = (): void => {
    const seq = offered;
    offered += 1;
    const index = seq % devices.length;
    const payload = JSON.stringify({ ts: startedAt + seq, [SEQ_METRIC]: seq });
    const publish = clients[index]
      .publishAsync(devices[index].topics.telemetry, payload, { qos: 1 })
      .then(
        () => void acknowledged.push(seq),
        () => void (failed += 1),
      )
      .finally(() => pending.delete(publish));
    pending.add(publish);
  };
  // Catches up on what is due at each tick, so a slow timer does not lower the rate.
  const timer = setInterval(() => {
    const due = Math.floor(((Date.now() - startedAt) * ratePerS) / 1000);
    while (offered < due) publishOne();
  }, 10);
  return {
    offered: () => offered,
    stop: async () => {
      clearInterval(timer);
      await Promise.all(pending);
      await Promise.all(clients.map((client) => client.endAsync()));
      return { devices, offered, acknowledged, failed };
    },
  };
}

export interface Tally {
  offered: number;
  acknowledged: number;
  stored: number;
  lost: number;
  duplicates: number;
}

/** Acknowledged readings that were never stored are lost; rows beyond one per reading are duplicates. */
export function tally(result: PublishResult, stored: Map<number, number>): Tally {
  let rows = 0;
  let duplicates = 0;
  for (const count of stored.values()) {
    rows += count;
    duplicates += count - 1;
  }
  return {
    offered: result.offered,
    acknowledged: result.acknowledged.length,
    stored: rows,
    lost: result.acknowledged.filter((seq) => !stored.has(seq)).length,
    duplicates,
  };
}

/** Polls until every acknowledged reading is stored, or until nothing new arrived for `quietMs`. */
export async function settle(stack: IotFaultStack, result: PublishResult, quietMs = 20_000): Promise<Tally> {
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const current = tally(result, await stack.storedSequences(result.devices));
    if (current.lost === 0) return current;
    if (current.stored !== last) {
      last = current.stored;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > quietMs) {
      return current;
    }
    await sleep(250);
  }
}
