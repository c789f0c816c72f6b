#!/usr/bin/env node
// `npm run migrate`: runs every app's migrations against DATABASE_URL (embedded Postgres if none answers).
const { discoverApps } = require('./apps');
const { launcherEnv, selectServices } = require('./env');
const { preparePostgres } = require('./infra');
const { createLogSink } = require('./log');
const { runMigrations } = require('./suite');

const say = (text) => process.stdout.write(`[migrate] ${text}\n`);

async function main() {
  const env = launcherEnv();
  const apps = selectServices(discoverApps(), env.QUARTIER_SERVICES);
  const postgres = await preparePostgres(env.DATABASE_URL, { mode: env.QUARTIER_EMBEDDED_POSTGRES, say });
  env.DATABASE_URL = postgres.url;
  const log = createLogSink();
  try {
    await runMigrations({ env, services: apps, log, useDist: env.QUARTIER_DIST === 'true' });
    say(`migrations done for ${apps.join(', ')}`);
  } finally {
    await log.close();
    await postgres.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`[migrate] ${error.message}\n`);
  process.exit(1);
});
