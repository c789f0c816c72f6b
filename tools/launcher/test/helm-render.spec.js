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
const WORKLOADS = ['Deployment', 'StatefulSet'];
/** The Deployment or StatefulSet running an app. */
const workload = (objects, app) => objects.find((object) => WORKLOADS.includes(object.kind) && object.metadata.name === `qt-quartier-${app}`);
const apps = discoverApps();
const envOf = (container) => Object.fromEntries(container.env.map((entry) => [entry.name, entry.value ?? entry.valueFrom]));

// Stand-ins shaped like `npm run bus:keys` output: the chart passes them on, it does not decode them.
const publicKeys = Object.fromEntries(apps.map((app) => [app, `UPUBLIC${app.toUpperCase()}`]));
const seeds = Object.fromEntries(apps.map((app) => [app, `SUSEED${app.toUpperCase()}`]));
const bus = { nats: { credentials: { existingSecret: 'quartier-nats-seeds', publicKeys } } };

describe('rendered chart (default values and the bus keys)', () => {
  const objects = renderChart(bus);

  it('creates a Deployment and a Service for every app, selecting the same pods', () => {
    for (const app of apps) {
      const deployment = workload(objects, app);
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
      const pod = workload(objects, app).spec.template.spec;
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
      const [container] = workload(objects, app).spec.template.spec.containers;
      expect(container.ports).toEqual([{ name: 'ops', containerPort: 9100, protocol: 'TCP' }]);
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'ops' });
      expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'ops' });
    }
    const [gateway] = find(objects, 'Deployment', 'qt-quartier-gateway').spec.template.spec.containers;
    expect(gateway.ports).toEqual([{ name: 'http', containerPort: 3000, protocol: 'TCP' }]);
    expect(envOf(gateway)).toMatchObject({ PORT: '3000', AUTHELIA_ENABLED: 'false', TRUSTED_PROXIES: '' });
    expect(find(objects, 'Service', 'qt-quartier-gateway').spec.ports).toEqual([{ name: 'http', port: 3000, targetPort: 'http', protocol: 'TCP' }]);
  });

  it('runs iot as a StatefulSet of two replicas in one MQTT shared subscription group, each with its pod name as client id', () => {
    const iot = find(objects, 'StatefulSet', 'qt-quartier-iot');
    expect(iot.spec).toMatchObject({ replicas: 2, serviceName: 'qt-quartier-iot', podManagementPolicy: 'Parallel' });
    expect(envOf(iot.spec.template.spec.containers[0])).toMatchObject({
      MQTT_CLIENT_ID: { fieldRef: { fieldPath: 'metadata.name' } },
      MQTT_SHARED_GROUP: 'quartier-iot',
    });
    expect(find(objects, 'Deployment', 'qt-quartier-iot')).toBeUndefined();
    expect(envOf(workload(objects, 'gateway').spec.template.spec.containers[0]).MQTT_CLIENT_ID).toBeUndefined();
  });

  it('migrates every app with migrations in a pre-install/pre-upgrade hook Job', () => {
    const job = find(objects, 'Job', 'qt-quartier-migrate');
    expect(job.metadata.annotations['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    const [container] = job.spec.template.spec.containers;
    const script = container.command.join(' ');
    for (const app of apps.filter((name) => hasMigrations(name))) expect(script).toContain(app);
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
    ...bus,
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
    expect(workload(objects, 'iot')).toBeUndefined();
    expect(find(objects, 'Job', 'qt-quartier-migrate').spec.template.spec.containers[0].command.join(' ')).not.toContain('iot');
  });
});

