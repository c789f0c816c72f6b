import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { TEST_SERVER_URL } from '@quartier/testing';
import { Session, bearer, propertyBody, registerOrganization } from '../support/session';
import { missingAuditEntries } from './support/audit';
import { FaultSuite, startFaultSuite } from './support/fault-suite';
import { Sample, probe, report, sleep, underLoad } from './support/probe';

/** Ends every session of the run's database, as a failover or an operator would; returns how many. */
async function terminateBackends(database: string): Promise<number> {
  const admin = new Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  try {
    const result = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    return result.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe('Postgres backend termination under load', () => {
  let suite: FaultSuite;
  let owner: Session;
  let propertyId: string;

  beforeAll(async () => {
    suite = await startFaultSuite(['identity', 'portfolio', 'gateway']);
    owner = await registerOrganization(suite.baseUrl, 'Fault Postgres');
    const created = await fetch(`${suite.baseUrl}/properties`, {
      method: 'POST',
      headers: { ...bearer(owner), 'content-type': 'application/json' },
      body: JSON.stringify(propertyBody()),
    });
    expect(created.status).toBe(201);
    propertyId = ((await created.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await suite?.stop();
  });

  it('answers 503 with Retry-After to what the lost sessions carried, then serves again without a restart, losing no audit entry', async () => {
    const pids = suite.pidsOf('portfolio');
    let sent = 0;
    const mutations: string[] = [];
    const rename = (): Promise<Sample> => {
      const requestId = `fault-${randomUUID()}`;
      mutations.push(requestId);
      return probe(`${suite.baseUrl}/properties/${propertyId}`, owner, { method: 'PATCH', body: { name: `Altbau ${sent}` }, requestId });
    };
    const mixed = (): Promise<Sample> => ((sent += 1) % 3 === 0 ? rename() : probe(`${suite.baseUrl}/properties?size=20`, owner));
    const load = underLoad(6000, 6, mixed);
    const terminated: number[] = [];
    for (const delay of [1500, 1500]) {
      await sleep(delay);
      terminated.push(await terminateBackends(suite.database.name));
    }
    const samples = await load;
    report(`reads and writes, ${terminated.join(' + ')} backends terminated`, samples);

    const failed = samples.filter((sample) => sample.status !== 200);
    for (const sample of failed) {
      expect(sample.status).toBe(503);
      expect(Number(sample.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    const after = await Promise.all(Array.from({ length: 10 }, () => probe(`${suite.baseUrl}/properties?size=20`, owner)));
    report('right after', after);
    expect(after.map((sample) => sample.status)).toEqual(Array(10).fill(200));
    expect(suite.pidsOf('portfolio')).toEqual(pids);
    pids.forEach((pid) => expect(() => process.kill(pid, 0)).not.toThrow());

    // The gateway's own outbox writes lost their sessions too, and were written again.
    const missing = await missingAuditEntries(suite.baseUrl, owner, 'PATCH', mutations);
    process.stdout.write(`[faults] audit: ${mutations.length} mutations, ${missing.length} audit entries lost\n`);
    expect(missing).toEqual([]);
  });
});
