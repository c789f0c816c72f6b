import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { PlanOperations } from '@quartier/contracts-identity';
import { GatewayHarness, ReceivedRequest, respond, startGatewayHarness } from '../../../test/gateway-harness';

/** /api/v1/platform against a stand-in identity responder: only the installation's operators get through. */
describe('platform routes', () => {
  let harness: GatewayHarness;
  const seen: ReceivedRequest[] = [];

  beforeAll(async () => {
    harness = await startGatewayHarness();
    respond(harness.stack.nats, harness.stack.prefix, PlanOperations.set.subject, (received) => {
      seen.push(received);
      return { id: (received.data as { organizationId: string }).organizationId, plan: 'enterprise' };
    });
  });
  afterAll(async () => {
    await harness?.teardown();
  });

  const setPlan = (token: string, organizationId: string, body: object) =>
    request(harness.url).put(`/api/v1/platform/organizations/${organizationId}/plan`).set('Authorization', `Bearer ${token}`).send(body);

  it('refuses an organization’s owner (403 problem) and sends nothing to identity', async () => {
    const owner = await harness.token({ roles: ['owner'] });
    const refused = await setPlan(owner, harness.organizationId, { plan: 'enterprise', subscriptionStatus: 'active' });
    expect([refused.status, refused.headers['content-type'], refused.body.code]).toEqual([403, expect.stringMatching(/application\/problem\+json/), 'FORBIDDEN']);
    expect(seen).toHaveLength(0);
  });

  it('lets a platform operator set any organization’s plan, validated at the edge', async () => {
    const operator = await harness.token({ roles: ['viewer'], platformOperator: true });
    const other = randomUUID();
    const answered = await setPlan(operator, other, { plan: 'enterprise', subscriptionStatus: 'past_due' });
    expect([answered.status, answered.body]).toEqual([200, { id: other, plan: 'enterprise' }]);
    expect(seen.map((received) => received.data)).toEqual([{ organizationId: other, plan: 'enterprise', subscriptionStatus: 'past_due' }]);
    expect(seen[0].caller.roles).toEqual(['viewer', 'platform_operator']);

    const invalid = await setPlan(operator, other, { plan: 'unlimited', subscriptionStatus: 'active' });
    expect([invalid.status, invalid.body.errors]).toEqual([422, [expect.objectContaining({ field: 'plan' })]]);
    expect(seen).toHaveLength(1);
  });
});
