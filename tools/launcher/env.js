// The launcher's environment: the caller's, with the documented defaults filled in.
const { DEFAULTS } = require('./infra');

/**
 * Variables the launcher reads (defaults in brackets): DATABASE_URL [postgres://postgres@127.0.0.1:5432/quartier],
 * NATS_URL [unset: a nats-server of its own on QUARTIER_NATS_PORT], NATS_PREFIX [qt],
 * QUARTIER_NATS_PORT [4223], MQTT_URL [mqtt://127.0.0.1:1883], PORT [3000],
 * LOG_LEVEL [info], QUARTIER_DIST [false], QUARTIER_EMBEDDED_POSTGRES [auto | never],
 * QUARTIER_SERVICES [every app] (comma-separated subset), QUARTIER_LOG_FILE [none],
 * QUARTIER_MIGRATE [true] (false: skip the migration step; the apps then migrate on boot).
 */
function launcherEnv(source = process.env) {
  const env = { ...source };
  for (const [name, value] of Object.entries(DEFAULTS)) if (!env[name]) env[name] = value;
  env.PORT ||= '3000';
  env.QUARTIER_NATS_PORT ||= '4223';
  env.LOG_LEVEL ||= 'info';
  return env;
}

/** QUARTIER_SERVICES narrows the suite to some apps (the gateway is kept when it exists). */
function selectServices(apps, wanted) {
  if (!wanted) return apps;
  const names = wanted.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !apps.includes(name));
  if (unknown.length) throw new Error(`QUARTIER_SERVICES names unknown apps: ${unknown.join(', ')} (apps: ${apps.join(', ')})`);
  return apps.filter((app) => names.includes(app) || app === 'gateway');
}

module.exports = { launcherEnv, selectServices };
