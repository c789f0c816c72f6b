// Renders the chart with a small Go-template renderer (no helm binary here) and checks the
// Kubernetes objects a `helm install` would create.
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, discoverApps, hasMigrations } = require('../apps');
const { createRenderer } = require('./go-template');
const { parseYaml } = require('./yaml');

const chartDir = path.join(ROOT, 'helm', 'quartier');
const templatesDir = path.join(chartDir, 'templates');
const files = Object.fromEntries(fs.readdirSync(templatesDir).map((name) => [name, fs.readFileSync(path.join(templatesDir, name), 'utf8')]));
const renderer = createRenderer(files);
const chart = parseYaml(fs.readFileSync(path.join(chartDir, 'Chart.yaml'), 'utf8'));
const defaults = parseYaml(fs.readFileSync(path.join(chartDir, 'values.yaml'), 'utf8'));

const merge = (base, override) => {
  if (!override || typeof override !== 'object' || Array.isArray(override)) return override ?? base;
  const result = { ...base };
  for (const [key, value] of Object.entries(override)) result[key] = merge(base?.[key], value);
  return result;
};

/** What `helm template qt helm/quartier -n prod --set …` would print, as objects. */
function renderChart(overrides = {}) {
  const context = {
    Values: merge(defaults, overrides),
    Release: { Name: 'qt', Namespace: 'prod', Service: 'Helm' },
    Chart: { Name: chart.name, Version: chart.version, AppVersion: chart.appVersion },
  };
  return Object.keys(files)
    .filter((name) => name.endsWith('.yaml'))
    .flatMap((name) => renderer.render(name, context).split(/^---\s*$/m))
    .map((document) => parseYaml(document))
    .filter(Boolean);
}

const find = (objects, kind, name) => objects.find((object) => object.kind === kind && object.metadata.name === name);
const apps = discoverApps();
const envOf = (container) => Object.fromEntries(container.env.map((entry) => [entry.name, entry.value ?? entry.valueFrom]));

