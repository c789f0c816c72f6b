// bench/overload: floods GET /api/v1/properties (gateway → NATS → portfolio → Postgres) with 200 and
// 800 connections of one organization while a second organization sends requests beside it, after
// a baseline at 4 connections in the same process. Prints status counts, latency, throughput, the
// ratio against the baseline, how a second organization sending one request at a time fared
// (fairness), and how long portfolio still finished list requests after the load stopped (its
// handler-count metric, sampled every 50 ms).
// Usage: npm run bench:overload   (BENCH_DURATION_S, BENCH_REDIS_URL; BENCH_ENV='A=1,B=2' sets gateway and
// service variables, e.g. 'MAX_IN_FLIGHT=0,MAX_CONCURRENT_HANDLERS=100000' for the run without shedding)
const os = require('node:os');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { startSuite } = require('../../tools/launcher/suite');

const SERVER_URL = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const GATEWAY_PORT = 3821;
const PROPERTIES = 10;
const LIST_SUBJECT = 'portfolio.v1.properties.list';
/** Extra gateway/service variables, `A=1,B=2`: e.g. MAX_IN_FLIGHT=0 for the run without shedding. */
const EXTRA_ENV = Object.fromEntries(
  (process.env.BENCH_ENV ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => pair.split('=')),
);

async function adminQuery(sql) {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function api(method, url, token, body) {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status} ${await response.text()}`);
  return response.json();
}

async function seedOrganization(baseUrl, name) {
  const session = await api('POST', `${baseUrl}/auth/register`, null, {
    email: `bench-${name}-${Date.now()}@example.de`,
    password: 'Bench-Password-42!',
    name: 'Bench',
    organizationName: `${name} GmbH`,
  });
  for (let p = 0; p < PROPERTIES; p += 1) {
    await api('POST', `${baseUrl}/properties`, session.accessToken, {
      name: `${name} Wohnanlage ${p + 1}`,
      type: 'apartment_building',
      address: { street: 'Teststraße', houseNumber: String(p + 1), postalCode: '10115', city: 'Berlin', country: 'DE' },
    });
  }
  return session.accessToken;
}

/** Resolves with autocannon's result plus the codes of the requests that got no answer at all. */
function load(url, connections, token, durationS = DURATION_S) {
  return new Promise((resolve, reject) => {
    const failures = {};
    const instance = autocannon(
      { url, connections, duration: durationS, timeout: 10, headers: { authorization: `Bearer ${token}` } },
      (error, result) => (error ? reject(error) : resolve({ ...result, failures })),
    );
    instance.on('reqError', (error) => {
      const code = error.code ?? error.message;
      failures[code] = (failures[code] ?? 0) + 1;
    });
  });
}

/** Handler completions of the list operation so far, from portfolio's Prometheus metrics. */
async function handledLists(opsUrl) {
  const text = await (await fetch(`${opsUrl}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('quartier_rpc_duration_seconds_count') && line.includes(LIST_SUBJECT)) total += Number(line.split(' ').pop());
  }
  return total;
}

/** The gateway's own view: answers to the list route so far, in all and within 1 s (its duration histogram). */
async function gatewayAnswers(gatewayUrl) {
  const text = await (await fetch(`${gatewayUrl}/metrics`)).text();
  const counts = { all: 0, withinOneSecond: 0 };
  for (const line of text.split('\n')) {
    if (!line.startsWith('quartier_http_request_duration_seconds_bucket') || !line.includes('route="/api/v1/properties"')) continue;
    if (line.includes('le="+Inf"')) counts.all += Number(line.split(' ').pop());
    if (line.includes('le="1"')) counts.withinOneSecond += Number(line.split(' ').pop());
  }
  return counts;
}

/** How long after `loadEnd` portfolio still completed list handlers, and how many. */
async function workAfterLoad(opsUrl, loadEnd) {
  let last = await handledLists(opsUrl);
  const atEnd = last;
  let lastChange = loadEnd;
  // Quiet for 2 s (or 30 s in all) means the service has stopped working through its backlog.
  while (Date.now() - lastChange < 2000 && Date.now() - loadEnd < 30000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = await handledLists(opsUrl);
    if (now !== last) {
      last = now;
      lastChange = Date.now();
    }
  }
  return { afterMs: lastChange - loadEnd, handledAfter: last - atEnd };
}

function summarize(result) {
  const statuses = { 200: 0, 503: 0, 504: 0, other: 0 };
  for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) {
    if (status in statuses) statuses[status] += count;
    else statuses.other += count;
  }
  statuses.other += result.errors;
  return {
    statuses,
    failures: result.failures,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    rps: result.requests.average,
    ok: statuses[200] / Math.max(result.duration, 1),
  };
}

/** One request at a time from another organization while the busy one floods: does it still get through? */
async function probe(url, token, durationS) {
  const statuses = { 200: 0, 503: 0, 504: 0, other: 0 };
  const latencies = [];
  const end = Date.now() + durationS * 1000;
  while (Date.now() < end) {
    const start = Date.now();
    try {
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10000) });
      await response.arrayBuffer();
      if (response.status in statuses) statuses[response.status] += 1;
      else statuses.other += 1;
    } catch {
      statuses.other += 1;
    }
    latencies.push(Date.now() - start);
  }
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const answered = latencies.length;
  return { statuses, p50: at(0.5), p99: at(0.99), max: at(1), rps: answered / durationS, ok: statuses[200] / durationS };
}

