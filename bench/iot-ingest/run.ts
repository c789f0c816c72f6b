/**
 * IoT ingestion benchmark: simulated devices publish QoS 1 telemetry (four metrics each) to
 * the MQTT broker; the iot service (own process) stores it. Prints readings/s persisted,
 * messages/s, readings lost (acknowledged by the broker but not stored), publish-to-queryable
 * latency (sampled messages polled from Postgres), and a plain COPY of the same rows as baseline.
 *
 *   node -r @swc-node/register bench/iot-ingest/run.ts
 *   BENCH_DEVICES=1000 BENCH_RATE=6000 BENCH_DURATION_S=15 (messages/s over all devices)
 */
import 'reflect-metadata';
import { ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import mqtt, { MqttClient } from 'mqtt';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect, nkeyAuthenticator } from 'nats';
import { Client } from 'pg';
import { DeviceResponse, IotSubjects } from '@quartier/contracts-iot';
import { CallerContextSigner, RpcClient, startLocalBus } from '@quartier/messaging';
import { createTestDatabase, testCaller, uniqueName } from '@quartier/testing';
import { copyFrom } from './copy-in';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 6000);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 15);
const MQTT_URL = process.env.BENCH_MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const METRICS = ['temperature', 'humidity', 'co2', 'power'] as const;
const SAMPLE_EVERY = 50;

