import { NatsConnection, connect } from 'nats';
import { randomUUID } from 'node:crypto';
import { Caller, OrgCaller } from '@quartier/contracts-shared';
import { BootableService, RpcClient, eventStreamName } from '@quartier/messaging';
import { TestDatabase, createTestDatabase, uniqueName } from './test-database';

export const TEST_NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

export interface TestStack {
  env: NodeJS.ProcessEnv;
  database: TestDatabase;
  prefix: string;
  nats: NatsConnection;
  rpc: RpcClient;
  /** Starts (or restarts) one service of the stack. */
  start(service: BootableService): Promise<void>;
  /** Stops one service, e.g. to test what happens while it is down. */
  stop(name: string): Promise<void>;
  /** Stops everything, drops the database and the run's JetStream stream. */
  teardown(): Promise<void>;
}

/**
 * Boots services in-process against the real Postgres and NATS, isolated by a database and a
 * NATS prefix of their own, so parallel test runs never see each other.
 */
export async function startTestStack(services: BootableService[], extraEnv: NodeJS.ProcessEnv = {}): Promise<TestStack> {
  const database = await createTestDatabase();
  const prefix = uniqueName('t');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NATS_URL: TEST_NATS_URL,
    NATS_PREFIX: prefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    OPS_PORT: '0',
    DB_POOL_SIZE: '4',
    ...extraEnv,
  };
  const nats = await connect({ servers: TEST_NATS_URL, name: `test-${prefix}` });
  const running = new Map<string, { close(): Promise<void> }>();
  const stack: TestStack = {
    env,
    database,
    prefix,
    nats,
    rpc: new RpcClient(nats, { prefix, timeoutMs: 5000 }),
    start: async (service) => {
      running.set(service.name, await service.start(env));
    },
    stop: async (name) => {
      await running.get(name)?.close();
      running.delete(name);
    },
    teardown: async () => {
      for (const instance of [...running.values()].reverse()) await instance.close();
      running.clear();
      const manager = await nats.jetstreamManager();
      await manager.streams.delete(eventStreamName(prefix)).catch(() => false);
      await nats.close();
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
