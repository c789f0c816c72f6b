import { JSONCodec } from 'nats';
import { randomUUID } from 'node:crypto';
import {
  ContactActivityOperations,
  ContactEvent,
  ContactOperations,
  ContactResponse,
  CreateContactActivityDto,
  CreateContactDto,
  PortfolioSubjects,
  UnitOperations,
} from '@quartier/contracts-portfolio';
import { AnyOperation, DomainEvent, OrgCaller, RequestOf, ResponseOf } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';
import { TestStack, startTestStack, testCaller } from '@quartier/testing';
import { portfolioService } from '../src/portfolio.service-app';
import { organization, rpcFailure, startIdentityLimitsStub, waitFor } from './support';

const anna: CreateContactDto = {
  type: 'person',
  salutation: 'Frau',
  firstName: 'Anna',
  lastName: 'Schulz',
  emails: [{ address: 'Anna.Schulz@Example.de', label: 'private' }],
  phones: [{ number: '+49 30 1234-567', label: 'mobile' }],
  address: { street: 'Kastanienallee', houseNumber: '12', postalCode: '10435', city: 'Berlin' },
  kinds: ['prospect_tenant'],
  tags: ['VIP'],
  source: 'portal',
  marketingConsent: { granted: true, at: '2026-11-01T10:00:00.000Z', source: 'website_form' },
  notes: 'Sucht für Familie',
};

