import { randomUUID } from 'node:crypto';
import { Session, bearer, propertyBody, registerOrganization } from '../support/session';
import { missingAuditEntries } from './support/audit';
import { FaultSuite, startFaultSuite } from './support/fault-suite';
import { Sample, probe, report, sleep } from './support/probe';

const NATS_TIMEOUT_MS = 5000;

describe('NATS restart', () => {
  let suite: FaultSuite;
  let owner: Session;
  let propertyId: string;
  const mutations: string[] = [];

  const renameProperty = async (): Promise<Sample> => {
    const requestId = `fault-${randomUUID()}`;
    mutations.push(requestId);
    return probe(`${suite.baseUrl}/properties/${propertyId}`, owner, { method: 'PATCH', body: { name: `Altbau ${mutations.length}` }, requestId });
  };
  const listProperties = (): Promise<Sample> => probe(`${suite.baseUrl}/properties`, owner);

  beforeAll(async () => {
    suite = await startFaultSuite(['identity', 'portfolio', 'gateway'], { NATS_TIMEOUT_MS: String(NATS_TIMEOUT_MS), OUTBOX_INTERVAL_MS: '100' });
    owner = await registerOrganization(suite.baseUrl, 'Fault NATS');
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

  it('answers 503 with Retry-After at once while NATS is down, recovers after, and loses no audit entry', async () => {
    expect((await renameProperty()).status).toBe(200);

    await suite.bus.halt();
    await sleep(200);
    const down: Sample[] = [];
    for (let round = 0; round < 20; round += 1) down.push(await listProperties(), await renameProperty());
    report('bus down', down);
    for (const sample of down) {
      expect(sample.status).toBe(503);
      expect(Number(sample.retryAfter)).toBeGreaterThanOrEqual(1);
      // Far from the bus timeout the gateway used to wait out before answering 504.
      expect(sample.ms).toBeLessThan(NATS_TIMEOUT_MS / 5);
    }

    // Requests sent while the bus comes back either get their answer or a clear 503: none is lost.
    await suite.bus.resume();
    const reconnecting: Sample[] = [];
    const until = Date.now() + 4000;
    while (Date.now() < until) {
      reconnecting.push(...(await Promise.all([listProperties(), renameProperty()])));
      await sleep(20);
    }
    report('reconnect window', reconnecting);
    const lost = reconnecting.filter((sample) => sample.status === 0 || (sample.status >= 300 && sample.status !== 503));
    expect(lost).toEqual([]);
    expect(reconnecting.slice(-10).every((sample) => sample.status < 300)).toBe(true);

    // Every mutation was answered, so each one is audited: those answered 503 while down too.
    const missing = await missingAuditEntries(suite.baseUrl, owner, 'PATCH', mutations);
    process.stdout.write(`[faults] audit: ${mutations.length} mutations, ${missing.length} audit entries lost\n`);
    expect(missing).toEqual([]);
  });
});
