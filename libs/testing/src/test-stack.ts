import { NatsConnection, connect, nkeyAuthenticator } from 'nats';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Caller, ComponentName, OrgCaller, isComponentName } from '@quartier/contracts-shared';
import {
  BootableService,
  CallerContextSigner,
  LocalBus,
  RpcClient,
  inboxPrefixOf,
  startLocalBus,
} from '@quartier/messaging';
import { TestDatabase, createTestDatabase, uniqueName } from './test-database';
import { TEST_SECRETS } from './test-secrets';

export interface TestStack {
  /** Database, bus URL, trusted keys and prefix; no component's seed (see envFor). */
  env: NodeJS.ProcessEnv;
  /** `env` plus the NKey seed of one component, for starting it by hand. */
  envFor(component: ComponentName): NodeJS.ProcessEnv;
  database: TestDatabase;
  prefix: string;
  /** The run's own nats-server, with an NKey user per component. */
  bus: LocalBus;
  /** A connection with every permission (the harness observes and injects events). */
  nats: NatsConnection;
  /** Calls services as the gateway does: caller contexts signed with the gateway's key. */
  rpc: RpcClient;
  /** A connection with one component's credentials and permissions. */
  connectAs(component: ComponentName): Promise<NatsConnection>;
  /** Starts (or restarts) one service of the stack. */
  start(service: BootableService): Promise<void>;
  /** Stops one service, e.g. to test what happens while it is down. */
  stop(name: string): Promise<void>;
  /** Stops everything, the run's nats-server and drops the database. */
  teardown(): Promise<void>;
}

/**
 * Boots services in-process against the real Postgres and a nats-server of the run's own
 * (authenticated, with the permissions production gets), isolated by a database and a NATS
 * prefix of their own, so parallel test runs never see each other.
 */
export async function startTestStack(services: BootableService[], extraEnv: NodeJS.ProcessEnv = {}): Promise<TestStack> {
  const database = await createTestDatabase();
  const prefix = uniqueName('t');
  const busDir = mkdtempSync(join(tmpdir(), 'quartier-bus-'));
  const bus = await startLocalBus({ dir: busDir, prefix, withAdmin: true });
  const { NATS_URL, NATS_TRUSTED_KEYS } = bus.envFor('gateway');
  const env: NodeJS.ProcessEnv = {
    ...TEST_SECRETS,
    ...process.env,
    DATABASE_URL: database.url,
    NATS_URL,
    NATS_TRUSTED_KEYS,
    NATS_PREFIX: prefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    OPS_PORT: '0',
    DB_POOL_SIZE: '4',
    ...extraEnv,
  };
  delete env.NATS_NKEY_SEED;
  const envFor = (component: ComponentName): NodeJS.ProcessEnv => ({ ...env, NATS_NKEY_SEED: bus.keys[component].seed });
  const admin = bus.admin;
  if (!admin) throw new Error('the test bus has no admin user');
  const nats = await connect({ servers: bus.url, name: `test-${prefix}`, authenticator: nkeyAuthenticator(new TextEncoder().encode(admin.seed)) });
  const signer = new CallerContextSigner('gateway', bus.keys.gateway.seed, 30_000);
  const running = new Map<string, { close(): Promise<void> }>();
  const stack: TestStack = {
    env,
    envFor,
    database,
    prefix,
    bus,
    nats,
    rpc: new RpcClient(nats, { prefix, timeoutMs: 5000, signer }),
    connectAs: (component) =>
      connect({
        servers: bus.url,
        name: `test-${component}`,
        authenticator: nkeyAuthenticator(new TextEncoder().encode(bus.keys[component].seed)),
        inboxPrefix: inboxPrefixOf(component),
      }),
    start: async (service) => {
      if (!isComponentName(service.name)) throw new Error(`${service.name} is not a component of the COMPONENTS table`);
      running.set(service.name, await service.start(envFor(service.name)));
    },
    stop: async (name) => {
      await running.get(name)?.close();
      running.delete(name);
    },
    teardown: async () => {
      for (const instance of [...running.values()].reverse()) await instance.close();
      running.clear();
      await nats.close();
      await bus.stop();
      rmSync(busDir, { recursive: true, force: true });
      await database.drop();
    },
  };
  try {
    for (const service of services) await stack.start(service);
  } catch (error) {
    await stack.teardown();
    throw error;
  }
  return stack;
}

/** A caller as the gateway would send it, for calling services directly in integration specs. */
export function testCaller(organizationId: string, overrides: Partial<Caller> = {}): OrgCaller {
  return {
    requestId: randomUUID(),
    organizationId,
    userId: randomUUID(),
    roles: ['owner'],
    scopes: ['read', 'write', 'delete', 'admin'],
    ...overrides,
  } as OrgCaller;
}
