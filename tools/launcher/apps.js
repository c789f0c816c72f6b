// Which apps make up the suite, in which order they start, and how each one is run.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');

/** Start order (gateway last, it forwards to the others) and fixed ops ports for `npm start`. */
const KNOWN_APPS = ['identity', 'portfolio', 'leasing', 'workorders', 'iot', 'gateway'];
const OPS_PORT_BASE = 9101;

/** An app exists when apps/<name>/src/main.ts exists; unknown apps start after the known ones, gateway last. */
function discoverApps(root = ROOT) {
  const appsDir = path.join(root, 'apps');
  const found = fs.existsSync(appsDir)
    ? fs.readdirSync(appsDir).filter((name) => fs.existsSync(path.join(appsDir, name, 'src', 'main.ts')))
    : [];
  const rank = (name) => {
    if (name === 'gateway') return Number.MAX_SAFE_INTEGER;
    const known = KNOWN_APPS.indexOf(name);
    return known === -1 ? KNOWN_APPS.length : known;
  };
  return found.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Fixed, distinct ops port per app: 9101 identity … 9106 gateway; others follow from 9107. */
function fixedOpsPorts(apps, base = OPS_PORT_BASE) {
  const ports = {};
  let next = base + KNOWN_APPS.length;
  for (const app of apps) {
    const known = KNOWN_APPS.indexOf(app);
    ports[app] = known === -1 ? next++ : base + known;
  }
  return ports;
}

function hasMigrations(app, root = ROOT) {
  return fs.existsSync(path.join(root, 'apps', app, 'src', 'migrate.ts'));
}

/**
 * The node arguments that run `apps/<app>/src/<entry>.ts`: the built JavaScript when `useDist`
 * and it exists, otherwise the TypeScript source through @swc-node/register (no build step).
 */
function nodeArgs(app, entry, useDist, root = ROOT) {
  const built = path.join(root, 'dist', 'apps', app, 'apps', app, 'src', `${entry}.js`);
  if (useDist && fs.existsSync(built)) return [built];
  return ['-r', '@swc-node/register', path.join('apps', app, 'src', `${entry}.ts`)];
}

module.exports = { ROOT, KNOWN_APPS, OPS_PORT_BASE, discoverApps, fixedOpsPorts, hasMigrations, nodeArgs };
