import { createServer } from 'node:net';
import { createTestDatabase, uniqueName } from '@quartier/testing';
import { startSuite } from '@quartier/launcher';

export interface E2eSuite {
  baseUrl: string;
  /** The run's own database, for operator CLIs (imports, migrations) run beside the services. */
  databaseUrl: string;
  stop(): Promise<void>;
}

/** The apps an e2e spec needs when it names none. */
export const DEFAULT_E2E_SERVICES = ['identity', 'portfolio', 'gateway'];

/**
 * Starts `services` (by default identity, portfolio and the gateway; list the gateway last) as
 * child processes, exactly as `npm start` does, against a database and NATS prefix of this run only.
 */
export async function startE2eSuite(env: NodeJS.ProcessEnv = {}, services: string[] = DEFAULT_E2E_SERVICES): Promise<E2eSuite> {
  const database = await createTestDatabase();
  const suite = await startSuite({
    services,
    quiet: true,
    env: {
      DATABASE_URL: database.url,
      NATS_PREFIX: uniqueName('e'),
      PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: '4',
      ...env,
    },
  });
  return {
    baseUrl: `${suite.gatewayUrl}/api/v1`,
    databaseUrl: database.url,
    stop: async () => {
      await suite.stop();
      await database.drop();
    },
  };
}

/** A port nothing listens on right now (for a stand-in server or a broker of the run). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
