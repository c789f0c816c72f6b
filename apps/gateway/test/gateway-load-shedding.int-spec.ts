import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CallerHeader } from '@quartier/contracts-shared';
import { standInCallerOf } from '@quartier/testing';
import { GatewayHarness, startGatewayHarness } from './gateway-harness';

const BUSY = randomUUID();
const QUIET = randomUUID();
const LIST = '/api/v1/properties';

describe('gateway load shedding: in-flight limit, fair between organizations', () => {
  let harness: GatewayHarness;
  /** Lists of the busy organization wait here until the spec lets them finish. */
  const heldLists: Array<() => void> = [];
  const deadlines: number[] = [];

  beforeAll(async () => {
    harness = await startGatewayHarness({
      NATS_TIMEOUT_MS: '20000',
      MAX_IN_FLIGHT: '4',
      MAX_IN_FLIGHT_PER_ORG: '2',
      MAX_QUEUED_PER_ORG: '1',
      MAX_QUEUE_WAIT_MS: '300',
    });
    // Answers each list as it comes (the harness's respond() answers one at a time): the busy
    // organization's lists are held until the spec finishes them.
    harness.stack.nats.subscribe(`${harness.stack.prefix}.portfolio.v1.properties.list`, {
      callback: (_error, message) => {
        const { id } = JSON.parse(new TextDecoder().decode(message.data)) as { id: string };
        deadlines.push(Number(message.headers?.get(CallerHeader.DEADLINE)));
        const answer = (): void => {
          message.respond(JSON.stringify({ id, response: { items: [], next: null }, isDisposed: true }));
        };
        if (standInCallerOf(message.headers).organizationId === BUSY) heldLists.push(answer);
        else answer();
      },
    });
  }, 60_000);

  afterAll(async () => {
    heldLists.splice(0).forEach((finish) => finish());
    await harness?.teardown();
  });

  const list = async (organizationId: string): Promise<request.Response> =>
    request(harness.url)
      .get(LIST)
      .set('Authorization', `Bearer ${await harness.token({ organizationId })}`);

  it('answers 503 with Retry-After once an organization holds its share, while another organization still gets through', async () => {
    const sentAt = Date.now();
    const running = [list(BUSY), list(BUSY)];
    await waitForHeld(heldLists, 2);
    // Each call to the service carries its absolute deadline: now + the gateway's timeout.
    expect(deadlines[0]).toBeGreaterThanOrEqual(sentAt + 20000);
    expect(deadlines[0]).toBeLessThanOrEqual(Date.now() + 20000);

    // One more may wait for a slot (and is shed when none frees in time); the one after is shed at once.
    const [waited, overflow] = await Promise.all([list(BUSY), list(BUSY)]);
    for (const shed of [waited, overflow]) {
      expect(shed.status).toBe(503);
      expect(shed.headers['retry-after']).toBe('1');
      expect(shed.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(shed.body).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', requestId: shed.headers['x-request-id'] });
    }

    const quiet = await list(QUIET);
    expect(quiet.status).toBe(200);
    expect(quiet.body).toEqual({ items: [], next: null });
    // Scrapers are never shed.
    await request(harness.url).get('/metrics').expect(200);

    heldLists.splice(0).forEach((finish) => finish());
    expect((await Promise.all(running)).map((response) => response.status)).toEqual([200, 200]);
  });

  it('gives the slots back when the answers are sent: the busy organization is served again', async () => {
    const next = list(BUSY);
    await waitForHeld(heldLists, 1);
    heldLists.splice(0).forEach((finish) => finish());
    expect((await next).status).toBe(200);
  });
});

async function waitForHeld(held: unknown[], count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (held.length < count) {
    if (Date.now() > deadline) throw new Error(`only ${held.length} of ${count} requests reached the service`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
