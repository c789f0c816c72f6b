// The Helm chart and deploy files: parse, cover every app, and reference only what exists.
// (No helm binary here: templates are checked statically; see also helm-render.spec.js.)
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ROOT, discoverApps, hasMigrations } = require('../apps');
const { parseYaml } = require('./yaml');

const chartDir = path.join(ROOT, 'helm', 'quartier');
const templatesDir = path.join(chartDir, 'templates');
const read = (file) => fs.readFileSync(file, 'utf8');
const apps = discoverApps();
const values = parseYaml(read(path.join(chartDir, 'values.yaml')));
const templates = fs.readdirSync(templatesDir).map((name) => ({ name, text: read(path.join(templatesDir, name)) }));

describe('helm/quartier', () => {
  it('has a v2 Chart.yaml named quartier with a semantic version', () => {
    const chart = parseYaml(read(path.join(chartDir, 'Chart.yaml')));
    expect(chart).toMatchObject({ apiVersion: 'v2', name: 'quartier', type: 'application' });
    expect(chart.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('has an enabled entry in values.yaml for every app, with migrations where the app has them', () => {
    expect(apps.length).toBeGreaterThan(0);
    for (const app of apps) {
      expect({ app, entry: values.apps[app] }).toEqual({ app, entry: expect.objectContaining({ enabled: true }) });
    }
    for (const app of apps.filter((name) => hasMigrations(name))) expect(values.apps[app].migrate).toBe(true);
  });

  it('exposes the gateway on 3000 through a Traefik ingress and keeps DATABASE_URL in an existing secret', () => {
    expect(values.apps.gateway.port).toBe(3000);
    expect(values.ingress).toMatchObject({ enabled: true, className: 'traefik' });
    expect(values.ingress.authelia.authResponseHeaders).toEqual(['Remote-User', 'Remote-Groups', 'Remote-Email', 'Remote-Name']);
    expect(Object.keys(values.apps.gateway.env)).toEqual(expect.arrayContaining(['AUTHELIA_ENABLED', 'TRUSTED_PROXIES']));
    expect(values.database).toEqual({ existingSecret: expect.any(String), secretKey: 'DATABASE_URL' });
  });

  it('opens and closes every template block', () => {
    const opening = /\{\{-?\s*(if|range|with|define)\b/g;
    const closing = /\{\{-?\s*end\s*-?\}\}/g;
    for (const { name, text } of templates) {
      const code = text.replace(/\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g, '');
      expect({ name, blocks: (code.match(opening) ?? []).length }).toEqual({ name, blocks: (code.match(closing) ?? []).length });
    }
  });

  it('includes only defined templates', () => {
    const defined = new Set(templates.flatMap(({ text }) => [...text.matchAll(/define "([^"]+)"/g)].map((match) => match[1])));
    const included = templates.flatMap(({ text }) => [...text.matchAll(/include "([^"]+)"/g)].map((match) => match[1]));
    expect(included.length).toBeGreaterThan(0);
    for (const name of included) expect(defined).toContain(name);
  });

  it('reads only values that values.yaml defines', () => {
    const has = (object, keys) => keys.reduce((node, key) => (node && typeof node === 'object' && key in node ? node[key] : undefined), object) !== undefined;
    for (const { name, text } of templates) {
      for (const [, dotted] of text.matchAll(/\.Values\.([A-Za-z0-9_.]+)/g)) {
        expect({ name, path: dotted, defined: has(values, dotted.split('.')) }).toEqual({ name, path: dotted, defined: true });
      }
    }
  });
});

describe('deploy/', () => {
  const compose = parseYaml(read(path.join(ROOT, 'deploy', 'docker-compose.yml')));

  it('runs every app in docker compose from the one image, the gateway on 3000', () => {
    for (const app of apps) {
      expect({ app, env: compose.services[app]?.environment?.QUARTIER_APP }).toEqual({ app, env: app });
      expect(compose.services[app].environment.DATABASE_URL).toContain('@postgres:5432/');
    }
    expect(compose.services.gateway.ports).toEqual(['3000:3000']);
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', 'nats', 'mosquitto', 'redis', 'migrate']));
  });

  it('runs NATS with the config bus:keys writes, and gives each app only its own env file (seed)', () => {
    const nats = compose.services.nats;
    expect(nats.command).toEqual(['-c', '/etc/nats/nats-server.conf']);
    expect(nats.volumes).toContain('./bus/nats-server.conf:/etc/nats/nats-server.conf:ro');
    for (const app of apps) expect({ app, envFile: compose.services[app].env_file }).toEqual({ app, envFile: `./bus/env/${app}.env` });
    expect(compose.services.migrate.env_file).toBeUndefined();
    for (const service of Object.values(compose.services)) expect(service.environment?.NATS_NKEY_SEED).toBeUndefined();
    // The keys tool's default prefix, which the generated permissions are for.
    expect(compose.services.gateway.environment.NATS_PREFIX).toBe('qt');
    expect(read(path.join(ROOT, 'deploy', '.gitignore'))).toMatch(/^bus\/$/m);
    expect(read(path.join(ROOT, 'deploy', 'Dockerfile.dockerignore'))).toMatch(/^deploy\/bus$/m);
  });

  it('migrates every app that has migrations before the apps start', () => {
    const script = compose.services.migrate.command.join(' ');
    for (const app of apps.filter((name) => hasMigrations(name))) expect(script).toContain(app);
    expect(compose.services.identity.depends_on.migrate.condition).toBe('service_completed_successfully');
  });

  it('passes the Authelia user headers through Traefik forward-auth', () => {
    const traefik = parseYaml(read(path.join(ROOT, 'deploy', 'traefik', 'dynamic.yml')));
    expect(traefik.http.middlewares.authelia.forwardAuth.authResponseHeaders).toEqual([
      'Remote-User',
      'Remote-Groups',
      'Remote-Email',
      'Remote-Name',
    ]);
  });

  it('runs the app as a non-root user selected by QUARTIER_APP', () => {
    const dockerfile = read(path.join(ROOT, 'deploy', 'Dockerfile'));
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toContain('dist/apps/${QUARTIER_APP}/apps/${QUARTIER_APP}/src/main.js');
    expect(dockerfile).not.toMatch(/^RUN npm ci/m);
  });

  const yamllint = spawnSync('yamllint', ['--version']).status === 0;
  (yamllint ? it : it.skip)('passes yamllint (Chart.yaml, values.yaml, deploy YAML)', () => {
    const files = [
      'helm/quartier/Chart.yaml',
      'helm/quartier/values.yaml',
      'deploy/docker-compose.yml',
      'deploy/docker-compose.auth.yml',
      'deploy/traefik/dynamic.yml',
      'deploy/authelia/configuration.yml',
    ];
    const result = spawnSync('yamllint', ['-f', 'parsable', '-c', 'helm/.yamllint.yaml', ...files], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('.ci/run', () => {
  const script = path.join(ROOT, '.ci', 'run');

  it('is an executable bash script with valid syntax that ends with the README test command', () => {
    expect(fs.statSync(script).mode & 0o111).not.toBe(0);
    expect(spawnSync('bash', ['-n', script]).status).toBe(0);
    const text = read(script);
    expect(text).toContain('set -euo pipefail');
    expect(text).toContain('npm install --no-audit --no-fund');
    expect(text).not.toMatch(/^\s*npm ci/m);
    expect(text.trim().split('\n').pop()).toBe('npm test');
  });
});