interface Sample {
  deviceId: string;
  ts: number;
  publishedAt: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function startService(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = fork(path.join(__dirname, 'service.ts'), { execArgv: ['-r', '@swc-node/register', ...(process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean)], env });
  await new Promise<void>((resolve, reject) => {
    child.once('message', (message) => (message === 'ready' ? resolve() : reject(new Error(String(message)))));
    child.once('exit', (code) => reject(new Error(`iot exited with ${code}`)));
  });
  return child;
}

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const prefix = uniqueName('bench');
  const clientId = `iot-${prefix}`;
  // The bench's own authenticated nats-server, as in production: iot joins it with its own NKey.
  const busDir = mkdtempSync(path.join(tmpdir(), 'quartier-bench-bus-'));
  const bus = await startLocalBus({ dir: busDir, prefix, withAdmin: true });
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    ...bus.envFor('iot'),
    NATS_PREFIX: prefix,
    MQTT_URL,
    MQTT_PREFIX: prefix,
    MQTT_CLIENT_ID: clientId,
    HA_DISCOVERY_ENABLED: 'false',
    DEVICE_OFFLINE_AFTER_S: '3600',
    LOG_LEVEL: 'warn',
    OPS_PORT: '0',
    DB_POOL_SIZE: '4',
  };
  const service = await startService(env);
  const nats = await connect({ servers: bus.url, authenticator: nkeyAuthenticator(new TextEncoder().encode(bus.admin?.seed ?? '')) });
  const pg = new Client({ connectionString: database.url, options: '-c search_path=iot' });
  await pg.connect();
  const poller = new Client({ connectionString: database.url, options: '-c search_path=iot' });
  await poller.connect();
  const clients: MqttClient[] = [];
  try {
    const rpc = new RpcClient(nats, { prefix, timeoutMs: 30_000, signer: new CallerContextSigner('gateway', bus.keys.gateway.seed, 60_000) });
    const caller = testCaller(randomUUID());
    const indexes = Array.from({ length: DEVICES }, (_, i) => i);
    const devices = await inBatches(indexes, 50, (i) => rpc.request<DeviceResponse>(IotSubjects.devicesCreate, { name: `bench ${i}`, type: 'sensor' }, caller));
    clients.push(...(await inBatches(indexes, 100, (i) => mqtt.connectAsync(MQTT_URL, { clientId: `${prefix}-d${i}`, clean: true, protocolVersion: 4 }))));
    process.stdout.write(`${DEVICES} devices registered and connected; publishing ${RATE} messages/s for ${DURATION_S} s\n`);

    const samples: Sample[] = [];
    const latencies: number[] = [];
    let polling = true;
    const pollLoop = (async () => {
      while (polling || samples.length > 0) {
        const batch = samples.splice(0, 1000);
        if (batch.length > 0) {
          const { rows } = await poller.query<{ device_id: string; ts: string }>(
            `SELECT device_id, (extract(epoch FROM recorded_at) * 1000)::bigint AS ts FROM readings
              WHERE metric = 'temperature' AND (device_id, recorded_at) IN (SELECT * FROM unnest($1::uuid[], $2::timestamptz[]))`,
            [batch.map((s) => s.deviceId), batch.map((s) => new Date(s.ts).toISOString())],
          );
          const now = Date.now();
          const found = new Set(rows.map((row) => `${row.device_id}/${row.ts}`));
          for (const sample of batch) {
            if (found.has(`${sample.deviceId}/${sample.ts}`)) latencies.push(now - sample.publishedAt);
            else samples.push(sample);
          }
        }
        await sleep(25);
      }
    })();

    let acked = 0;
    let failed = 0;
    let scheduled = 0;
    const lastTs = new Array<number>(DEVICES).fill(0);
    const pending = new Set<Promise<void>>();
    const start = Date.now();
    while (Date.now() - start < DURATION_S * 1000) {
      const due = Math.floor(((Date.now() - start) / 1000) * RATE);
      for (; scheduled < due; scheduled += 1) {
        const i = scheduled % DEVICES;
        const ts = Math.max(Date.now(), lastTs[i] + 1);
        lastTs[i] = ts;
        const payload = JSON.stringify({ ts, temperature: 20 + (i % 10), humidity: 40 + (scheduled % 20), co2: 400 + (scheduled % 300), power: scheduled % 1000 });
        const publishedAt = Date.now();
        const publish = clients[i]
          .publishAsync(devices[i].topics.telemetry, payload, { qos: 1 })
          .then(() => {
            acked += 1;
          })
          .catch(() => {
            failed += 1;
          })
          .finally(() => pending.delete(publish));
        pending.add(publish);
        if (scheduled % SAMPLE_EVERY === 0) samples.push({ deviceId: devices[i].id, ts, publishedAt });
      }
      await sleep(5);
    }
    await Promise.all(pending);
    const publishSeconds = (Date.now() - start) / 1000;
    const expected = acked * METRICS.length;

    let stored = 0;
    const waitUntil = Date.now() + 60_000;
    while (Date.now() < waitUntil) {
      stored = Number((await pg.query<{ n: string }>('SELECT count(*) AS n FROM readings')).rows[0].n);
      if (stored >= expected) break;
      await sleep(100);
    }
    const persistSeconds = (Date.now() - start) / 1000;
    polling = false;
    await Promise.race([pollLoop, sleep(5000)]);

    // Baseline: the same rows, COPYed into an identical table (same indexes) by one connection.
    await pg.query('CREATE TABLE readings_copy_baseline (LIKE readings INCLUDING ALL)');
    const orgId = caller.organizationId;
    const chunks: string[] = [];
    let lines: string[] = [];
    for (let n = 0; n < stored; n += 1) {
      const device = devices[n % DEVICES];
      const at = new Date(start + Math.floor(n / METRICS.length)).toISOString();
      lines.push(`${orgId}\t${device.id}\t${METRICS[n % METRICS.length]}\t${n % 1000}\t${at}`);
      if (lines.length === 100_000) {
        chunks.push(`${lines.join('\n')}\n`);
        lines = [];
      }
    }
    if (lines.length > 0) chunks.push(`${lines.join('\n')}\n`);
    const copyStart = process.hrtime.bigint();
    let copied = 0;
    for (const chunk of chunks) {
      copied += await copyFrom(pg, 'COPY readings_copy_baseline (organization_id, device_id, metric, value, recorded_at) FROM STDIN', chunk);
    }
    const copySeconds = Number(process.hrtime.bigint() - copyStart) / 1e9;

    const ingestRate = stored / persistSeconds;
    const copyRate = copied / copySeconds;
    const figures = {
      devices: DEVICES,
      offeredMessagesPerSecond: RATE,
      messagesPerSecond: Math.round(acked / publishSeconds),
      readingsPerSecondPersisted: Math.round(ingestRate),
      readingsSent: expected,
      readingsStored: stored,
      readingsLost: expected - stored,
      publishFailures: failed,
      latencySamples: latencies.length,
      publishToQueryableP50Ms: percentile(latencies, 50),
      publishToQueryableP99Ms: percentile(latencies, 99),
      copyBaselineReadingsPerSecond: Math.round(copyRate),
      ingestToCopyRatio: Number((ingestRate / copyRate).toFixed(3)),
    };
    for (const [name, value] of Object.entries(figures)) process.stdout.write(`${name.padEnd(32)} ${value}\n`);
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await Promise.all(clients.map((client) => client.endAsync()));
    service.send('stop');
    await new Promise((resolve) => service.once('exit', resolve));
    await pg.end();
    await poller.end();
    await nats.close();
    await bus.stop();
    rmSync(busDir, { recursive: true, force: true });
    const session = await mqtt.connectAsync(MQTT_URL, { clientId, clean: true, protocolVersion: 4 });
    await session.endAsync();
    await database.drop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`iot-ingest bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
