// Which Postgres `npm start` uses, and the small decisions around it.
const path = require('node:path');
const { choosePostgres } = require('../infra');
const { endpointOf } = require('../net');
const { discoverApps, fixedOpsPorts } = require('../apps');
const { launcherEnv, selectServices } = require('../env');

describe('choosePostgres', () => {
  it('uses the configured server when it answers', () => {
    const databaseUrl = 'postgres://app:secret@db.example.com:6432/quartier';
    expect(choosePostgres({ databaseUrl, reachable: true })).toEqual({ kind: 'external', url: databaseUrl });
  });

  it('starts an embedded Postgres for an unreachable local URL, keeping the database name', () => {
    const decision = choosePostgres({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/quartier_dev', reachable: false, embeddedPort: 54329 });
    expect(decision.kind).toBe('embedded');
    expect(decision.port).toBe(54329);
    expect(decision.dataDir).toMatch(/data[/\\]postgres$/);
    const url = new URL(decision.url);
    expect([url.hostname, url.port, url.pathname, url.username]).toEqual(['127.0.0.1', '54329', '/quartier_dev', 'postgres']);
  });

  it('treats localhost like 127.0.0.1', () => {
    expect(choosePostgres({ databaseUrl: 'postgres://postgres@localhost/quartier', reachable: false }).kind).toBe('embedded');
  });

  it('refuses to replace an unreachable remote server with an embedded one', () => {
    const decision = choosePostgres({ databaseUrl: 'postgres://app@db.internal:5432/quartier', reachable: false });
    expect(decision.kind).toBe('error');
    expect(decision.message).toContain('db.internal:5432');
  });

  it('never starts one when QUARTIER_EMBEDDED_POSTGRES=never', () => {
    const decision = choosePostgres({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/quartier', reachable: false, mode: 'never' });
    expect(decision).toEqual({ kind: 'error', message: expect.stringContaining('QUARTIER_EMBEDDED_POSTGRES=never') });
  });
});

describe('launcher environment', () => {
  it('fills in the documented defaults and keeps what the caller set', () => {
    const env = launcherEnv({ NATS_PREFIX: 'dev', PORT: '' });
    expect(env).toMatchObject({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/quartier',
      NATS_PREFIX: 'dev',
      MQTT_URL: 'mqtt://127.0.0.1:1883',
      PORT: '3000',
      LOG_LEVEL: 'info',
      QUARTIER_NATS_PORT: '4223',
    });
    // No NATS_URL: the launcher runs a nats-server of its own.
    expect(env.NATS_URL).toBeUndefined();
  });

  it('reads the first server of a NATS server list', () => {
    expect(endpointOf('nats://10.0.0.1:4333,nats://10.0.0.2:4222')).toEqual({ host: '10.0.0.1', port: 4333 });
    expect(endpointOf('nats://127.0.0.1')).toEqual({ host: '127.0.0.1', port: 4222 });
  });
});

describe('apps of the suite', () => {
  const fixtures = path.join(__dirname, 'fixtures');

  it('finds apps by their src/main.ts and starts the gateway last', () => {
    expect(discoverApps(fixtures)).toEqual(['alpha', 'crashy', 'stuck', 'gateway']);
  });

  it('gives known apps fixed, distinct ops ports and others the next free ones', () => {
    expect(fixedOpsPorts(['identity', 'portfolio', 'iot', 'gateway', 'ai'])).toEqual({
      identity: 9101,
      portfolio: 9102,
      iot: 9105,
      gateway: 9106,
      ai: 9107,
    });
  });

  it('narrows the suite with QUARTIER_SERVICES, keeping the gateway', () => {
    expect(selectServices(['identity', 'portfolio', 'gateway'], 'identity')).toEqual(['identity', 'gateway']);
    expect(() => selectServices(['identity', 'gateway'], 'billing')).toThrow('billing');
  });
});
