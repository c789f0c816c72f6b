/**
 * MQTT outage budget: devices publish numbered QoS 1 readings while iot replicas are killed
 * (kill -9); prints readings offered, acknowledged by the broker, stored, lost (acknowledged, never
 * stored) and duplicated, per scenario:
 *   replica-kill   one of two replicas killed for 5 s at 200 msg/s over 20 s (shipped broker config)
 *   outage         every replica down for BENCH_OUTAGE_S s at BENCH_RATE msg/s (shipped config)
 *   outage-default the same outage on Mosquitto's default queue (1,000 messages): the baseline
 *
 *   npm run bench:iot-outage
 *   BENCH_OUTAGE_S=60 BENCH_RATE=1000 BENCH_SCENARIOS=replica-kill,outage,outage-default
 */
import 'reflect-metadata';
import {
  Broker,
  IotFaultStack,
  Tally,
  settle,
  startBroker,
  startIotFaultStack,
  startPublishing,
} from '../../apps/e2e/src/faults/iot-fault-stack';

const OUTAGE_S = Number(process.env.BENCH_OUTAGE_S ?? 60);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'replica-kill,outage,outage-default').split(',');
const DEVICES = 20;
/** Mosquitto 2's defaults, as the Debian package runs it. */
const DEFAULT_QUEUE = { max_queued_messages: '1000', max_queued_bytes: '0' };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Figures extends Tally {
  scenario: string;
  offeredWhileDown: number;
  seconds: number;
}

async function withStack(overrides: Record<string, string>, run: (broker: Broker, iot: IotFaultStack) => Promise<Omit<Figures, 'scenario' | 'seconds'>>): Promise<Omit<Figures, 'scenario'>> {
  const broker = await startBroker(overrides);
  const iot = await startIotFaultStack(broker, 2);
  const startedAt = Date.now();
  try {
    const figures = await run(broker, iot);
    return { ...figures, seconds: Math.round((Date.now() - startedAt) / 1000) };
  } finally {
    await iot.teardown();
    await broker.stop();
  }
}

async function replicaKill(): Promise<Omit<Figures, 'scenario'>> {
  return withStack({}, async (broker, iot) => {
    const [victim] = iot.replicas;
    const publisher = await startPublishing(broker.url, await iot.createDevices(DEVICES), 200);
    const startedAt = Date.now();
    await sleep(6000);
    await victim.kill();
    const killedAt = publisher.offered();
    await sleep(5000);
    const offeredWhileDown = publisher.offered() - killedAt;
    await victim.start();
    await sleep(Math.max(0, startedAt + 20_000 - Date.now()));
    const result = await publisher.stop();
    return { ...(await settle(iot, result)), offeredWhileDown };
  });
}

async function outage(overrides: Record<string, string>): Promise<Omit<Figures, 'scenario'>> {
  return withStack(overrides, async (broker, iot) => {
    const publisher = await startPublishing(broker.url, await iot.createDevices(DEVICES), RATE);
    await sleep(5000);
    await Promise.all(iot.replicas.map((replica) => replica.kill()));
    const killedAt = publisher.offered();
    await sleep(OUTAGE_S * 1000);
    const offeredWhileDown = publisher.offered() - killedAt;
    await Promise.all(iot.replicas.map((replica) => replica.start()));
    await sleep(5000);
    const result = await publisher.stop();
    return { ...(await settle(iot, result, 30_000)), offeredWhileDown };
  });
}

async function main(): Promise<void> {
  const runs: Record<string, () => Promise<Omit<Figures, 'scenario'>>> = {
    'replica-kill': replicaKill,
    outage: () => outage({}),
    'outage-default': () => outage(DEFAULT_QUEUE),
  };
  const results: Figures[] = [];
  for (const scenario of SCENARIOS) {
    const run = runs[scenario];
    if (!run) throw new Error(`unknown scenario ${scenario} (${Object.keys(runs).join(', ')})`);
    process.stdout.write(`${scenario}: running (outage ${OUTAGE_S} s at ${RATE} msg/s where it applies)\n`);
    results.push({ scenario, ...(await run()) });
  }
  process.stdout.write(`\n${'scenario'.padEnd(16)}${['offered', 'down', 'acked', 'stored', 'lost', 'dupes', 'lost %', 's'].map((h) => h.padStart(9)).join('')}\n`);
  for (const r of results) {
    const lostShare = r.acknowledged === 0 ? 0 : (100 * r.lost) / r.acknowledged;
    const cells = [r.offered, r.offeredWhileDown, r.acknowledged, r.stored, r.lost, r.duplicates, lostShare.toFixed(2), r.seconds];
    process.stdout.write(`${r.scenario.padEnd(16)}${cells.map((cell) => String(cell).padStart(9)).join('')}\n`);
  }
  const shipped = results.find((r) => r.scenario === 'outage');
  const baseline = results.find((r) => r.scenario === 'outage-default');
  if (shipped && baseline) {
    process.stdout.write(`\nlost with the shipped config: ${shipped.lost}; with Mosquitto's default queue: ${baseline.lost} (baseline)\n`);
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`iot-outage bench failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
