// bench/gateway-read: GET /api/v1/units?size=50 through gateway → NATS → portfolio → Postgres,
// beside a bare Fastify + pg server (two workers) running the same SQL, alternating the two.
// Usage: npm run bench:gateway-read   (BENCH_DURATION_S, BENCH_ROUNDS to change the run)
const path = require('node:path');
const { fork } = require('node:child_process');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { startSuite } = require('../../tools/launcher/suite');

const SERVER_URL = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const GATEWAY_PORT = 3811;
const BARE_PORT = 3812;
const UNITS = 1000;

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

async function seed(baseUrl) {
  const session = await api('POST', `${baseUrl}/auth/register`, null, {
    email: `bench-${Date.now()}@example.de`,
    password: 'Bench-Password-42!',
    name: 'Bench',
    organizationName: 'Bench GmbH',
  });
  const token = session.accessToken;
  const property = await api('POST', `${baseUrl}/properties`, token, {
    name: 'Benchmark-Wohnanlage',
    type: 'apartment_building',
    address: { street: 'Teststraße', houseNumber: '1', postalCode: '10115', city: 'Berlin', country: 'DE' },
  });
  for (let b = 0; b < 10; b += 1) {
    const building = await api('POST', `${baseUrl}/buildings`, token, { propertyId: property.id, name: `Haus ${b + 1}`, floors: 10 });
    const creates = [];
    for (let u = 0; u < UNITS / 10; u += 1) {
      creates.push(
        api('POST', `${baseUrl}/units`, token, {
          buildingId: building.id,
          number: `${b + 1}.${String(u).padStart(3, '0')}`,
          floor: u % 10,
          type: 'apartment',
          area: 40 + (u % 60),
          rooms: 1 + (u % 4),
          targetRent: { amountCents: 80000 + u * 100, currency: 'EUR' },
        }),
      );
      if (creates.length === 20) await Promise.all(creates.splice(0));
    }
    await Promise.all(creates);
  }
  return { token, organizationId: session.organization.id };
}

function load(url, connections, token) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections, duration: DURATION_S, headers: token ? { authorization: `Bearer ${token}` } : {} },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

function summary(result) {
  if (result.non2xx > 0) throw new Error(`${result.non2xx} non-2xx responses`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function main() {
  const database = `qt_bench_${Date.now().toString(36)}`;
  await adminQuery(`CREATE DATABASE "${database}"`);
  const databaseUrl = SERVER_URL.replace(/\/[^/]*$/, `/${database}`);
  const suite = await startSuite({
    services: ['identity', 'portfolio', 'gateway'],
    quiet: true,
    env: {
      DATABASE_URL: databaseUrl,
      NATS_PREFIX: `bench${Date.now().toString(36)}`,
      PORT: String(GATEWAY_PORT),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000000',
      // Identity refuses to run without it; a bench database is thrown away, so a fixed one does.
      SIGNING_KEY_ENCRYPTION_SECRET: process.env.SIGNING_KEY_ENCRYPTION_SECRET ?? 'bench-signing-key-encryption-secret-0123456789',
    },
  });
  let bare;
  try {
    const baseUrl = `${suite.gatewayUrl}/api/v1`;
    process.stdout.write(`seeding ${UNITS} units through the API…\n`);
    const { token, organizationId } = await seed(baseUrl);
    bare = fork(path.join(__dirname, 'bare-server.js'), [], {
      env: { ...process.env, DATABASE_URL: databaseUrl, BENCH_ORGANIZATION_ID: organizationId, BARE_PORT: String(BARE_PORT) },
    });
    await new Promise((resolve) => bare.once('message', resolve));

    const targets = {
      gateway: { url: `${baseUrl}/units?size=50`, token },
      bare: { url: `http://127.0.0.1:${BARE_PORT}/api/v1/units?size=50`, token: null },
    };
    const check = await api('GET', targets.gateway.url, token);
    if (check.total !== UNITS || check.items.length !== 50) throw new Error(`unexpected page: total ${check.total}`);

    for (const target of Object.values(targets)) await load(target.url, 8, target.token); // warm-up
    const results = { gateway: { c32: [], c1: [] }, bare: { c32: [], c1: [] } };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const name of round % 2 === 0 ? ['gateway', 'bare'] : ['bare', 'gateway']) {
        results[name].c32.push(summary(await load(targets[name].url, 32, targets[name].token)));
        results[name].c1.push(summary(await load(targets[name].url, 1, targets[name].token)));
      }
    }
    report(results);
  } finally {
    bare?.kill('SIGTERM');
    await suite.stop();
    await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
}

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;

function report(results) {
  const figures = {};
  for (const [name, { c32, c1 }] of Object.entries(results)) {
    figures[name] = {
      rps32: mean(c32.map((r) => r.rps)),
      p50_32: mean(c32.map((r) => r.p50)),
      p99_32: mean(c32.map((r) => r.p99)),
      p50_1: mean(c1.map((r) => r.p50)),
    };
  }
  const { gateway, bare } = figures;
  const line = (label, f) =>
    `${label.padEnd(8)} 32 conns: ${f.rps32.toFixed(0).padStart(6)} req/s  p50 ${f.p50_32.toFixed(1)} ms  p99 ${f.p99_32.toFixed(1)} ms   1 conn: p50 ${f.p50_1.toFixed(2)} ms`;
  const throughputRatio = gateway.rps32 / bare.rps32;
  const extraMedian = gateway.p50_1 - bare.p50_1;
  process.stdout.write(
    [
      `gateway-read: GET /api/v1/units?size=50, ${UNITS} units, ${ROUNDS} alternating rounds of ${DURATION_S} s`,
      line('gateway', gateway),
      line('bare', bare),
      `throughput ratio at 32 conns: ${(throughputRatio * 100).toFixed(1)}% of bare (target ≥ 50%) ${throughputRatio >= 0.5 ? 'MET' : 'MISSED'}`,
      `median at 1 conn: +${extraMedian.toFixed(2)} ms over bare (target ≤ 3 ms) ${extraMedian <= 3 ? 'MET' : 'MISSED'}`,
    ].join('\n') + '\n',
  );
}

main().catch((error) => {
  process.stderr.write(`gateway-read failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
