import { JSONCodec } from 'nats';
import { ContactActivityOperations, ContactActivityType, ContactEvent, ContactOperations, CreateContactDto, UnitOperations } from '@quartier/contracts-portfolio';
import { AnyOperation, DomainEvent, OrgCaller, RequestOf, ResponseOf } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';
import { TestStack, startTestStack } from '@quartier/testing';
import { portfolioService } from '../src/portfolio.service-app';
import { organization, startIdentityLimitsStub, waitFor } from './support';

const rent = (amountCents: number) => ({ amountCents, currency: 'EUR' });

/** Reachable, with a precise rent profile and consent: 20 + 5 points before any match or activity. */
const family: CreateContactDto = {
  type: 'person',
  firstName: 'Lena',
  lastName: 'Hoffmann',
  emails: [{ address: 'lena@example.de' }],
  phones: [{ number: '0170 1234567' }],
  status: 'qualified',
  kinds: ['prospect_tenant'],
  marketingConsent: { granted: true },
  searchProfile: { purpose: 'rent', budgetMaxCents: 120000, postalCodes: ['104'], roomsMin: 2, unitTypes: ['apartment'] },
};

describe('portfolio lead scoring and matching over NATS', () => {
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

  /** Kastanienallee (10435 Berlin): two vacant 3-room flats in budget, plus units that must not match. */
  async function berlinInventory(org: ReturnType<typeof organization>) {
    const property = await org.property({
      name: 'Kastanienallee 12',
      address: { street: 'Kastanienallee', houseNumber: '12', postalCode: '10435', city: 'Berlin' },
    });
    const building = await org.building(property.id, { floors: 5 });
    const flat = (overrides: object) => org.unit(building.id, { type: 'apartment', area: 75, rooms: 3, targetRent: rent(110000), ...overrides });
    const matchA = await flat({ number: 'WE 1', targetRent: rent(115000) });
    const matchB = await flat({ number: 'WE 2', targetRent: rent(100000), area: 80 });
    await flat({ number: 'WE 3', status: 'occupied' });
    await flat({ number: 'WE 4', targetRent: rent(150000) });
    await flat({ number: 'WE 5', rooms: 1 });
    await org.unit(building.id, { number: 'G 1', type: 'office', area: 75, rooms: 3, targetRent: rent(90000) });
    const elsewhere = await org.property({ name: 'Hamburg', address: { street: 'Jungfernstieg', postalCode: '20354', city: 'Hamburg' } });
    await org.unit((await org.building(elsewhere.id)).id, { type: 'apartment', area: 75, rooms: 3, targetRent: rent(90000) });
    return { property, building, matchA, matchB };
  }

  it('lists the vacant units that fit the search profile, best budget fit first, and scores them', async () => {
    const org = organization(stack);
    const { matchA, matchB } = await berlinInventory(org);
    const contact = await call(ContactOperations.create, family, org.caller);

    const matches = await call(ContactOperations.matches, { id: contact.id }, org.caller);
    // Budget up to 1,200 €: 1,150 € comes closer to it than 1,000 €.
    expect(matches.items.map((m) => m.unitId)).toEqual([matchA.id, matchB.id]);
    expect(matches.items[1]).toMatchObject({ kind: 'unit', purpose: 'rent', title: 'Kastanienallee 12 · WE 2', postalCode: '10435', price: rent(100000) });
    expect(matches).toMatchObject({ total: 2, pages: 1 });

    const score = await call(ContactOperations.score, { id: contact.id }, org.caller);
    expect(score.reasons).toEqual(
      expect.arrayContaining([
        { factor: 'profile', points: 20, maxPoints: 20, detail: 'complete profile' },
        { factor: 'budget_fit', points: 20, maxPoints: 25, detail: '2 available listings match the search profile' },
        { factor: 'engagement', points: 0, maxPoints: 25, detail: 'activities: 0 in the last 30 days, 0 in the 60 days before' },
        { factor: 'status', points: 10, maxPoints: 15, detail: 'status qualified' },
        { factor: 'consent', points: 5, maxPoints: 5, detail: 'marketing consent given' },
      ]),
    );
    expect(score).toMatchObject({ contactId: contact.id, score: 55, grade: 'B' });
    expect(score.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(55);
  });

  it('matches properties for sale for a buyer', async () => {
    const org = organization(stack);
    const forSale = await org.property({ name: 'Villa am See', type: 'single_family_house', status: 'for_sale', rooms: 6, livingArea: 180, currentValue: rent(89000000), address: { street: 'Seestraße', postalCode: '14467', city: 'Potsdam' } });
    await org.property({ name: 'Nicht zu verkaufen', type: 'single_family_house', rooms: 6, livingArea: 180, currentValue: rent(89000000), address: { street: 'Seestraße', postalCode: '14467', city: 'Potsdam' } });
    const buyer = await call(ContactOperations.create, { type: 'person', lastName: 'Krüger', kinds: ['prospect_buyer'], searchProfile: { purpose: 'buy', budgetMaxCents: 95000000, cities: ['potsdam'], propertyTypes: ['single_family_house', 'house'] } },
      org.caller,
    );
    const matches = await call(ContactOperations.matches, { id: buyer.id }, org.caller);
    expect(matches.items).toEqual([expect.objectContaining({ kind: 'property', purpose: 'buy', propertyId: forSale.id, unitId: null, price: rent(89000000), rooms: 6, area: 180 })]);
    const none = await call(ContactOperations.create, { type: 'person', lastName: 'Ohne Profil' }, org.caller);
    expect(await call(ContactOperations.matches, { id: none.id }, org.caller)).toMatchObject({ items: [], total: 0 });
  });

  it('raises the score with activities and announces the grade change; inventory changes lower it again', async () => {
    const org = organization(stack);
    const { building, matchA } = await berlinInventory(org);
    const contact = await call(ContactOperations.create, family, org.caller);
    expect(contact.leadScore).toMatchObject({ score: 55, grade: 'B' });

    const now = Date.now();
    const record = (type: ContactActivityType, minutesAgo: number) =>
      call(ContactActivityOperations.create, { contactId: contact.id, type, summary: type, occurredAt: new Date(now - minutesAgo * 60_000).toISOString() }, org.caller);
    await record('call', 120);
    await record('viewing', 60);
    // The call: 55 + engagement 3 + recency 10 = 68 (B); the viewing: engagement 6 + 5 for a viewing = 76 (A).
    const scored = await call(ContactOperations.score, { id: contact.id }, org.caller);
    expect(scored).toMatchObject({ score: 76, grade: 'A' });
    const gradeChanges = () => events.filter((e) => e.type === ContactEvent.SCORE_CHANGED && (e.payload as { contactId: string }).contactId === contact.id);
    await waitFor(async () => gradeChanges(), (changes) => changes.length === 1);
    expect(gradeChanges()[0]).toMatchObject({ organizationId: org.id, payload: { fromGrade: 'B', toGrade: 'A', fromScore: 68, toScore: 76 } });

    // One of the two fitting flats is let: one match left (15 instead of 20 points), back to B,
    // announced from the unit's status event without anyone reading the contact.
    await call(UnitOperations.changeStatus, { id: matchA.id, status: 'occupied' }, org.caller);
    await waitFor(async () => gradeChanges(), (changes) => changes.length === 2);
    expect(gradeChanges()[1]).toMatchObject({ payload: { fromGrade: 'A', toGrade: 'B', fromScore: 76, toScore: 71 } });
    expect(await call(ContactOperations.score, { id: contact.id }, org.caller)).toMatchObject({ score: 71, grade: 'B' });

    // A new fitting flat comes on the market.
    await org.unit(building.id, { number: 'WE 9', type: 'apartment', area: 70, rooms: 2, targetRent: rent(95000) });
    const leads = await call(ContactOperations.leads, {}, org.caller);
    expect(leads.items[0]).toMatchObject({ id: contact.id, leadScore: { score: 76, grade: 'A' } });
  });

  it('lists open leads best first, filtered by grade, without won or lost contacts', async () => {
    const org = organization(stack);
    await berlinInventory(org);
    const create = (body: CreateContactDto) => call(ContactOperations.create, body, org.caller);
    const hot = await create(family);
    const cold = await create({ type: 'person', lastName: 'Kalt' });
    const warm = await create({ ...family, emails: [{ address: 'warm@example.de' }], status: 'contacted', lastName: 'Warm' });
    await create({ ...family, emails: [{ address: 'won@example.de' }], status: 'won', lastName: 'Gewonnen' });
    await create({ ...family, emails: [{ address: 'lost@example.de' }], status: 'lost', lastName: 'Verloren' });

    const leads = await call(ContactOperations.leads, {}, org.caller);
    expect(leads.items.map((c) => c.id)).toEqual([hot.id, warm.id, cold.id]);
    expect(leads.items.map((c) => c.leadScore.score)).toEqual([55, 51, 3]);
    expect((await call(ContactOperations.leads, { grade: 'D' }, org.caller)).items.map((c) => c.id)).toEqual([cold.id]);
    const byScore = await call(ContactOperations.list, { sort: '-leadScore', size: 2 }, org.caller);
    expect(byScore.items.map((c) => c.id)).toEqual([hot.id, warm.id]);
    const lost = await call(ContactOperations.list, { status: 'lost' }, org.caller);
    expect(lost.items[0].leadScore).toMatchObject({ score: 0, grade: 'D' });
  });
});
