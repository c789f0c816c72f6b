// What the suite needs around it: NATS (must exist), Postgres (embedded fallback), MQTT (local Mosquitto or aedes fallback).
const path = require('node:path');
const net = require('node:net');
const { ROOT } = require('./apps');
const { endpointOf, isLocalHost, tcpProbe, isReachable, freePort } = require('./net');

const DEFAULTS = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/quartier',
  NATS_PREFIX: 'qt',
  MQTT_URL: 'mqtt://127.0.0.1:1883',
};
const EMBEDDED_PG_PORT = 54329;
const EMBEDDED_PG_PASSWORD = 'quartier';

function natsMissingMessage(natsUrl, reason) {
  return [
    `NATS is not reachable at ${natsUrl} (${reason}).`,
    'Unset NATS_URL and `npm start` runs a nats-server of its own (with a credential per component).',
    'Or start the NATS server of NATS_URL with JetStream and the users of data/bus/nats-server.conf, for example:',
    '  nats-server -c data/bus/nats-server.conf',
    '  or, with the Debian package (as root):',
    '  start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -c data/bus/nats-server.conf',
  ].join('\n');
}

/** Resolves to null when NATS answers, or to the message explaining how to start it. */
async function checkNats(natsUrl) {
  const { host, port } = endpointOf(natsUrl);
  const reason = await tcpProbe(host, port, 2000);
  return reason === null ? null : natsMissingMessage(natsUrl, reason);
}

/**
 * Which Postgres the suite uses (pure, so it can be tested without starting one):
 * the configured server when it answers; an embedded one when it does not and the URL points at
 * this machine (unless QUARTIER_EMBEDDED_POSTGRES=never); otherwise an error to show.
 */
function choosePostgres({ databaseUrl, reachable, mode = 'auto', embeddedPort = EMBEDDED_PG_PORT }) {
  if (reachable) return { kind: 'external', url: databaseUrl };
  const url = new URL(databaseUrl);
  const { host, port } = endpointOf(databaseUrl);
  const where = `${host}:${port}`;
  if (mode === 'never') {
    return { kind: 'error', message: `Postgres is not reachable at ${where} and QUARTIER_EMBEDDED_POSTGRES=never.` };
  }
  if (!isLocalHost(host)) {
    return {
      kind: 'error',
      message: `Postgres is not reachable at ${where}. An embedded Postgres is only started for a local DATABASE_URL; check the URL or start the server.`,
    };
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'quartier';
  const embedded = new URL(`postgres://127.0.0.1:${embeddedPort}/`);
  embedded.username = 'postgres';
  embedded.password = EMBEDDED_PG_PASSWORD;
  embedded.pathname = `/${encodeURIComponent(database)}`;
  return { kind: 'embedded', port: embeddedPort, dataDir: path.join(ROOT, 'data', 'postgres'), url: embedded.toString() };
}

/**
 * embedded-postgres installs SIGINT/SIGTERM handlers (async-exit-hook) that stop Postgres and exit
 * at once, before the services have stopped. The launcher stops it itself, in order: drop them.
 */
async function importWithoutSignalHooks(name) {
  const signals = ['SIGINT', 'SIGTERM'];
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const { default: exported } = await import(name);
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal).includes(listener)) process.removeListener(signal, listener);
    }
  }
  return exported;
}

/** Starts PostgreSQL from the `embedded-postgres` package (ESM), initialising the data dir once. */
async function startEmbeddedPostgres({ port, dataDir, onLog = () => undefined }) {
  const fs = require('node:fs');
  const EmbeddedPostgres = await importWithoutSignalHooks('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: EMBEDDED_PG_PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog,
    onError: (error) => onLog(String(error instanceof Error ? error.message : error)),
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  await server.start().catch((error) => {
    throw new Error(`embedded Postgres did not start${error ? `: ${error.message ?? error}` : ''} (data dir ${dataDir})`);
  });
  return { stop: () => server.stop() };
}

/** Creates the database of DATABASE_URL when it does not exist yet. Resolves to true when it created it. */
async function ensureDatabase(databaseUrl) {
  const { Client } = require('pg');
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`).catch((error) => {
      if (error.code !== '42P04') throw error; // created concurrently
    });
    return true;
  } finally {
    await client.end();
  }
}

/**
 * Makes DATABASE_URL usable: the configured server, or an embedded one started here; then
 * creates the database. Resolves to { url, embedded, stop }; rejects with a message to show.
 */
async function preparePostgres(databaseUrl, { mode, say = () => undefined } = {}) {
  const { host, port } = endpointOf(databaseUrl);
  const reachable = await isReachable(host, port, 1500);
  const decision = choosePostgres({
    databaseUrl,
    reachable,
    mode,
    embeddedPort: reachable ? EMBEDDED_PG_PORT : await freePort(EMBEDDED_PG_PORT),
  });
  if (decision.kind === 'error') throw new Error(decision.message);
  let stop = async () => undefined;
  if (decision.kind === 'embedded') {
    say(`Postgres is not reachable at ${host}:${port}: starting an embedded one on 127.0.0.1:${decision.port} (data in ${decision.dataDir})`);
    const server = await startEmbeddedPostgres({ port: decision.port, dataDir: decision.dataDir });
    stop = server.stop;
  }
  try {
    if (await ensureDatabase(decision.url)) say(`created database ${new URL(decision.url).pathname.slice(1)}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: decision.url, embedded: decision.kind === 'embedded', stop };
}

