/**
 * The Quartier suite as child processes: migrations, every app, one prefixed log stream.
 * Used by `npm start` (tools/launcher/start.js) and by tests that need the whole suite (apps/e2e).
 *
 * startSuite(options) → Promise<{ gatewayUrl, services, stop() }>
 *   options.env          environment of every child, over process.env. Read here:
 *                        PORT (gateway HTTP port; default 3000; '0' = a free port chosen here),
 *                        QUARTIER_DIST ('true' runs dist/apps/<app>/apps/<app>/src/main.js when built),
 *                        MQTT_CLIENT_ID (iot; default quartier-iot-<NATS_PREFIX>, one MQTT session per suite).
 *                        Passed through: DATABASE_URL, NATS_URL, NATS_PREFIX, MQTT_URL, LOG_LEVEL, …
 *                        The database must exist (the launcher creates it; tests use createTestDatabase).
 *   options.services     app names to start (default: every apps/<name>/src/main.ts; gateway starts last).
 *   options.logFile      also append every output line to this file.
 *   options.quiet        print nothing; the last lines of each app are still kept for error messages.
 *   options.migrate      run each app's src/migrate.ts first (default true); apps then boot with
 *                        MIGRATE_ON_BOOT=false unless env sets it.
 *   options.opsPorts     'free' (default: a free port per app) or 'fixed' (9101 identity … 9106 gateway).
 *   options.startupTimeoutMs  how long migrations, and then readiness, may take (default 120000 each).
 *   options.stopGraceMs  SIGTERM → SIGKILL delay on stop (default 10000).
 *   options.root         workspace root holding apps/ (default: this repository; tests use fixtures).
 *   options.signal       an AbortSignal: aborting during startup stops what was started and rejects.
 *   options.onExit       called with { service, code, signal, tail } when an app dies after startup
 *                        (not called for exits caused by stop()).
 *   options.bus          the bus ({ url, envFor(app), stop() }, see suite-bus.ts); default: a nats-server
 *                        of the run's own (ephemeral keys and store), stopped by stop(). Each app gets
 *                        NATS_URL, NATS_TRUSTED_KEYS and its own NATS_NKEY_SEED from it.
 * Resolves once every domain app answers 200 on its ops /health/ready and the gateway on /health.
 * Rejects (after stopping what it started) when an app exits or readiness times out, with the
 * app's last output lines in the message.
 *   gatewayUrl  http://127.0.0.1:<port> (null when the gateway is not among the services)
 *   services    [{ name, pid, opsUrl }]
 *   stop()      SIGTERM to every app (gateway first), SIGKILL after the grace period; idempotent.
 */
const { spawn } = require('node:child_process');
const { ROOT, discoverApps, fixedOpsPorts, hasMigrations, nodeArgs } = require('./apps');
const { createLogSink } = require('./log');
const { freePort, httpStatus, sleep } = require('./net');

/**
 * The bus helpers are TypeScript (their permissions come from libs/contracts): loaded on first use,
 * the way the apps are run. Under Jest the hook is idle: Jest compiles TypeScript itself.
 */
function suiteBus() {
  require('@swc-node/register');
  return require('./suite-bus.ts');
}

const DEFAULT_GATEWAY_PORT = 3000;

/**
 * Each app runs in its own process group: a Ctrl-C in the terminal reaches only the launcher, which
 * then sends one SIGTERM per app (a second signal during Nest's shutdown would kill it mid-way).
 */
function runNode(args, env, name, log, root) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  log.pipe(name, child.stdout);
  log.pipe(name, child.stderr);
  return child;
}

function describeExit(code, signal) {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

function failure(message, log, source) {
  const tail = log.tail(source);
  return new Error(tail.length ? `${message}\n--- last output of ${source} ---\n${tail.join('\n')}` : message);
}

/**
 * Runs src/migrate.ts of each app that has one, two at a time (each owns its own schema). The
 * first failure stops the others; a run past the deadline is killed (a hung migration must not
 * hang the launcher).
 */
async function runMigrations({ env, services, log, useDist, signal, root = ROOT, timeoutMs = 120000 }) {
  const queue = services.filter((app) => hasMigrations(app, root));
  const running = new Set();
  const killAll = () => running.forEach((child) => child.kill('SIGKILL'));
  const deadline = Date.now() + timeoutMs;
  let failed = null;

  const runOne = (app) =>
    new Promise((resolve, reject) => {
      const name = `${app}:migrate`;
      const child = runNode(nodeArgs(app, 'migrate', useDist, root), env, name, log, root);
      running.add(child);
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, Math.max(deadline - Date.now(), 0));
      child.once('error', reject);
      child.once('exit', (code, exitSignal) => {
        clearTimeout(timer);
        running.delete(child);
        if (code === 0) resolve();
        else if (timedOut) reject(failure(`${app} migrations did not finish within ${timeoutMs} ms`, log, name));
        else reject(failure(`${app} migrations failed (${describeExit(code, exitSignal)})`, log, name));
      });
    });
  const worker = async () => {
    while (queue.length && !failed) {
      if (signal?.aborted) throw new Error('startup aborted');
      await runOne(queue.shift()).catch((error) => {
        failed ??= error;
        killAll();
      });
    }
  };

  signal?.addEventListener('abort', killAll);
  process.on('exit', killAll);
  try {
    await Promise.all([worker(), worker()]);
  } finally {
    signal?.removeEventListener('abort', killAll);
    process.removeListener('exit', killAll);
  }
  if (failed) throw failed;
}