describe('rendered chart: bus credentials', () => {
  const seedRefs = (objects) =>
    objects
      .filter((object) => WORKLOADS.includes(object.kind))
      .map((deployment) => {
        const [container] = deployment.spec.template.spec.containers;
        return { app: deployment.metadata.labels['app.kubernetes.io/component'], env: container.env, envFrom: container.envFrom };
      });

  it("gives each Deployment its own seed from the operator's Secret, and no other key of it", () => {
    const objects = renderChart(bus);
    const deployments = seedRefs(objects);
    expect(deployments.map(({ app }) => app).sort()).toEqual([...apps].sort());
    for (const { app, env, envFrom } of deployments) {
      const fromSeeds = env.filter((entry) => entry.valueFrom?.secretKeyRef?.name === 'quartier-nats-seeds');
      expect({ app, fromSeeds }).toEqual({ app, fromSeeds: [{ name: 'NATS_NKEY_SEED', valueFrom: { secretKeyRef: { name: 'quartier-nats-seeds', key: `${app}.seed` } } }] });
      expect(envFrom.filter((source) => source.secretRef?.name === 'quartier-nats-seeds')).toEqual([]);
      expect(env.map((entry) => entry.name).filter((name) => name.startsWith('NATS_TLS_'))).toEqual([]);
    }
    expect(objects.filter((object) => object.kind === 'Secret')).toEqual([]);
    const job = find(objects, 'Job', 'qt-quartier-migrate').spec.template.spec.containers[0];
    expect(envOf(job).NATS_NKEY_SEED).toBeUndefined();
  });

  it('puts every public key in NATS_TRUSTED_KEYS in the ConfigMap, and rolls the pods when they change', () => {
    const objects = renderChart(bus);
    const trusted = find(objects, 'ConfigMap', 'qt-quartier-config').data.NATS_TRUSTED_KEYS.split(',');
    expect(trusted.sort()).toEqual(apps.map((app) => `${app}=${publicKeys[app]}`).sort());
    const rotated = renderChart({ nats: { credentials: { existingSecret: 'quartier-nats-seeds', publicKeys: { ...publicKeys, identity: 'UROTATED' } } } });
    const checksum = (rendered) => find(rendered, 'Deployment', 'qt-quartier-gateway').spec.template.metadata.annotations['checksum/config'];
    expect(checksum(rotated)).not.toBe(checksum(objects));
  });

  it('keeps seeds given as values in a Secret of the chart: never in a ConfigMap or anywhere else', () => {
    const objects = renderChart({ nats: { credentials: { seeds, publicKeys } } });
    const secret = find(objects, 'Secret', 'qt-quartier-nats-seeds');
    expect(secret.stringData).toEqual(Object.fromEntries(apps.map((app) => [`${app}.seed`, seeds[app]])));
    for (const { app, env } of seedRefs(objects)) {
      expect({ app, seed: envOf({ env }).NATS_NKEY_SEED }).toEqual({ app, seed: { secretKeyRef: { name: 'qt-quartier-nats-seeds', key: `${app}.seed` } } });
    }
    for (const object of objects.filter((candidate) => candidate !== secret)) {
      const text = JSON.stringify(object);
      expect({ object: `${object.kind}/${object.metadata.name}`, seeds: Object.values(seeds).filter((seed) => text.includes(seed)) }).toEqual({
        object: `${object.kind}/${object.metadata.name}`,
        seeds: [],
      });
    }
  });

  it('mounts the TLS Secret read-only in every app and points NATS_TLS_* at its files', () => {
    const objects = renderChart(merge(bus, { nats: { tls: { enabled: true, existingSecret: 'nats-client-tls', certKey: 'tls.crt', keyKey: 'tls.key' } } }));
    for (const app of apps) {
      const pod = workload(objects, app).spec.template.spec;
      const [container] = pod.containers;
      expect(pod.volumes).toContainEqual({ name: 'nats-tls', secret: { secretName: 'nats-client-tls', defaultMode: 0o440 } });
      expect(container.volumeMounts).toContainEqual({ name: 'nats-tls', mountPath: '/etc/quartier/nats-tls', readOnly: true });
      expect(envOf(container)).toMatchObject({
        NATS_TLS_CA_FILE: '/etc/quartier/nats-tls/ca.crt',
        NATS_TLS_CERT_FILE: '/etc/quartier/nats-tls/tls.crt',
        NATS_TLS_KEY_FILE: '/etc/quartier/nats-tls/tls.key',
      });
    }
    const caOnly = renderChart(merge(bus, { nats: { tls: { enabled: true, existingSecret: 'nats-ca' } } }));
    const [gateway] = find(caOnly, 'Deployment', 'qt-quartier-gateway').spec.template.spec.containers;
    expect(Object.keys(envOf(gateway)).filter((name) => name.startsWith('NATS_TLS_'))).toEqual(['NATS_TLS_CA_FILE']);
  });

  it('refuses to render without the credentials every app needs', () => {
    expect(() => renderChart()).toThrow(/nats\.credentials: the bus needs an NKey per app/);
    const { identity: _identity, ...withoutIdentity } = publicKeys;
    expect(() => renderChart({ nats: { credentials: { existingSecret: 'quartier-nats-seeds', publicKeys: withoutIdentity } } })).toThrow(
      /publicKeys\.identity is missing/,
    );
    expect(() => renderChart(merge(bus, { nats: { credentials: { seeds } } }))).toThrow(/not both/);
    expect(() => renderChart(merge(bus, { nats: { tls: { enabled: true } } }))).toThrow(/nats\.tls\.existingSecret/);
    expect(() => renderChart(merge(bus, { nats: { tls: { enabled: true, existingSecret: 'x', certKey: 'tls.crt' } } }))).toThrow(/certKey and keyKey/);
  });
});
