// The real suite, as `npm start` and the e2e tests run it: every app against the local Postgres and
// a nats-server of the run's own, isolated by a database and a gateway port of its own.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { Client } = require('pg');
const { ROOT, discoverApps } = require('../apps');
const { ensureDatabase } = require('../infra');
const { startSuite } = require('../suite');
const { httpStatus } = require('../net');

const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const gatewayExists = fs.existsSync(path.join(ROOT, 'apps', 'gateway', 'src', 'main.ts'));

async function dropDatabase(name) {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

(gatewayExists ? describe : describe.skip)('startSuite with the real apps', () => {
  const id = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const database = `qt_launcher_${id}`;
  const prefix = `l${id}`;
  const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'launcher-suite-')), 'suite.log');
  let suite = null;

  beforeAll(async () => {
    const url = new URL(SERVER_URL);
    url.pathname = `/${database}`;
    await ensureDatabase(url.toString());
    suite = await startSuite({
      env: { DATABASE_URL: url.toString(), NATS_PREFIX: prefix, PORT: '0', LOG_LEVEL: 'warn' },
      quiet: true,
      logFile,
      startupTimeoutMs: 90000,
    });
  }, 200000);

  afterAll(async () => {
    await suite?.stop();
    await dropDatabase(database);
  }, 60000);

  it('starts every app and the gateway answers /health with 200', async () => {
    expect(suite.services.map((service) => service.name)).toEqual(discoverApps());
    expect(await httpStatus(`${suite.gatewayUrl}/health`)).toBe(200);
  });

  it('runs each app in its own process, all stopped by stop()', async () => {
    const pids = suite.services.map((service) => service.pid);
    expect(new Set(pids).size).toBe(pids.length);
    await suite.stop();
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    expect(await httpStatus(`${suite.gatewayUrl}/health`)).toBeNull();
  });
});
