import request from 'supertest';
import { E2eSuite, startE2eSuite } from './support/suite';
import { PASSWORD, Session, bearer, login, propertyBody, registerOrganization } from './support/session';

/** The CRM over HTTP, as an estate agent's SPA uses it: identity, portfolio and the gateway as separate processes. */
describe('contacts and lead scoring end to end', () => {
  let suite: E2eSuite;
  let api: () => request.Agent;
  let owner: Session;
  let other: Session;
  let contactId: string;
  let unitId: string;

  beforeAll(async () => {
    suite = await startE2eSuite();
    api = () => request.agent(suite.baseUrl);
    owner = await registerOrganization(suite.baseUrl, 'Makler Schmidt');
    other = await registerOrganization(suite.baseUrl, 'Konkurrenz Immobilien');
  });

  afterAll(() => suite?.stop());

  it('matches a prospect tenant against the vacant flats and scores the lead', async () => {
    const property = await api().post('/properties').set(bearer(owner)).send(propertyBody()).expect(201);
    const building = await api().post('/buildings').set(bearer(owner)).send({ propertyId: property.body.id, name: 'Vorderhaus', floors: 5 }).expect(201);
    const unit = await api()
      .post('/units')
      .set(bearer(owner))
      .send({ buildingId: building.body.id, number: '2.01', floor: 2, type: 'apartment', area: 78, rooms: 3, targetRent: { amountCents: 112000, currency: 'EUR' } })
      .expect(201);
    unitId = unit.body.id;

    const created = await api()
      .post('/contacts')
      .set(bearer(owner))
      .send({
        type: 'person',
        firstName: 'Lena',
        lastName: 'Hoffmann',
        emails: [{ address: 'lena.hoffmann@example.de' }],
        phones: [{ number: '+49 170 1234567' }],
        kinds: ['prospect_tenant'],
        source: 'portal',
        status: 'qualified',
        marketingConsent: { granted: true, source: 'ImmoScout24 Kontaktformular' },
        searchProfile: { purpose: 'rent', budgetMaxCents: 120000, postalCodes: ['104'], roomsMin: 2 },
        interestedUnitIds: [unitId],
      })
      .expect(201);
    contactId = created.body.id;
    expect(created.body).toMatchObject({ name: 'Lena Hoffmann', ownerId: owner.userId, interestedUnitIds: [unitId], leadScore: { score: 50, grade: 'B' } });

    const matches = await api().get(`/contacts/${contactId}/matches`).set(bearer(owner)).expect(200);
    expect(matches.body).toMatchObject({ total: 1, items: [{ kind: 'unit', unitId, price: { amountCents: 112000, currency: 'EUR' } }] });

    await api()
      .post(`/contacts/${contactId}/activities`)
      .set(bearer(owner))
      .send({ type: 'viewing', summary: 'Besichtigung 2.01', outcome: 'Möchte sich bewerben', unitId })
      .expect(201);
    const score = await api().get(`/contacts/${contactId}/score`).set(bearer(owner)).expect(200);
    // 50 + a recent activity (3) and a viewing (5) + contacted today (10).
    expect(score.body).toMatchObject({ contactId, score: 68, grade: 'B' });
    expect(score.body.reasons.map((reason: { factor: string }) => reason.factor)).toEqual(['profile', 'budget_fit', 'engagement', 'recency', 'status', 'consent']);
    const contact = await api().get(`/contacts/${contactId}`).set(bearer(owner)).expect(200);
    expect(contact.body.lastContactedAt).not.toBeNull();
  });

  it('lists, filters and ranks contacts, and refuses a duplicate email with 409 naming the existing contact', async () => {
    await api().post('/contacts').set(bearer(owner)).send({ type: 'company', companyName: 'Hausbau Nord GmbH', kinds: ['partner'], source: 'referral' }).expect(201);
    const duplicate = await api()
      .post('/contacts')
      .set(bearer(owner))
      .send({ type: 'person', lastName: 'Kopie', emails: [{ address: 'LENA.HOFFMANN@example.de' }] })
      .expect(409);
    expect(duplicate.headers['content-type']).toContain('application/problem+json');
    expect(duplicate.body).toMatchObject({ code: 'CONTACT_EMAIL_TAKEN', details: { existingContactId: contactId } });

    const search = await api().get('/contacts').query({ q: 'hoffmann' }).set(bearer(owner)).expect(200);
    expect(search.body.items.map((c: { id: string }) => c.id)).toEqual([contactId]);
    const partners = await api().get('/contacts').query({ kind: 'partner', sort: 'name' }).set(bearer(owner)).expect(200);
    expect(partners.body.items.map((c: { name: string }) => c.name)).toEqual(['Hausbau Nord GmbH']);
    const interested = await api().get('/contacts').query({ unitId, marketingConsent: 'true' }).set(bearer(owner)).expect(200);
    expect(interested.body.items.map((c: { id: string }) => c.id)).toEqual([contactId]);
    const leads = await api().get('/contacts/leads').set(bearer(owner)).expect(200);
    expect(leads.body).toMatchObject({ total: 2, items: [{ id: contactId }, { name: 'Hausbau Nord GmbH' }] });
    const invalid = await api().get('/contacts').query({ sort: 'password' }).set(bearer(owner)).expect(422);
    expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'sort' })]);
    const badBody = await api().post('/contacts').set(bearer(owner)).send({ type: 'person', firstName: 'Ohne Nachname' }).expect(422);
    expect(badBody.body.errors).toEqual([expect.objectContaining({ field: 'lastName' })]);
  });

  it("answers 404 for another organization's contact on every route, and keeps its data apart", async () => {
    const foreign = bearer(other);
    const routes: [string, string, Record<string, unknown>?][] = [
      ['get', `/contacts/${contactId}`],
      ['put', `/contacts/${contactId}`, { type: 'person', lastName: 'Mine' }],
      ['patch', `/contacts/${contactId}`, { status: 'lost' }],
      ['delete', `/contacts/${contactId}`],
      ['get', `/contacts/${contactId}/score`],
      ['get', `/contacts/${contactId}/matches`],
      ['get', `/contacts/${contactId}/activities`],
      ['post', `/contacts/${contactId}/activities`, { type: 'call', summary: 'x' }],
    ];
    for (const [method, path, body] of routes) {
      const call = api()[method as 'get'](path).set(foreign);
      const response = await (body ? call.send(body) : call);
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
    }
    // Linking another organization's unit is a 404 too; the same email is free there.
    await api().post('/contacts').set(foreign).send({ type: 'person', lastName: 'Fremd', interestedUnitIds: [unitId] }).expect(404);
    await api().post('/contacts').set(foreign).send({ type: 'person', lastName: 'Hoffmann', emails: [{ address: 'lena.hoffmann@example.de' }] }).expect(201);
    expect((await api().get('/contacts').set(foreign).expect(200)).body.total).toBe(1);
    const mine = await api().get(`/contacts/${contactId}`).set(bearer(owner)).expect(200);
    expect(mine.body).toMatchObject({ status: 'qualified', lastName: 'Hoffmann' });
  });

  it('keeps residents out of the CRM (403)', async () => {
    const email = `resident-${Date.now()}@example.de`;
    await api().post('/organization/members').set(bearer(owner)).send({ email, role: 'resident', name: 'Rita Resident', password: PASSWORD }).expect(201);
    const resident = await login(suite.baseUrl, email, PASSWORD);
    await api().get('/contacts').set(bearer(resident)).expect(403);
    await api().get(`/contacts/${contactId}`).set(bearer(resident)).expect(403);
    const response = await api().get('/contacts/leads').set(bearer(resident)).expect(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });

  it('keeps the activity timeline and deletes a contact with it', async () => {
    const timeline = await api().get(`/contacts/${contactId}/activities`).set(bearer(owner)).expect(200);
    expect(timeline.body.items).toEqual([expect.objectContaining({ type: 'viewing', outcome: 'Möchte sich bewerben', unitId, createdBy: owner.userId })]);
    await api().delete(`/contacts/${contactId}/activities/${timeline.body.items[0].id}`).set(bearer(owner)).expect(204);
    expect((await api().get(`/contacts/${contactId}`).set(bearer(owner)).expect(200)).body.lastContactedAt).toBeNull();
    await api().delete(`/contacts/${contactId}`).set(bearer(owner)).expect(204);
    await api().get(`/contacts/${contactId}`).set(bearer(owner)).expect(404);
  });

  it('documents the CRM routes in the OpenAPI document', async () => {
    const response = await request(suite.baseUrl.replace(/\/api\/v1$/, '')).get('/docs-json').expect(200);
    const documented = Object.entries(response.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented).toEqual(
      expect.arrayContaining([
        'GET /api/v1/contacts', 'POST /api/v1/contacts', 'GET /api/v1/contacts/leads',
        'GET /api/v1/contacts/{id}', 'PUT /api/v1/contacts/{id}', 'PATCH /api/v1/contacts/{id}', 'DELETE /api/v1/contacts/{id}',
        'GET /api/v1/contacts/{id}/score', 'GET /api/v1/contacts/{id}/matches',
        'GET /api/v1/contacts/{id}/activities', 'POST /api/v1/contacts/{id}/activities', 'DELETE /api/v1/contacts/{id}/activities/{activityId}',
      ]),
    );
    expect(response.body.components.schemas.ContactResponse.properties.leadScore).toBeDefined();
  });
});
