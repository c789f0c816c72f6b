import { RestartableBus, TestDatabase, createTestDatabase, startRestartableBus, uniqueName } from '@quartier/testing';
import { RunningSuite, startSuite } from '@quartier/launcher';

export interface FaultSuite {
  /** `http://127.0.0.1:<port>/api/v1` */
  baseUrl: string;
  database: TestDatabase;
  /** The run's nats-server, which the spec may stop and start again. */
  bus: RestartableBus;
  /** Process ids of every running process of `service`, the first one started by the suite. */
  pidsOf(service: string): number[];
  /** Starts one more replica of `service` on the same bus and database (the queue group shares the work). */
  addReplica(service: string): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The suite as `npm start` runs it (child processes, migrations first), on a database and a
 * nats-server of the run's own, so a spec can kill processes, stop the bus or end database sessions.
 * FAULTS_LOG_FILE: every app's output is appended there (the specs print only their figures).
 */
export async function startFaultSuite(services: string[], env: NodeJS.ProcessEnv = {}): Promise<FaultSuite> {
  const database = await createTestDatabase();
  const prefix = uniqueName('f');
  const bus = await startRestartableBus(prefix);
  const suiteEnv: NodeJS.ProcessEnv = {
    DATABASE_URL: database.url,
    NATS_PREFIX: prefix,
    PORT: '0',
    LOG_LEVEL: 'error',
    DB_POOL_SIZE: '4',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...env,
  };
  const suites: RunningSuite[] = [];
  const stop = async (): Promise<void> => {
    for (const suite of suites.reverse()) await suite.stop();
    await bus.stop();
    await database.drop();
  };
  try {
    suites.push(await startSuite({ services, quiet: true, logFile: process.env.FAULTS_LOG_FILE, env: suiteEnv, bus }));
  } catch (error) {
    await stop();
    throw error;
  }
  const main = suites[0];
  if (!main.gatewayUrl) throw new Error('a fault suite needs the gateway');
  return {
    baseUrl: `${main.gatewayUrl}/api/v1`,
    database,
    bus,
    pidsOf: (service) => suites.flatMap((suite) => suite.services.filter((entry) => entry.name === service).map((entry) => entry.pid)),
    addReplica: async (service) => {
      const replica = await startSuite({ services: [service], quiet: true, logFile: process.env.FAULTS_LOG_FILE, migrate: false, env: { ...suiteEnv, MIGRATE_ON_BOOT: 'false' }, bus });
      suites.push(replica);
      return replica.services[0].pid;
    },
    stop,
  };
}
