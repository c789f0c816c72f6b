import { Session, bearer, propertyBody, registerOrganization } from '../support/session';
import { FaultSuite, startFaultSuite } from './support/fault-suite';
import { Sample, probe, report, sleep, underLoad } from './support/probe';

const NATS_TIMEOUT_MS = 5000;

describe('kill -9 of a service replica under load', () => {
  let suite: FaultSuite;
  let owner: Session;

  beforeAll(async () => {
    suite = await startFaultSuite(['identity', 'portfolio', 'gateway'], { NATS_TIMEOUT_MS: String(NATS_TIMEOUT_MS) });
    await suite.addReplica('portfolio');
    owner = await registerOrganization(suite.baseUrl, 'Fault kill');
    for (let index = 0; index < 3; index += 1) {
      const created = await fetch(`${suite.baseUrl}/properties`, {
        method: 'POST',
        headers: { ...bearer(owner), 'content-type': 'application/json' },
        body: JSON.stringify(propertyBody({ name: `Haus ${index}` })),
      });
      expect(created.status).toBe(201);
    }
  });

  afterAll(async () => {
    await suite?.stop();
  });

  it('serves every read through the other replica, none waiting the full timeout', async () => {
    const [victim, survivor] = suite.pidsOf('portfolio');
    const read = (): Promise<Sample> => probe(`${suite.baseUrl}/properties?size=20`, owner);
    const load = underLoad(8000, 8, read);
    await sleep(2500);
    const killedAt = Date.now();
    process.kill(victim, 'SIGKILL');
    const samples = await load;

    report('reads, portfolio replica killed', samples);
    report(
      'reads in flight or sent within 1 s of the kill',
      samples.filter((sample) => sample.startedAt >= killedAt - 1000 && sample.startedAt <= killedAt + 1000),
    );
    expect(samples.filter((sample) => sample.status !== 200)).toEqual([]);
    expect(Math.max(...samples.map((sample) => sample.ms))).toBeLessThan(NATS_TIMEOUT_MS);
    expect(() => process.kill(survivor, 0)).not.toThrow();
  });
});