describe('rendered chart (default values)', () => {
  const objects = renderChart();

  it('creates a Deployment and a Service for every app, selecting the same pods', () => {
    for (const app of apps) {
      const deployment = find(objects, 'Deployment', `qt-quartier-${app}`);
      const service = find(objects, 'Service', `qt-quartier-${app}`);
      expect({ app, deployment: Boolean(deployment), service: Boolean(service) }).toEqual({ app, deployment: true, service: true });
      expect(deployment.spec.selector.matchLabels).toEqual(deployment.spec.template.metadata.labels);
      expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
      expect(deployment.spec.replicas).toBe(defaults.apps[app].replicas);
    }
  });

  it('runs each app from the one image with its name, the shared config and DATABASE_URL from the secret', () => {
    const config = find(objects, 'ConfigMap', 'qt-quartier-config');
    expect(config.data).toMatchObject({ NATS_URL: 'nats://nats:4222', NATS_PREFIX: 'qt', OPS_PORT: '9100', MIGRATE_ON_BOOT: 'false' });
    for (const value of Object.values(config.data)) expect(typeof value).toBe('string');
    for (const app of apps) {
      const pod = find(objects, 'Deployment', `qt-quartier-${app}`).spec.template.spec;
      const [container] = pod.containers;
      expect(container.image).toBe(`ghcr.io/quartier/quartier:${chart.appVersion}`);
      expect(envOf(container)).toMatchObject({
        QUARTIER_APP: app,
        DATABASE_URL: { secretKeyRef: { name: 'quartier-database', key: 'DATABASE_URL' } },
      });
      for (const entry of container.env) if ('value' in entry) expect(typeof entry.value).toBe('string');
      expect(container.envFrom).toEqual([{ configMapRef: { name: 'qt-quartier-config' } }]);
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(container.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    }
  });

  it('probes domain apps on their ops port and serves the gateway on 3000', () => {
    for (const app of apps.filter((name) => name !== 'gateway')) {
      const [container] = find(objects, 'Deployment', `qt-quartier-${app}`).spec.template.spec.containers;
      expect(container.ports).toEqual([{ name: 'ops', containerPort: 9100, protocol: 'TCP' }]);
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'ops' });
      expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'ops' });
    }
    const [gateway] = find(objects, 'Deployment', 'qt-quartier-gateway').spec.template.spec.containers;
    expect(gateway.ports).toEqual([{ name: 'http', containerPort: 3000, protocol: 'TCP' }]);
    expect(envOf(gateway)).toMatchObject({ PORT: '3000', AUTHELIA_ENABLED: 'false', TRUSTED_PROXIES: '' });
    expect(find(objects, 'Service', 'qt-quartier-gateway').spec.ports).toEqual([{ name: 'http', port: 3000, targetPort: 'http', protocol: 'TCP' }]);
  });

  it('migrates every app with migrations in a pre-install/pre-upgrade hook Job', () => {
    const job = find(objects, 'Job', 'qt-quartier-migrate');
    expect(job.metadata.annotations['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    const [container] = job.spec.template.spec.containers;
    const script = container.command.join(' ');
    for (const app of apps.filter((name) => hasMigrations(name))) expect(script).toContain(app);
    expect(script).not.toMatch(/\bgateway\b/);
    expect(envOf(container)).toMatchObject({ NATS_PREFIX: 'qt', DATABASE_URL: { secretKeyRef: { name: 'quartier-database', key: 'DATABASE_URL' } } });
  });

  it('routes the ingress host to the gateway Service through Traefik', () => {
    const ingress = find(objects, 'Ingress', 'qt-quartier');
    expect(ingress.spec.ingressClassName).toBe('traefik');
    expect(ingress.spec.rules[0]).toEqual({
      host: 'quartier.example.com',
      http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'qt-quartier-gateway', port: { name: 'http' } } } }] },
    });
    expect(ingress.metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']).toBeUndefined();
    expect(objects.filter((object) => object.kind === 'Middleware')).toEqual([]);
    expect(find(objects, 'ServiceAccount', 'qt-quartier')).toBeDefined();
    expect(objects.filter((object) => object.kind === 'PodDisruptionBudget')).toEqual([]);
  });
});

describe('rendered chart (Authelia, PDBs, a disabled app)', () => {
  const objects = renderChart({
    ingress: { authelia: { enabled: true } },
    podDisruptionBudget: { enabled: true },
    apps: { iot: { enabled: false }, gateway: { env: { AUTHELIA_ENABLED: 'true', TRUSTED_PROXIES: '10.42.0.0/16' } } },
    extraEnvFrom: [{ secretRef: { name: 'quartier-secrets' } }],
  });

  it('puts the Authelia forward-auth middleware on the ingress and trusts only the configured proxies', () => {
    const middleware = find(objects, 'Middleware', 'qt-quartier-authelia');
    expect(middleware.spec.forwardAuth.authResponseHeaders).toEqual(['Remote-User', 'Remote-Groups', 'Remote-Email', 'Remote-Name']);
    const ingress = find(objects, 'Ingress', 'qt-quartier');
    expect(ingress.metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']).toBe('prod-qt-quartier-authelia@kubernetescrd');
    const [gateway] = find(objects, 'Deployment', 'qt-quartier-gateway').spec.template.spec.containers;
    expect(envOf(gateway)).toMatchObject({ AUTHELIA_ENABLED: 'true', TRUSTED_PROXIES: '10.42.0.0/16' });
    expect(gateway.envFrom).toContainEqual({ secretRef: { name: 'quartier-secrets' } });
  });

  it('adds a PodDisruptionBudget for apps with more than one replica and skips disabled apps', () => {
    const budgets = objects.filter((object) => object.kind === 'PodDisruptionBudget').map((object) => object.metadata.name);
    expect(budgets).toContain('qt-quartier-gateway');
    expect(find(objects, 'Deployment', 'qt-quartier-iot')).toBeUndefined();
    expect(find(objects, 'Job', 'qt-quartier-migrate').spec.template.spec.containers[0].command.join(' ')).not.toContain('iot');
  });
});