async function startSuite(options = {}) {
  const baseEnv = { ...process.env, ...(options.env ?? {}) };
  const root = options.root ?? ROOT;
  const services = options.services ?? discoverApps(root);
  const useDist = baseEnv.QUARTIER_DIST === 'true';
  const startupTimeoutMs = options.startupTimeoutMs ?? 120000;
  const stopGraceMs = options.stopGraceMs ?? 10000;
  const log = createLogSink({ quiet: options.quiet, logFile: options.logFile });
  log.register(services.flatMap((app) => (hasMigrations(app, root) ? [app, `${app}:migrate`] : [app])));

  const gatewayPort =
    baseEnv.PORT === '0' ? await freePort() : Number(baseEnv.PORT ?? DEFAULT_GATEWAY_PORT) || DEFAULT_GATEWAY_PORT;
  const fixed = fixedOpsPorts(services);
  const opsPorts = {};
  for (const app of services) opsPorts[app] = options.opsPorts === 'fixed' ? fixed[app] : await freePort();

  if (options.migrate !== false) {
    try {
      await runMigrations({ env: baseEnv, services, log, useDist, signal: options.signal, root, timeoutMs: startupTimeoutMs });
    } catch (error) {
      await log.close();
      throw error;
    }
    baseEnv.MIGRATE_ON_BOOT = options.env?.MIGRATE_ON_BOOT ?? 'false';
  }

  let bus;
  try {
    bus = options.bus ?? (await suiteBus().startEphemeralBus(baseEnv.NATS_PREFIX || 'qt'));
  } catch (error) {
    await log.close();
    throw error;
  }
  const ownBus = !options.bus;

  const children = new Map();
  let stopping = false;
  let startupFailure = null;
  let stopped = null;

  const stop = () => (stopped ??= stopAll());
  const stopAll = async () => {
    stopping = true;
    const order = [...children.keys()].reverse();
    await Promise.all(
      order.map((name) => {
        const child = children.get(name);
        if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
        return new Promise((resolve) => {
          const killer = setTimeout(() => child.kill('SIGKILL'), stopGraceMs);
          child.once('exit', () => {
            clearTimeout(killer);
            resolve();
          });
          child.kill('SIGTERM');
        });
      }),
    );
    process.removeListener('exit', killAll);
    if (ownBus) await bus.stop();
    await log.close();
  };
  // Last resort when the parent exits without calling stop(): no orphaned apps.
  const killAll = () => {
    for (const child of children.values()) if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.on('exit', killAll);

  let started = false;
  for (const app of services) {
    const env = { ...baseEnv, ...bus.envFor(app), OPS_PORT: String(opsPorts[app]) };
    if (app === 'gateway') env.PORT = String(gatewayPort);
    // Suites sharing one broker must not share iot's MQTT session (the broker would kick one off).
    if (app === 'iot' && !env.MQTT_CLIENT_ID) env.MQTT_CLIENT_ID = `quartier-iot-${env.NATS_PREFIX ?? 'qt'}`;
    const child = runNode(nodeArgs(app, 'main', useDist, root), env, app, log, root);
    children.set(app, child);
    child.once('error', (error) => {
      startupFailure ??= new Error(`${app} could not be started: ${error.message}`);
    });
    child.once('exit', (code, signal) => {
      // Let the output streams drain so the tail includes the last words.
      setTimeout(() => {
        if (stopping) return;
        if (!started) {
          startupFailure ??= failure(`${app} exited during startup (${describeExit(code, signal)})`, log, app);
        } else if (options.onExit) {
          options.onExit({ service: app, code, signal, tail: log.tail(app) });
        }
      }, 100);
    });
  }

  const readiness = services.map((app) =>
    app === 'gateway' ? `http://127.0.0.1:${gatewayPort}/health` : `http://127.0.0.1:${opsPorts[app]}/health/ready`,
  );
  const deadline = Date.now() + startupTimeoutMs;
  try {
    for (const url of readiness) {
      while ((await httpStatus(url)) !== 200) {
        if (startupFailure) throw startupFailure;
        if (options.signal?.aborted) throw new Error('startup aborted');
        if (Date.now() > deadline) throw new Error(`the suite was not ready within ${startupTimeoutMs} ms (waiting for ${url})`);
        await sleep(500);
      }
    }
    if (startupFailure) throw startupFailure;
  } catch (error) {
    await stop();
    throw error;
  }
  started = true;

  return {
    gatewayUrl: services.includes('gateway') ? `http://127.0.0.1:${gatewayPort}` : null,
    services: services.map((name) => ({ name, pid: children.get(name).pid, opsUrl: `http://127.0.0.1:${opsPorts[name]}` })),
    stop,
  };
}

// The broker too: fault specs and benchmarks run Mosquitto exactly as `npm start` does.
const { startMosquitto } = require('./infra');

module.exports = { startSuite, runMigrations, suiteBus, startMosquitto };
