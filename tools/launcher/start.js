#!/usr/bin/env node
// `npm start`: the whole Quartier suite on this machine (see README "Running it" and suite.js).
const path = require('node:path');
const { discoverApps } = require('./apps');
const { launcherEnv, selectServices } = require('./env');
const { checkNats, preparePostgres, ensureMqttBroker } = require('./infra');
const { startSuite, suiteBus } = require('./suite');
const { localSecrets, missingSecrets } = require('./local-secrets');

const GRACE_MS = 10000;
const say = (text) => process.stdout.write(`[launcher] ${text}\n`);
const complain = (text) => process.stderr.write(`[launcher] ${text}\n`);

async function main() {
  const env = launcherEnv();
  const cleanups = [];
  const abort = new AbortController();
  let suite = null;
  let exiting = false;

  const shutdown = async (code, reason) => {
    if (exiting) return;
    exiting = true;
    if (reason) (code === 0 ? say : complain)(reason);
    abort.abort();
    if (suite) await suite.stop();
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => complain(`cleanup failed: ${error.message}`));
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (exiting) {
        complain('second signal: exiting now');
        process.exit(130);
      }
      void shutdown(0, `${signal} received: stopping every service (up to ${GRACE_MS / 1000} s)`);
    });
  }

  if (env.NATS_URL) {
    const natsProblem = await checkNats(env.NATS_URL);
    if (natsProblem) {
      complain(natsProblem);
      process.exit(1);
    }
  }

  const bus = await suiteBus().startLauncherBus({
    dir: path.join(__dirname, '../../data/bus'),
    prefix: env.NATS_PREFIX,
    natsUrl: env.NATS_URL,
    port: Number(env.QUARTIER_NATS_PORT),
  });
  cleanups.push(bus.stop);
  if (bus.started) say(`no NATS_URL: started nats-server at ${bus.url} (NKeys and configuration in data/bus/, mode 0600)`);
  else say(`NATS_URL=${bus.url}: that server must load ${bus.configFile} (one NKey user per component)`);

  const apps = selectServices(discoverApps(), env.QUARTIER_SERVICES);
  if (!apps.length) throw new Error('no apps found (expected apps/<name>/src/main.ts)');

  const postgres = await preparePostgres(env.DATABASE_URL, { mode: env.QUARTIER_EMBEDDED_POSTGRES, say });
  cleanups.push(postgres.stop);
  env.DATABASE_URL = postgres.url;

  if (apps.includes('iot')) {
    const mqtt = await ensureMqttBroker(env.MQTT_URL);
    if (mqtt.embedded === 'mosquitto') say(`no MQTT broker at ${env.MQTT_URL}: started mosquitto with deploy/mosquitto.conf at ${mqtt.url}`);
    if (mqtt.embedded === 'aedes') say(`no MQTT broker at ${env.MQTT_URL} and no mosquitto installed: started an in-process one (aedes) at ${mqtt.url}`);
    cleanups.push(mqtt.stop);
    env.MQTT_URL = mqtt.url;
  }

  const secretsNeeded = missingSecrets(apps, env);
  if (secretsNeeded.length) {
    Object.assign(env, localSecrets(path.join(__dirname, '../../data'), secretsNeeded));
    say(`${secretsNeeded.join(', ')} not set: using local ones kept in data/local-secrets.json`);
  }

  say(`starting ${apps.join(', ')} (NATS prefix ${env.NATS_PREFIX})`);
  suite = await startSuite({
    env,
    bus,
    services: apps,
    opsPorts: 'fixed',
    migrate: env.QUARTIER_MIGRATE !== 'false',
    logFile: env.QUARTIER_LOG_FILE || undefined,
    stopGraceMs: GRACE_MS,
    signal: abort.signal,
    onExit: ({ service, code, signal }) =>
      void shutdown(1, `${service} stopped unexpectedly (${signal ? `killed by ${signal}` : `exit code ${code}`}); stopping everything`),
  });
  if (exiting) return;

  const base = `http://localhost:${new URL(suite.gatewayUrl ?? `http://127.0.0.1:${env.PORT}`).port}`;
  say('Quartier is running:');
  if (suite.gatewayUrl) {
    say(`  API          ${base}/api/v1`);
    say(`  Swagger UI   ${base}/docs   (OpenAPI JSON: ${base}/docs-json)`);
    say(`  health       ${base}/health   metrics: ${base}/metrics`);
  }
  for (const { name, opsUrl } of suite.services.filter((s) => s.name !== 'gateway')) say(`  ${name.padEnd(12)} ops ${opsUrl}/health/ready`);
  say('Press Ctrl-C to stop.');
}

main().catch((error) => {
  // The apps' output is already on screen: the summary line is enough.
  complain(error.message.split('\n--- last output')[0]);
  process.exit(1);
});
