import request from 'supertest';
import { E2eSuite, startE2eSuite } from './support/suite';
import { PASSWORD, Session, bearer, login, propertyBody, registerOrganization } from './support/session';

/**
 * The whole suite over HTTP, as the SPA or a mobile app uses it: identity, portfolio and the
 * gateway as separate processes on the real Postgres and NATS.
 */
describe('Quartier API end to end', () => {
  let suite: E2eSuite;
  let api: () => request.Agent;
  let owner: Session;
  let other: Session;

  beforeAll(async () => {
    suite = await startE2eSuite();
    api = () => request.agent(suite.baseUrl);
    owner = await registerOrganization(suite.baseUrl, 'Schmidt Hausverwaltung');
    other = await registerOrganization(suite.baseUrl, 'Konkurrenz GmbH');
  });

  afterAll(() => suite?.stop());

  describe('accounts', () => {
    it('rejects a second registration with the same email (409)', async () => {
      const response = await api()
        .post('/auth/register')
        .send({ email: owner.email, password: PASSWORD, name: 'Copy Cat', organizationName: 'Copy GmbH' })
        .expect(409);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });

    it('logs in, and answers unknown email and wrong password with the same 401', async () => {
      const session = await login(suite.baseUrl, owner.email, PASSWORD);
      expect(session.organizationId).toBe(owner.organizationId);
      const wrong = await api().post('/auth/login').send({ email: owner.email, password: 'Wrong-Password-1!' }).expect(401);
      const unknown = await api().post('/auth/login').send({ email: 'nobody@example.de', password: 'Wrong-Password-1!' }).expect(401);
      expect(wrong.body.detail).toBe(unknown.body.detail);
    });

    it('rotates refresh tokens and revokes the family when a used one is replayed', async () => {
      const session = await login(suite.baseUrl, owner.email, PASSWORD);
      const rotated = await api().post('/auth/refresh').send({ refreshToken: session.refreshToken }).expect(200);
      expect(rotated.body.refreshToken).not.toBe(session.refreshToken);
      await api().get('/auth/me').set('Authorization', `Bearer ${rotated.body.accessToken}`).expect(200);
      await api().post('/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
      // The replay revoked the whole family, including the token issued by the rotation.
      await api().post('/auth/refresh').send({ refreshToken: rotated.body.refreshToken }).expect(401);
    });

    it('shows the signed-in user, organization and scopes', async () => {
      const me = await api().get('/auth/me').set(bearer(owner)).expect(200);
      expect(me.body).toMatchObject({ user: { email: owner.email }, organization: { id: owner.organizationId }, role: 'owner' });
      expect(me.body.scopes).toEqual(expect.arrayContaining(['read', 'write', 'delete', 'admin']));
    });
  });

  describe('authentication and authorization', () => {
    it('answers 401 without a token and with a tampered one', async () => {
      await api().get('/properties').expect(401);
      const [header, payload, signature] = owner.accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const forged = Buffer.from(JSON.stringify({ ...claims, org: other.organizationId })).toString('base64url');
      const response = await api().get('/properties').set('Authorization', `Bearer ${header}.${forged}.${signature}`).expect(401);
      expect(response.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    });

    it('lets a viewer read but not write (403)', async () => {
      const email = `viewer-${Date.now()}@example.de`;
      await api().post('/organization/members').set(bearer(owner)).send({ email, role: 'viewer', name: 'Vera Viewer', password: PASSWORD }).expect(201);
      const viewer = await login(suite.baseUrl, email, PASSWORD);
      await api().get('/properties').set(bearer(viewer)).expect(200);
      const response = await api().post('/properties').set(bearer(viewer)).send(propertyBody()).expect(403);
      expect(response.body.code).toBe('FORBIDDEN');
    });
  });

  describe('portfolio', () => {
    let propertyId: string;
    let buildingId: string;
    const unitIds: string[] = [];

    it('creates, reads and updates a property', async () => {
      const created = await api().post('/properties').set(bearer(owner)).send(propertyBody()).expect(201);
      propertyId = created.body.id;
      expect(created.body).toMatchObject({ name: 'Altbau Prenzlauer Berg', address: { city: 'Berlin', postalCode: '10435' } });
      await api().patch(`/properties/${propertyId}`).set(bearer(owner)).send({ name: 'Altbau Kastanienallee' }).expect(200);
      const read = await api().get(`/properties/${propertyId}`).set(bearer(owner)).expect(200);
      expect(read.body.name).toBe('Altbau Kastanienallee');
    });

    it('creates a building and units, and pages through them', async () => {
      const building = await api().post('/buildings').set(bearer(owner)).send({ propertyId, name: 'Vorderhaus', floors: 5 }).expect(201);
      buildingId = building.body.id;
      for (const number of ['1.01', '1.02', '2.01', '2.02', '3.01']) {
        const unit = await api()
          .post('/units')
          .set(bearer(owner))
          .send({ buildingId, number, floor: Number(number[0]), type: 'apartment', area: 64.5, rooms: 2.5 })
          .expect(201);
        unitIds.push(unit.body.id);
      }
      const page = await api().get('/units').query({ buildingId, size: 2, page: 3, sort: 'number' }).set(bearer(owner)).expect(200);
      expect(page.body).toMatchObject({ total: 5, page: 3, size: 2, pages: 3 });
      expect(page.body.items.map((unit: { number: string }) => unit.number)).toEqual(['3.01']);
    });

    it('records unit status changes and lists available units', async () => {
      await api().patch(`/units/${unitIds[0]}/status`).set(bearer(owner)).send({ status: 'occupied', reason: 'Mietvertrag unterschrieben' }).expect(200);
      const history = await api().get(`/units/${unitIds[0]}/history`).set(bearer(owner)).expect(200);
      expect(history.body.items[0]).toMatchObject({ fromStatus: 'vacant', toStatus: 'occupied', reason: 'Mietvertrag unterschrieben' });
      const available = await api().get('/units/available').query({ buildingId }).set(bearer(owner)).expect(200);
      expect(available.body.items.map((unit: { id: string }) => unit.id)).not.toContain(unitIds[0]);
      expect(available.body.total).toBe(4);
    });

    it('rejects invalid bodies with 422 and the field list, changing nothing', async () => {
      const response = await api()
        .post('/properties')
        .set(bearer(owner))
        .send(propertyBody({ livingArea: -5, address: { street: 'Kastanienallee', postalCode: '1043', city: 'Berlin', country: 'DE' } }))
        .expect(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['livingArea', 'address.postalCode']));
      const floorTooHigh = await api().post('/units').set(bearer(owner)).send({ buildingId, number: '9.01', floor: 9, type: 'apartment', area: 50 }).expect(422);
      expect(floorTooHigh.body.status).toBe(422);
      const list = await api().get('/units').query({ buildingId }).set(bearer(owner)).expect(200);
      expect(list.body.total).toBe(5);
    });

    it("answers 404 for another organization's ids on every route", async () => {
      const foreign = bearer(other);
      const routes: [string, string, Record<string, unknown>?][] = [
        ['get', `/properties/${propertyId}`],
        ['put', `/properties/${propertyId}`, propertyBody()],
        ['patch', `/properties/${propertyId}`, { name: 'Mine now' }],
        ['delete', `/properties/${propertyId}`],
        ['get', `/buildings/${buildingId}`],
        ['put', `/buildings/${buildingId}`, { name: 'Mine', floors: 2 }],
        ['patch', `/buildings/${buildingId}`, { name: 'Mine' }],
        ['delete', `/buildings/${buildingId}`],
        ['get', `/units/${unitIds[1]}`],
        ['put', `/units/${unitIds[1]}`, { number: 'X', floor: 1, type: 'apartment', area: 10 }],
        ['patch', `/units/${unitIds[1]}`, { area: 10 }],
        ['patch', `/units/${unitIds[1]}/status`, { status: 'maintenance' }],
        ['get', `/units/${unitIds[1]}/history`],
        ['delete', `/units/${unitIds[1]}`],
      ];
      for (const [method, path, body] of routes) {
        const call = api()[method as 'get'](path).set(foreign);
        const response = await (body ? call.send(body) : call);
        expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
      }
      // Nothing changed for the owner.
      const unit = await api().get(`/units/${unitIds[1]}`).set(bearer(owner)).expect(200);
      expect(unit.body).toMatchObject({ number: '1.02', area: 64.5, status: 'vacant' });
      const lists = await api().get('/units').set(foreign).expect(200);
      expect(lists.body.total).toBe(0);
    });

    it('refuses to delete a property that still has buildings unless cascading', async () => {
      const response = await api().delete(`/properties/${propertyId}`).set(bearer(owner)).expect(409);
      expect(response.body.status).toBe(409);
      await api().delete(`/properties/${propertyId}`).query({ cascade: true }).set(bearer(owner)).expect(204);
      await api().get(`/units/${unitIds[0]}`).set(bearer(owner)).expect(404);
    });

    it('stops at the starter plan property limit with 402', async () => {
      const existing = await api().get('/properties').set(bearer(other)).expect(200);
      for (let i = existing.body.total; i < 10; i += 1) {
        await api().post('/properties').set(bearer(other)).send(propertyBody({ name: `Objekt ${i}` })).expect(201);
      }
      const response = await api().post('/properties').set(bearer(other)).send(propertyBody({ name: 'Objekt 11' })).expect(402);
      expect(response.body.code).toBe('PLAN_LIMIT_REACHED');
      const limits = await api().get('/organization/limits').set(bearer(other)).expect(200);
      expect(JSON.stringify(limits.body)).toContain('10');
    });
  });

  describe('the edge', () => {
    it('echoes a request id, or generates one', async () => {
      const echoed = await api().get('/auth/me').set(bearer(owner)).set('X-Request-ID', 'req-e2e-42').expect(200);
      expect(echoed.headers['x-request-id']).toBe('req-e2e-42');
      const generated = await api().get('/properties/not-a-uuid').set(bearer(owner));
      expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(generated.body.requestId).toBe(generated.headers['x-request-id']);
    });

    it('records mutations in the audit log for admins', async () => {
      await api().patch('/me/profile').set(bearer(owner)).set('X-Request-ID', 'audit-e2e-1').send({ name: 'Olivia O.' }).expect(200);
      let entries: { requestId: string; method: string; status: number }[] = [];
      for (let attempt = 0; attempt < 50 && !entries.some((entry) => entry.requestId === 'audit-e2e-1'); attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        entries = (await api().get('/audit-logs').set(bearer(owner)).expect(200)).body.items;
      }
      expect(entries.find((entry) => entry.requestId === 'audit-e2e-1')).toMatchObject({ method: 'PATCH', status: 200 });
    });

    it('documents every route in the OpenAPI document', async () => {
      const response = await request(suite.baseUrl.replace(/\/api\/v1$/, '')).get('/docs-json').expect(200);
      const documented = Object.entries(response.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      );
      const expected = [
        'POST /api/v1/auth/register', 'POST /api/v1/auth/login', 'POST /api/v1/auth/refresh', 'POST /api/v1/auth/logout', 'GET /api/v1/auth/me',
        'GET /api/v1/me/profile', 'PATCH /api/v1/me/profile', 'PATCH /api/v1/me/preferences', 'PATCH /api/v1/me/notifications',
        'POST /api/v1/me/change-password', 'POST /api/v1/me/avatar',
        'GET /api/v1/organization', 'PATCH /api/v1/organization', 'GET /api/v1/organization/members', 'POST /api/v1/organization/members',
        'GET /api/v1/organization/limits', 'GET /api/v1/audit-logs',
        'GET /api/v1/properties', 'POST /api/v1/properties', 'GET /api/v1/properties/{id}', 'PUT /api/v1/properties/{id}', 'DELETE /api/v1/properties/{id}',
        'GET /api/v1/buildings', 'POST /api/v1/buildings', 'GET /api/v1/buildings/{id}', 'PUT /api/v1/buildings/{id}', 'DELETE /api/v1/buildings/{id}',
        'GET /api/v1/units', 'POST /api/v1/units', 'GET /api/v1/units/{id}', 'PUT /api/v1/units/{id}', 'DELETE /api/v1/units/{id}',
        'GET /api/v1/units/available', 'GET /api/v1/units/{id}/history',
      ];
      expect(documented).toEqual(expect.arrayContaining(expected));
      expect(response.body.components.securitySchemes).toBeDefined();
    });
  });
});
