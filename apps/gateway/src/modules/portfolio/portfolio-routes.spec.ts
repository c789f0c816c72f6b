import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { IdentitySubjects } from '@quartier/contracts-identity';
import { BuildingOperations, PropertyOperations, UnitOperations } from '@quartier/contracts-portfolio';
import { isComponentName } from '@quartier/contracts-shared';
import { RunningSuite, SuiteOptions, startSuite } from '@quartier/launcher';
import { GatewayHarness, ReceivedRequest, respond, startGatewayHarness } from '../../../test/gateway-harness';

const MISSING = '00000000-0000-4000-8000-000000000000';
const ROUTED = [...Object.values(PropertyOperations), ...Object.values(BuildingOperations), ...Object.values(UnitOperations)];
const address = { street: 'Invalidenstraße', houseNumber: '117', postalCode: '10115', city: 'Berlin' };
const property = { name: 'Invalidenstraße 117', type: 'apartment_building', address };

/** The /api/v1 properties, buildings and units routes against stand-in responders: what the gateway sends and answers. */
describe('portfolio routes', () => {
  let harness: GatewayHarness;
  let token: string;
  const seen: Record<string, ReceivedRequest> = {};

  beforeAll(async () => {
    harness = await startGatewayHarness();
    token = await harness.token({ roles: ['manager'] });
    for (const { subject } of ROUTED) {
      respond(harness.stack.nats, harness.stack.prefix, subject, (received) => {
        seen[subject] = received;
        if ((received.data as { id?: string }).id === MISSING) throw { status: 404, code: 'NOT_FOUND', message: 'Not found' };
        return subject.endsWith('.delete') ? { deleted: true } : { subject, data: received.data };
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

  it('maps every route to its subject with the caller, the path ids and the query or body', async () => {
    const id = randomUUID();
    const building = { name: 'Vorderhaus', floors: 4 };
    const unit = { number: 'WE 1', floor: 1, type: 'apartment', area: 60 };
    const cases: [Parameters<typeof call>[0], string, object | undefined, string, unknown, number][] = [
      ['get', '/properties?size=5&city=Berlin', undefined, PropertyOperations.list.subject, { size: 5, city: 'Berlin' }, 200],
      ['post', '/properties', property, PropertyOperations.create.subject, property, 201],
      ['get', `/properties/${id}`, undefined, PropertyOperations.get.subject, { id }, 200],
      ['put', `/properties/${id}`, property, PropertyOperations.replace.subject, { ...property, id }, 200],
      ['patch', `/properties/${id}`, { name: 'Neu' }, PropertyOperations.update.subject, { name: 'Neu', id }, 200],
      ['get', `/buildings?propertyId=${id}`, undefined, BuildingOperations.list.subject, { propertyId: id }, 200],
      ['post', '/buildings', { ...building, propertyId: id }, BuildingOperations.create.subject, { ...building, propertyId: id }, 201],
      ['get', `/buildings/${id}`, undefined, BuildingOperations.get.subject, { id }, 200],
      ['put', `/buildings/${id}`, building, BuildingOperations.replace.subject, { ...building, id }, 200],
      ['patch', `/buildings/${id}`, { floors: 5 }, BuildingOperations.update.subject, { floors: 5, id }, 200],
      ['get', '/units?status=vacant', undefined, UnitOperations.list.subject, { status: 'vacant' }, 200],
      ['get', '/units/available?minRooms=2', undefined, UnitOperations.available.subject, { minRooms: 2 }, 200],
      ['post', '/units', { ...unit, buildingId: id }, UnitOperations.create.subject, { ...unit, buildingId: id }, 201],
      ['get', `/units/${id}`, undefined, UnitOperations.get.subject, { id }, 200],
      ['get', `/units/${id}/history?page=2`, undefined, UnitOperations.history.subject, { page: 2, id }, 200],
      ['put', `/units/${id}`, unit, UnitOperations.replace.subject, { ...unit, id }, 200],
      ['patch', `/units/${id}`, { area: 61 }, UnitOperations.update.subject, { area: 61, id }, 200],
      ['patch', `/units/${id}/status`, { status: 'maintenance' }, UnitOperations.changeStatus.subject, { status: 'maintenance', id }, 200],
    ];
    for (const [method, path, body, subject, payload, status] of cases) {
      const response = await call(method, path, body);
      expect([method, path, response.status]).toEqual([method, path, status]);
      expect([method, path, seen[subject]?.data]).toEqual([method, path, payload]);
    }
    expect(seen[PropertyOperations.create.subject].caller.organizationId).toBe(harness.organizationId);

    const deletes: [string, string, unknown][] = [
      [`/properties/${id}?cascade=true`, PropertyOperations.delete.subject, { id, cascade: true }],
      [`/buildings/${id}`, BuildingOperations.delete.subject, { id }],
      [`/units/${id}`, UnitOperations.delete.subject, { id }],
    ];
    for (const [path, subject, payload] of deletes) {
      const response = await call('delete', path);
      expect([path, response.status, response.text]).toEqual([path, 204, '']);
      expect(seen[subject].data).toEqual(payload);
    }
  });

  it('validates at the edge (422) and passes the service’s 404 through', async () => {
    expect((await call('get', '/units?size=1000')).status).toBe(422);
    expect((await call('get', '/properties/not-a-uuid')).status).toBe(422);
    // A replace needs the whole shape; an update only what changes.
    const partial = await call('put', `/properties/${randomUUID()}`, { name: 'Neu' });
    expect(partial.status).toBe(422);
    expect(new Set(partial.body.errors.map((error: { field: string }) => error.field))).toEqual(new Set(['address', 'type']));
    expect((await call('put', `/units/${randomUUID()}`, { buildingId: randomUUID(), number: 'WE 1', floor: 1, type: 'apartment', area: 60 })).status).toBe(422);
    expect((await call('patch', `/units/${randomUUID()}/status`, { status: 'sold' })).status).toBe(422);
    const missing = await call('get', `/buildings/${MISSING}`);
    expect([missing.status, missing.headers['content-type']]).toEqual([404, expect.stringMatching(/application\/problem\+json/)]);
  });

  it('lets viewers and residents read, staff write and delete as their scopes allow', async () => {
    const viewer = await harness.token({ roles: ['viewer'] });
    const resident = await harness.token({ roles: ['resident'] });
    expect((await call('get', '/properties', undefined, viewer)).status).toBe(200);
    expect((await call('get', '/units/available', undefined, resident)).status).toBe(200);
    expect((await call('post', '/properties', property, viewer)).status).toBe(403);
    expect((await call('patch', `/units/${randomUUID()}/status`, { status: 'vacant' }, resident)).status).toBe(403);
    expect((await call('delete', `/buildings/${randomUUID()}`, undefined, viewer)).status).toBe(403);
    expect((await request(harness.url).get('/api/v1/units')).status).toBe(401);
  });
});

/**
 * The routes through the gateway to the real portfolio service (its own process, as
 * `npm start` runs it, on the harness's database and NATS prefix); identity's plan check is a
 * stand-in allowing every property.
 */
describe('portfolio routes against the portfolio service', () => {
  let harness: GatewayHarness;
  let portfolio: RunningSuite;
  let manager: string;

  beforeAll(async () => {
    harness = await startGatewayHarness();
    respond(harness.stack.nats, harness.stack.prefix, IdentitySubjects.limitsCheck, ({ data }) => {
      const { resource } = data as { resource: string };
      return { ok: true, resource, limit: null, remaining: null };
    });
    // The launcher joins the app to the harness's bus with the portfolio key.
    const envFor = (app: string): Record<string, string> =>
      Object.fromEntries(Object.entries(isComponentName(app) ? harness.stack.envFor(app) : {}).flatMap(([key, value]) => (value === undefined ? [] : [[key, value]])));
    const options: SuiteOptions = { services: ['portfolio'], quiet: true, env: harness.stack.env, bus: { url: harness.stack.bus.url, envFor, stop: async () => undefined } };
    portfolio = await startSuite(options);
    manager = await harness.token({ roles: ['manager'] });
  }, 120_000);
  afterAll(async () => {
    await portfolio?.stop();
    await harness?.teardown();
  });

  const api = (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, body?: object) => {
    const pending = request(harness.url)[method](`/api/v1${path}`).set('Authorization', `Bearer ${manager}`);
    return body ? pending.send(body) : pending;
  };

  it('creates, replaces, updates and deletes a property, its building and unit with the service’s answers', async () => {
    const created = await api('post', '/properties', property);
    expect([created.status, created.body]).toEqual([201, expect.objectContaining({ name: property.name, type: 'apartment_building' })]);
    const replaced = await api('put', `/properties/${created.body.id}`, { ...property, name: 'Invalidenstraße 118' });
    expect([replaced.status, replaced.body.name]).toEqual([200, 'Invalidenstraße 118']);

    const building = await api('post', '/buildings', { propertyId: created.body.id, name: 'Vorderhaus', floors: 4 });
    expect(building.status).toBe(201);
    const unit = await api('post', '/units', { buildingId: building.body.id, number: 'WE 1', floor: 1, type: 'apartment', area: 60 });
    expect([unit.status, unit.body.status]).toEqual([201, 'vacant']);
    const taken = await api('post', '/units', { buildingId: building.body.id, number: 'WE 1', floor: 2, type: 'apartment', area: 60 });
    expect([taken.status, taken.body.code]).toEqual([409, 'UNIT_NUMBER_TAKEN']);

    const patched = await api('patch', `/units/${unit.body.id}`, { area: 61.5 });
    expect([patched.status, patched.body.area]).toEqual([200, 61.5]);
    expect((await api('patch', `/units/${unit.body.id}/status`, { status: 'maintenance', reason: 'Water damage' })).body.status).toBe('maintenance');
    const history = await api('get', `/units/${unit.body.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items[0]).toMatchObject({ fromStatus: 'vacant', toStatus: 'maintenance', reason: 'Water damage', source: 'manual' });
    expect((await api('get', '/units/available')).body.total).toBe(0);

    const blocked = await api('delete', `/properties/${created.body.id}`);
    expect([blocked.status, blocked.body.code]).toEqual([409, 'PROPERTY_HAS_BUILDINGS']);
    const deleted = await api('delete', `/properties/${created.body.id}?cascade=true`);
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    expect((await api('get', `/units/${unit.body.id}`)).status).toBe(404);
  });

  it('serves the CRM and document folder routes of the same service, generated and hand-written', async () => {
    const contact = await api('post', '/contacts', { type: 'person', lastName: 'Schulz', emails: [{ address: 'anna@example.de' }] });
    expect([contact.status, contact.body.name]).toEqual([201, 'Schulz']);
    const other = await api('post', '/contacts', { type: 'person', lastName: 'Weber' });
    const taken = await api('put', `/contacts/${other.body.id}`, { type: 'person', lastName: 'Weber', emails: [{ address: 'anna@example.de' }] });
    expect([taken.status, taken.body.code, taken.body.details?.existingContactId]).toEqual([409, 'CONTACT_EMAIL_TAKEN', contact.body.id]);
    const activity = await api('post', `/contacts/${contact.body.id}/activities`, { type: 'call', summary: 'Asked for a viewing' });
    expect([activity.status, activity.body.contactId]).toEqual([201, contact.body.id]);
    const timeline = await api('get', `/contacts/${contact.body.id}/activities?type=call`);
    expect([timeline.status, timeline.body.total]).toEqual([200, 1]);
    expect((await api('delete', `/contacts/${contact.body.id}/activities/${activity.body.id}`)).status).toBe(204);

    const folder = await api('post', '/documents/folders', { name: 'Mietverträge' });
    expect(folder.status).toBe(201);
    const twin = await api('post', '/documents/folders', { name: 'mietverträge' });
    expect([twin.status, twin.body.code]).toEqual([409, 'FOLDER_NAME_TAKEN']);
    const tree = await api('get', '/documents/folders');
    expect([tree.status, tree.body.items.map((node: { name: string }) => node.name)]).toEqual([200, ['Mietverträge']]);
    expect((await api('get', '/documents?size=5')).body).toMatchObject({ total: 0, size: 5 });
  });
});