async function flood(url, connections, tokens, opsUrl, gatewayUrl) {
  const before = await handledLists(opsUrl);
  const answeredBefore = await gatewayAnswers(gatewayUrl);
  // The load generator shares the machine: its own event-loop delay is part of every latency it reports.
  const clientDelay = monitorEventLoopDelay({ resolution: 10 });
  clientDelay.enable();
  const [main, other] = await Promise.all([load(url, connections, tokens.busy), probe(url, tokens.other, DURATION_S)]);
  clientDelay.disable();
  const loadEnd = Date.now();
  const after = await workAfterLoad(opsUrl, loadEnd);
  const handled = (await handledLists(opsUrl)) - before;
  const answeredAfter = await gatewayAnswers(gatewayUrl);
  const gateway = {
    all: answeredAfter.all - answeredBefore.all,
    withinOneSecond: answeredAfter.withinOneSecond - answeredBefore.withinOneSecond,
  };
  const clientDelayMs = { p99: clientDelay.percentile(99) / 1e6, max: clientDelay.max / 1e6 };
  return { connections, main: summarize(main), other, ...after, handled, gateway, loadAverage: os.loadavg()[0], clientDelayMs };
}

function report(baseline, runs) {
  const fmt = (s) =>
    `200 ${s.statuses[200]}  503 ${s.statuses[503]}  504 ${s.statuses[504]}  other ${s.statuses.other}  ` +
    `p50 ${s.p50} ms  p99 ${s.p99} ms  max ${s.max} ms  ${s.rps.toFixed(0)} answers/s (${s.ok.toFixed(0)} ok/s)`;
  const lines = [
    `overload: GET /api/v1/properties, ${DURATION_S} s per run${Object.keys(EXTRA_ENV).length ? `, env ${process.env.BENCH_ENV}` : ''}`,
    `baseline   4 conns: ${fmt(baseline)}`,
  ];
  for (const run of runs) {
    const { main, other } = run;
    const slowest = main.max;
    const verdict = main.statuses[504] === 0 && main.statuses.other === 0 && slowest <= 1000 && run.afterMs <= 1000;
    lines.push(
      `busy org ${String(run.connections).padStart(4)} conns: ${fmt(main)}`,
      `  vs baseline: ok throughput ×${(main.ok / baseline.ok).toFixed(2)}, p99 ×${(main.p99 / Math.max(baseline.p99, 1)).toFixed(1)}`,
      `  other org, one request at a time: ${fmt(other)}`,
      `  unanswered: ${JSON.stringify(main.failures)}; load generator event-loop delay p99 ${run.clientDelayMs.p99.toFixed(0)} ms, max ${run.clientDelayMs.max.toFixed(0)} ms`,
      `  gateway's own view (request read → answer sent): ${run.gateway.withinOneSecond} of ${run.gateway.all} answers within 1 s`,
      `  machine load average (1 min) after the run: ${run.loadAverage.toFixed(1)} on ${os.cpus().length} cores`,
      `  service work after the load stopped: ${run.afterMs} ms (${run.handledAfter} of ${run.handled} list handlers completed after it)`,
      `  target (no 504, every answer 200/503 within 1 s, work stops within 1 s): ${verdict ? 'MET' : 'MISSED'}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main() {
  const database = `qt_bench_${Date.now().toString(36)}`;
  await adminQuery(`CREATE DATABASE "${database}"`);
  const suite = await startSuite({
    services: ['identity', 'portfolio', 'gateway'],
    quiet: true,
    env: {
      DATABASE_URL: SERVER_URL.replace(/\/[^/]*$/, `/${database}`),
      NATS_PREFIX: `bench${Date.now().toString(36)}`,
      PORT: String(GATEWAY_PORT),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000000',
      // Identity refuses to run without it; a bench database is thrown away, so a fixed one does.
      SIGNING_KEY_ENCRYPTION_SECRET: process.env.SIGNING_KEY_ENCRYPTION_SECRET ?? 'bench-signing-key-encryption-secret-0123456789',
      // Counters in Redis, as with several gateway replicas: the in-memory store keeps one timestamp
      // per hit, and at a limit this high filtering them would cost more than the requests.
      REDIS_URL: REDIS_URL,
      ...EXTRA_ENV,
    },
  });
  try {
    const baseUrl = `${suite.gatewayUrl}/api/v1`;
    process.stdout.write(`seeding two organizations with ${PROPERTIES} properties each…\n`);
    const tokens = { busy: await seedOrganization(baseUrl, 'Busy'), other: await seedOrganization(baseUrl, 'Other') };
    const url = `${baseUrl}/properties?size=50`;
    const check = await api('GET', url, tokens.busy);
    if (check.items.length !== PROPERTIES) throw new Error(`unexpected page of ${check.items.length} properties`);
    const opsUrl = suite.services.find((service) => service.name === 'portfolio').opsUrl;

    await load(url, 8, tokens.busy, 3); // warm-up
    const baseline = summarize(await load(url, 4, tokens.busy));
    const runs = [];
    for (const connections of [200, 800]) runs.push(await flood(url, connections, tokens, opsUrl, suite.gatewayUrl));
    report(baseline, runs);
  } finally {
    await suite.stop();
    await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
}

main().catch((error) => {
  process.stderr.write(`overload failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