describe('portfolio contacts (CRM) over NATS', () => {
  let stack: TestStack;
  let identity: ReturnType<typeof startIdentityLimitsStub>;
  const events: DomainEvent[] = [];

  beforeAll(async () => {
    stack = await startTestStack([]);
    identity = startIdentityLimitsStub(stack.nats, stack.prefix);
    stack.nats.subscribe(`${stack.prefix}.events.portfolio.contact.>`, {
      callback: (_error, message) => events.push(JSONCodec<DomainEvent>().decode(message.data)),
    });
    await stack.start(portfolioService);
  });
  afterAll(async () => {
    identity.stop();
    await stack.teardown();
  });

  const call = <Operation extends AnyOperation>(operation: Operation, payload: RequestOf<Operation>, caller: OrgCaller): Promise<ResponseOf<Operation>> =>
    new OperationClient(stack.rpc).send(operation, payload, caller);

  it('creates a contact with normalized emails and tags, the creator as owner, and consent with its proof', async () => {
    const org = organization(stack);
    const contact = await call(ContactOperations.create, anna, org.caller);
    expect(contact).toMatchObject({
      type: 'person',
      name: 'Anna Schulz',
      emails: [{ address: 'anna.schulz@example.de', label: 'private' }],
      tags: ['vip'],
      ownerId: org.caller.userId,
      status: 'new',
      address: { postalCode: '10435', country: 'DE' },
      marketingConsent: { granted: true, at: '2026-11-01T10:00:00.000Z', source: 'website_form' },
      lastContactedAt: null,
    });
    expect(contact.leadScore.score).toBeGreaterThan(0);
    expect(await call(ContactOperations.get, { id: contact.id }, org.caller)).toEqual(contact);
    await waitFor(
      async () => events.filter((e) => (e.payload as { contactId: string }).contactId === contact.id),
      (mine) => mine.length === 1,
    );
    const created = events.find((e) => (e.payload as { contactId: string }).contactId === contact.id);
    expect(created).toMatchObject({ type: ContactEvent.CREATED, organizationId: org.id, payload: { status: 'new', leadGrade: contact.leadScore.grade } });
    // Events carry no personal data.
    expect(JSON.stringify(created)).not.toContain('schulz');
  });

  it('answers a second contact with the same email, in any case, with 409 naming the existing contact', async () => {
    const org = organization(stack);
    const first = await call(ContactOperations.create, anna, org.caller);
    const duplicate = await rpcFailure(stack, PortfolioSubjects.contactsCreate, { ...anna, emails: [{ address: 'ANNA.schulz@example.de' }] }, org.caller);
    expect(duplicate.body).toMatchObject({ status: 409, code: 'CONTACT_EMAIL_TAKEN', details: { existingContactId: first.id } });
    const other = await call(ContactOperations.create, { type: 'person', lastName: 'Weber' }, org.caller);
    const taken = await rpcFailure(stack, PortfolioSubjects.contactsUpdate, { id: other.id, emails: [{ address: 'anna.schulz@example.de' }] }, org.caller);
    expect(taken.body).toMatchObject({ status: 409, details: { existingContactId: first.id } });
    const replaceTaken = await rpcFailure(stack, PortfolioSubjects.contactsReplace, { id: other.id, type: 'person', lastName: 'Weber', emails: [{ address: 'anna.schulz@example.de' }] }, org.caller);
    expect(replaceTaken.body).toMatchObject({ status: 409, code: 'CONTACT_EMAIL_TAKEN' });
    // A replace (PUT) carries every required field, checked by the service as well.
    expect((await rpcFailure(stack, PortfolioSubjects.contactsReplace, { id: other.id, lastName: 'Weber' }, org.caller)).body).toMatchObject({ status: 422, errors: [{ field: 'type' }] });
    const replaced = await call(ContactOperations.replace, { id: other.id, type: 'person', lastName: 'Weber-Lang' }, org.caller);
    expect(replaced).toMatchObject({ id: other.id, name: 'Weber-Lang', emails: [] });
    // Nothing changed, and another organization may have the same address.
    expect((await call(ContactOperations.get, { id: other.id }, org.caller)).emails).toEqual([]);
    await expect(call(ContactOperations.create, anna, organization(stack).caller)).resolves.toMatchObject({ name: 'Anna Schulz' });
    // Freed addresses can be reused: the first contact drops it, the other takes it.
    // `null` clears a field: past the typed client, whose DTO types have no null.
    await stack.rpc.request(PortfolioSubjects.contactsUpdate, { id: first.id, emails: null }, org.caller);
    await expect(call(ContactOperations.update, { id: other.id, emails: [{ address: 'anna.schulz@example.de' }] }, org.caller)).resolves.toMatchObject({
      emails: [{ address: 'anna.schulz@example.de' }],
    });
  });

  it('lets only one of three simultaneous contacts with the same email in', async () => {
    const org = organization(stack);
    const body: CreateContactDto = { type: 'person', lastName: 'Gleichzeitig', emails: [{ address: 'race@example.de' }] };
    const results = await Promise.allSettled([1, 2, 3].map(() => call(ContactOperations.create, body, org.caller)));
    const created = results.filter((r): r is PromiseFulfilledResult<ContactResponse> => r.status === 'fulfilled').map((r) => r.value);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as { body: object }).body);
    expect(created).toHaveLength(1);
    expect(refused).toEqual([1, 2].map(() => expect.objectContaining({ status: 409, details: { email: 'race@example.de', existingContactId: created[0].id } })));
    expect((await call(ContactOperations.list, {}, org.caller)).total).toBe(1);
  });

  it('rejects invalid contacts with 422 naming each field, and changes nothing', async () => {
    const org = organization(stack);
    const invalid = (body: object) => rpcFailure(stack, PortfolioSubjects.contactsCreate, body, org.caller);
    expect((await invalid({ type: 'person', firstName: 'Nur' })).body).toMatchObject({ status: 422, errors: [{ field: 'lastName' }] });
    expect((await invalid({ type: 'company', lastName: 'X' })).body).toMatchObject({ status: 422, errors: [{ field: 'companyName' }] });
    expect((await invalid({ type: 'robot', lastName: 'X' })).body).toMatchObject({ status: 422, errors: [{ field: 'type' }] });
    expect((await invalid({ type: 'person', lastName: 'X', emails: [{ address: 'not-an-email' }] })).body).toMatchObject({ errors: [{ field: 'emails.0.address' }] });
    expect((await invalid({ type: 'person', lastName: 'X', status: 'sleeping' })).body).toMatchObject({ errors: [{ field: 'status' }] });
    const budget = await invalid({ type: 'person', lastName: 'X', searchProfile: { purpose: 'rent', budgetMinCents: 200000, budgetMaxCents: 100000 } });
    expect(budget.body).toMatchObject({ status: 422, errors: [{ field: 'searchProfile.budgetMinCents' }] });
    expect((await invalid({ type: 'person', lastName: 'X', interestedUnitIds: [randomUUID()] })).status).toBe(404);
    const contact = await call(ContactOperations.create, { type: 'person', lastName: 'Keller' }, org.caller);
    const cleared = await rpcFailure(stack, PortfolioSubjects.contactsUpdate, { id: contact.id, lastName: null }, org.caller);
    expect(cleared.body).toMatchObject({ status: 422, errors: [{ field: 'lastName' }] });
    expect((await rpcFailure(stack, PortfolioSubjects.contactsUpdate, { id: contact.id, status: null }, org.caller)).status).toBe(422);
    expect((await rpcFailure(stack, PortfolioSubjects.contactsUpdate, { id: contact.id, marketingConsent: null }, org.caller)).body).toMatchObject({
      status: 422,
      errors: [{ field: 'marketingConsent', message: 'marketingConsent must be an object' }],
    });
    const withdrawn = await call(ContactOperations.update, { id: contact.id, marketingConsent: { granted: false, source: 'email' } }, org.caller);
    expect(withdrawn.marketingConsent).toEqual({ granted: false, at: expect.any(String), source: 'email' });
    expect((await call(ContactOperations.list, {}, org.caller)).items.map((c) => c.name)).toEqual(['Keller']);
  });

  it('links to properties and units of the organization only; another organization sees none of it (404)', async () => {
    const org = organization(stack);
    const property = await org.property();
    const unit = await org.unit((await org.building(property.id)).id);
    const contact = await call(ContactOperations.create, { type: 'company', companyName: 'Invest AG', kinds: ['investor'], interestedPropertyIds: [property.id], interestedUnitIds: [unit.id] },
      org.caller,
    );
    expect(contact).toMatchObject({ name: 'Invest AG', interestedPropertyIds: [property.id], interestedUnitIds: [unit.id] });

    const stranger = organization(stack);
    expect((await rpcFailure(stack, PortfolioSubjects.contactsUpdate, { id: contact.id, notes: 'x' }, stranger.caller)).status).toBe(404);
    for (const [subject, data] of [
      [PortfolioSubjects.contactsGet, { id: contact.id }],
      [PortfolioSubjects.contactsDelete, { id: contact.id }],
      [PortfolioSubjects.contactsScore, { id: contact.id }],
      [PortfolioSubjects.contactsMatches, { id: contact.id }],
      [PortfolioSubjects.contactActivitiesList, { contactId: contact.id }],
      [PortfolioSubjects.contactActivitiesCreate, { contactId: contact.id, type: 'call', summary: 'x' }],
    ] as const) {
      expect((await rpcFailure(stack, subject, data, stranger.caller)).status).toBe(404);
    }
    const strangersContact = await call(ContactOperations.create, { type: 'person', lastName: 'Fremd' }, stranger.caller);
    const linkForeign = await rpcFailure(stack, PortfolioSubjects.contactsUpdate, { id: strangersContact.id, interestedPropertyIds: [property.id] }, stranger.caller);
    expect(linkForeign.body).toMatchObject({ status: 404, message: `Property ${property.id} not found` });
    expect((await call(ContactOperations.list, {}, stranger.caller)).items.map((c) => c.id)).toEqual([strangersContact.id]);
    const interested = (query: object) => call(ContactOperations.list, query, org.caller);
    expect((await interested({ unitId: unit.id })).items.map((c) => c.id)).toEqual([contact.id]);
    expect((await interested({ propertyId: property.id })).items.map((c) => c.id)).toEqual([contact.id]);
    expect((await interested({ unitId: randomUUID() })).total).toBe(0);

    // A deleted unit no longer shows up among the interests; the property stays.
    await call(UnitOperations.delete, { id: unit.id }, org.caller);
    expect(await call(ContactOperations.get, { id: contact.id }, org.caller)).toMatchObject({
      interestedPropertyIds: [property.id],
      interestedUnitIds: [],
    });
  });

  it('refuses residents on every CRM call (403)', async () => {
    const org = organization(stack);
    const contact = await call(ContactOperations.create, { type: 'person', lastName: 'Meyer' }, org.caller);
    const resident = testCaller(org.id, { roles: ['resident'], scopes: ['read'] });
    for (const [subject, data] of [
      [PortfolioSubjects.contactsList, {}],
      [PortfolioSubjects.contactsLeads, {}],
      [PortfolioSubjects.contactsGet, { id: contact.id }],
      [PortfolioSubjects.contactsCreate, { type: 'person', lastName: 'X' }],
      [PortfolioSubjects.contactsReplace, { id: contact.id, type: 'person', lastName: 'X' }],
      [PortfolioSubjects.contactActivitiesList, { contactId: contact.id }],
    ] as const) {
      expect((await rpcFailure(stack, subject, data, resident)).body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    }
  });

  it('filters by status, kind, tag, source, owner and searches name, company, email and phone digits', async () => {
    const org = organization(stack);
    const agent = randomUUID();
    const create = (body: CreateContactDto) => call(ContactOperations.create, body, org.caller);
    await create(anna);
    await create({ type: 'person', firstName: 'Jonas', lastName: 'Becker', companyName: 'Becker & Söhne', status: 'qualified', kinds: ['owner', 'landlord'], source: 'referral', ownerId: agent });
    await create({ type: 'company', companyName: 'Nord Invest 100% GmbH', tags: ['fonds'], kinds: ['investor'], phones: [{ number: '040 555 0199' }], source: 'website' });
    const names = async (query: object) => (await call(ContactOperations.list, { sort: 'name', ...query }, org.caller)).items.map((c) => c.name);

    expect(await names({})).toEqual(['Anna Schulz', 'Jonas Becker', 'Nord Invest 100% GmbH']);
    expect(await names({ status: 'qualified' })).toEqual(['Jonas Becker']);
    expect(await names({ kind: 'landlord' })).toEqual(['Jonas Becker']);
    expect(await names({ tag: 'Fonds' })).toEqual(['Nord Invest 100% GmbH']);
    expect(await names({ source: 'portal' })).toEqual(['Anna Schulz']);
    expect(await names({ ownerId: agent })).toEqual(['Jonas Becker']);
    expect(await names({ marketingConsent: true })).toEqual(['Anna Schulz']);
    expect(await names({ marketingConsent: false })).toEqual(['Jonas Becker', 'Nord Invest 100% GmbH']);
    expect(await names({ q: 'söhne' })).toEqual(['Jonas Becker']);
    expect(await names({ q: 'example.de' })).toEqual(['Anna Schulz']);
    expect(await names({ q: '301234567' })).toEqual(['Anna Schulz']);
    expect(await names({ q: '040/555-0199' })).toEqual(['Nord Invest 100% GmbH']);
    expect(await names({ q: '100%' })).toEqual(['Nord Invest 100% GmbH']);
    expect(await names({ q: '0%' })).toEqual(['Nord Invest 100% GmbH']);
    expect(await names({ sort: '-name', size: 2, page: 2 })).toEqual(['Anna Schulz']);
    const page = await call(ContactOperations.list, { size: 2 }, org.caller);
    expect(page).toMatchObject({ total: 3, page: 1, size: 2, pages: 2 });
    expect((await rpcFailure(stack, PortfolioSubjects.contactsList, { sort: 'emails' }, org.caller)).body).toMatchObject({ status: 422, errors: [{ field: 'sort' }] });
  });

  it('records activities on a timeline, keeps the last contact, and refuses activities in the future', async () => {
    const org = organization(stack);
    const contact = await call(ContactOperations.create, { type: 'person', lastName: 'Vogel' }, org.caller);
    const record = (body: CreateContactActivityDto) => call(ContactActivityOperations.create, { contactId: contact.id, ...body }, org.caller);
    const call1 = await record({ type: 'call', occurredAt: '2026-11-20T09:00:00.000Z', summary: 'Erstgespräch', outcome: 'Interessiert' });
    expect(call1).toMatchObject({ contactId: contact.id, type: 'call', outcome: 'Interessiert', createdBy: org.caller.userId });
    await record({ type: 'note', summary: 'Hat zwei Kinder' });
    const viewing = await record({ type: 'viewing', occurredAt: '2026-11-25T15:00:00.000Z', summary: 'Besichtigung WE 3' });
    const get = () => call(ContactOperations.get, { id: contact.id }, org.caller);
    // The note was written later, but it is not contact with the lead.
    expect((await get()).lastContactedAt).toBe('2026-11-25T15:00:00.000Z');
    const never = await call(ContactOperations.create, { type: 'person', lastName: 'Nie' }, org.caller);
    const byContact = async (sort: string) => (await call(ContactOperations.list, { sort }, org.caller)).items.map((c) => c.id);
    expect(await byContact('-lastContactedAt')).toEqual([contact.id, never.id]);
    expect(await byContact('lastContactedAt')).toEqual([never.id, contact.id]);

    const timeline = await call(ContactActivityOperations.list, { contactId: contact.id }, org.caller);
    expect(timeline.items.map((a) => a.type)).toEqual(['note', 'viewing', 'call']);
    const calls = await call(ContactActivityOperations.list, { contactId: contact.id, type: 'call' }, org.caller);
    expect(calls.items.map((a) => a.id)).toEqual([call1.id]);

    await call(ContactActivityOperations.delete, { contactId: contact.id, activityId: viewing.id }, org.caller);
    expect((await get()).lastContactedAt).toBe('2026-11-20T09:00:00.000Z');
    expect((await rpcFailure(stack, PortfolioSubjects.contactActivitiesDelete, { contactId: contact.id, activityId: viewing.id }, org.caller)).status).toBe(404);

    const future = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const refused = await rpcFailure(stack, PortfolioSubjects.contactActivitiesCreate, { contactId: contact.id, type: 'call', occurredAt: future, summary: 'x' }, org.caller);
    expect(refused.body).toMatchObject({ status: 422, errors: [{ field: 'occurredAt' }] });
    const badType = await rpcFailure(stack, PortfolioSubjects.contactActivitiesCreate, { contactId: contact.id, type: 'fax', summary: 'x' }, org.caller);
    expect(badType.body).toMatchObject({ status: 422, errors: [{ field: 'type' }] });
    const foreignUnit = await rpcFailure(stack, PortfolioSubjects.contactActivitiesCreate, { contactId: contact.id, type: 'call', summary: 'x', unitId: randomUUID() }, org.caller);
    expect(foreignUnit.status).toBe(404);
    expect((await call(ContactActivityOperations.list, { contactId: contact.id }, org.caller)).total).toBe(2);
  });

  it('deletes a contact with its timeline and publishes the deletion', async () => {
    const org = organization(stack);
    const contact = await call(ContactOperations.create, { ...anna, emails: [{ address: 'weg@example.de' }] }, org.caller);
    await call(ContactActivityOperations.create, { contactId: contact.id, type: 'email', summary: 'Exposé gesendet' }, org.caller);
    await call(ContactOperations.delete, { id: contact.id }, org.caller);
    expect((await rpcFailure(stack, PortfolioSubjects.contactsGet, { id: contact.id }, org.caller)).status).toBe(404);
    expect((await rpcFailure(stack, PortfolioSubjects.contactActivitiesList, { contactId: contact.id }, org.caller)).status).toBe(404);
    // Its email is free again.
    await expect(call(ContactOperations.create, { type: 'person', lastName: 'Neu', emails: [{ address: 'weg@example.de' }] }, org.caller)).resolves.toBeDefined();
    await waitFor(
      async () => events.filter((e) => (e.payload as { contactId: string }).contactId === contact.id).map((e) => e.type),
      (types) => types.includes(ContactEvent.DELETED),
    );
  });
});