/** The broker configuration operators get (deploy/mosquitto.conf): the iot outage budget lives there. */
const SHIPPED_MOSQUITTO_CONF = path.join(ROOT, 'deploy', 'mosquitto.conf');

/**
 * `shipped` (a mosquitto.conf text) with the listener on 127.0.0.1:`port`, the store in `dataDir`
 * and `overrides` (setting → value) in place of the shipped settings of the same name. Pure.
 */
function mosquittoConfig(shipped, { port, dataDir, overrides = {} }) {
  const settings = { ...overrides, listener: `${port} 127.0.0.1`, persistence_location: `${dataDir.replace(/\/?$/, '/')}` };
  const kept = shipped.split('\n').filter((line) => !Object.hasOwn(settings, line.trim().split(/\s+/)[0]));
  return [...kept, ...Object.entries(settings).map(([key, value]) => `${key} ${value}`), ''].join('\n');
}

/**
 * Runs `mosquitto` with the shipped configuration on 127.0.0.1:`port` (queue limits, persistence)
 * and its store in `dataDir`. Resolves to { url, stop } once it accepts connections; rejects when
 * the binary is missing (error.code ENOENT) or it exits first.
 */
async function startMosquitto({ port, dataDir, overrides, configFile = SHIPPED_MOSQUITTO_CONF, binary = 'mosquitto', timeoutMs = 10000 }) {
  const fs = require('node:fs');
  const { spawn } = require('node:child_process');
  fs.mkdirSync(dataDir, { recursive: true });
  // Started as root, Mosquitto drops to its own user, which must still write its store.
  fs.chmodSync(dataDir, 0o777);
  const file = path.join(dataDir, 'mosquitto.conf');
  fs.writeFileSync(file, mosquittoConfig(fs.readFileSync(configFile, 'utf8'), { port, dataDir, overrides }), { mode: 0o644 });
  const child = spawn(binary, ['-c', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  const output = [];
  child.stderr.on('data', (chunk) => output.push(String(chunk)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    child.once('error', reject);
    const poll = async () => {
      if (child.exitCode !== null) return reject(new Error(`mosquitto exited: ${output.join('').trim()}`));
      if (await isReachable('127.0.0.1', port, 500)) return resolve();
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        return reject(new Error(`mosquitto did not listen on ${port} within ${timeoutMs} ms: ${output.join('').trim()}`));
      }
      setTimeout(poll, 100);
    };
    child.once('spawn', poll);
  });
  return {
    url: `mqtt://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/**
 * An MQTT broker for iot: the configured one when it answers; otherwise, for a local URL, a
 * Mosquitto run from the shipped configuration (MQTT 5, shared subscriptions, the outage budget;
 * its queue kept in data/mosquitto/) when the binary is installed, else an in-process aedes
 * (MQTT 3.1.1, no shared subscriptions; its in-memory queue per session has no limit but memory).
 */
async function ensureMqttBroker(mqttUrl, { dataDir = path.join(ROOT, 'data', 'mosquitto') } = {}) {
  const { host, port } = endpointOf(mqttUrl);
  if (await isReachable(host, port, 1500)) return { url: mqttUrl, embedded: false, stop: async () => undefined };
  if (!isLocalHost(host)) throw new Error(`MQTT broker not reachable at ${host}:${port}`);
  const listenPort = await freePort(port);
  try {
    const broker = await startMosquitto({ port: listenPort, dataDir });
    return { ...broker, embedded: 'mosquitto' };
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  const { Aedes } = await import('aedes');
  const broker = await Aedes.createBroker();
  const server = net.createServer(broker.handle);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', resolve);
  });
  return {
    url: `mqtt://127.0.0.1:${listenPort}`,
    embedded: 'aedes',
    stop: () =>
      // Closing the broker disconnects its clients, which lets the TCP server close.
      new Promise((resolve) => broker.close(() => server.close(() => resolve()))),
  };
}

module.exports = {
  DEFAULTS,
  EMBEDDED_PG_PORT,
  natsMissingMessage,
  checkNats,
  choosePostgres,
  startEmbeddedPostgres,
  ensureDatabase,
  preparePostgres,
  mosquittoConfig,
  startMosquitto,
  ensureMqttBroker,
};
