import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { PortfolioSubjects } from '@quartier/contracts-portfolio';
import { GatewayHarness, ReceivedRequest, respond, startGatewayHarness } from '../../../test/gateway-harness';

const MISSING = '00000000-0000-4000-8000-000000000000';
const CONTACT_SUBJECTS = Object.entries(PortfolioSubjects)
  .filter(([name]) => name.startsWith('contact'))
  .map(([, subject]) => subject);

/** The /api/v1 contacts routes against stand-in portfolio responders. */
describe('contacts routes', () => {
  let harness: GatewayHarness;
  let token: string;
  const seen: Record<string, ReceivedRequest> = {};

  beforeAll(async () => {
    harness = await startGatewayHarness();
    token = await harness.token({ roles: ['agent'] });
    for (const subject of CONTACT_SUBJECTS) {
      respond(harness.stack.nats, harness.stack.prefix, subject, (received) => {
        seen[subject] = received;
        const data = received.data as { id?: string; contactId?: string };
        if (data.id === MISSING || data.contactId === MISSING) throw { status: 404, code: 'NOT_FOUND', message: 'Contact not found' };
        return { subject, data: received.data };
      });
    }
  });
  afterAll(async () => {
    await harness?.teardown();
  });

  const call = (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, body?: object, bearer = token) => {
    const pending = request(harness.url)[method](`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`);
    return body ? pending.send(body) : pending;
  };

  it('maps every route to its subject with the path ids in the payload', async () => {
    const id = randomUUID();
    const other = randomUUID();
    const person = { type: 'person', lastName: 'Schulz' };
    const cases: [Parameters<typeof call>[0], string, object | undefined, string, unknown, number][] = [
      ['get', '/contacts?status=qualified&kind=investor&tag=vip&q=schulz&sort=-leadScore&size=5', undefined, PortfolioSubjects.contactsList, { status: 'qualified', kind: 'investor', tag: 'vip', q: 'schulz', sort: '-leadScore', size: 5 }, 200],
      ['get', '/contacts/leads?grade=A', undefined, PortfolioSubjects.contactsLeads, { grade: 'A' }, 200],
      ['post', '/contacts', person, PortfolioSubjects.contactsCreate, person, 201],
      ['get', `/contacts/${id}`, undefined, PortfolioSubjects.contactsGet, { id }, 200],
      ['get', `/contacts/${id}/score`, undefined, PortfolioSubjects.contactsScore, { id }, 200],
      ['get', `/contacts/${id}/matches?page=2`, undefined, PortfolioSubjects.contactsMatches, { page: 2, id }, 200],
      ['put', `/contacts/${id}`, person, PortfolioSubjects.contactsReplace, { ...person, id }, 200],
      ['patch', `/contacts/${id}`, { status: 'viewing' }, PortfolioSubjects.contactsUpdate, { status: 'viewing', id }, 200],
      ['get', `/contacts/${id}/activities?type=call`, undefined, PortfolioSubjects.contactActivitiesList, { type: 'call', contactId: id }, 200],
      ['post', `/contacts/${id}/activities`, { type: 'viewing', summary: 'WE 3' }, PortfolioSubjects.contactActivitiesCreate, { type: 'viewing', summary: 'WE 3', contactId: id }, 201],
    ];
    for (const [method, path, body, subject, payload, status] of cases) {
      const response = await call(method, path, body);
      expect([method, path, response.status]).toEqual([method, path, status]);
      expect([path, seen[subject]?.data]).toEqual([path, payload]);
    }
    expect(seen[PortfolioSubjects.contactsCreate].caller.organizationId).toBe(harness.organizationId);
    const manager = await harness.token({ roles: ['manager'] });
    expect((await call('delete', `/contacts/${id}`, undefined, manager)).status).toBe(204);
    expect(seen[PortfolioSubjects.contactsDelete].data).toEqual({ id });
    expect((await call('delete', `/contacts/${id}/activities/${other}`, undefined, manager)).status).toBe(204);
    expect(seen[PortfolioSubjects.contactActivitiesDelete].data).toEqual({ contactId: id, activityId: other });
  });

  it('validates at the edge (422) and passes 404 problems through', async () => {
    const invalid = await call('post', '/contacts', { type: 'robot', emails: [{ address: 'nope' }], status: 'sleeping', secret: 1 });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['emails.0.address', 'secret', 'status', 'type']);
    expect((await call('get', '/contacts?sort=-leadScore&grade=Z')).status).toBe(422);
    expect((await call('get', '/contacts/not-a-uuid/score')).status).toBe(422);
    const manager = await harness.token({ roles: ['manager'] });
    expect((await call('delete', `/contacts/${randomUUID()}/activities/nope`, undefined, manager)).status).toBe(422);
    const missing = await call('get', `/contacts/${MISSING}/activities`);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('keeps residents out of the CRM (403) and viewers read-only', async () => {
    const resident = await harness.token({ roles: ['resident'] });
    const id = randomUUID();
    for (const [method, path] of [['get', '/contacts'], ['get', '/contacts/leads'], ['get', `/contacts/${id}`], ['get', `/contacts/${id}/activities`]] as const) {
      const response = await call(method, path, undefined, resident);
      expect([path, response.status, response.body.code]).toEqual([path, 403, 'FORBIDDEN']);
    }
    const viewer = await harness.token({ roles: ['viewer'] });
    expect((await call('get', `/contacts/${id}/score`, undefined, viewer)).status).toBe(200);
    expect((await call('post', '/contacts', { type: 'person', lastName: 'X' }, viewer)).status).toBe(403);
    // An agent writes but does not delete.
    expect((await call('delete', `/contacts/${id}`)).status).toBe(403);
  });
});
