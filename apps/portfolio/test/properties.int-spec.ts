import { randomUUID } from 'node:crypto';
import { PortfolioSubjects, PropertyOperations, PropertyQueryDto, PropertyResponse, UnitOperations, UsageOperations } from '@quartier/contracts-portfolio';
import { TestStack, startTestStack } from '@quartier/testing';
import { portfolioService } from '../src/portfolio.service-app';
import { organization, propertyInput, rpcFailure, send, startIdentityLimitsStub } from './support';

describe('portfolio properties over NATS', () => {
  let stack: TestStack;
  let identity: ReturnType<typeof startIdentityLimitsStub>;

  beforeAll(async () => {
    stack = await startTestStack([]);
    identity = startIdentityLimitsStub(stack.nats, stack.prefix);
    await stack.start(portfolioService);
  });
  afterAll(async () => {
    identity.stop();
    await stack.teardown();
  });

  it('creates, reads, partially updates and deletes a property with all its data', async () => {
    const org = organization(stack);
    const created = await org.property({
      status: 'for_rent',
      address: { street: 'Mariahilfer Straße', houseNumber: '12', postalCode: '1070', city: 'Wien', country: 'AT' },
      coordinates: { lat: 48.1986, lng: 16.3496 },
      livingArea: 820.5,
      plotArea: 600,
      rooms: 24.5,
      floors: 5,
      yearBuilt: 1905,
      condition: 'renovated',
      energyCertificate: { type: 'consumption', value: 92.4, energyClass: 'C', validUntil: '2032-05-31', primaryEnergySource: 'district_heating' },
      amenities: ['elevator', 'garden'],
      owner: { name: 'Erbengemeinschaft Müller', email: 'owner@example.com' },
      purchasePrice: { amountCents: 250_000_000_00, currency: 'EUR' },
      purchaseDate: '2019-03-01',
      currentValue: { amountCents: 310_000_000_00, currency: 'EUR' },
      description: 'Gründerzeithaus',
    });
    expect(created).toMatchObject({
      status: 'for_rent',
      address: { postalCode: '1070', country: 'AT', state: null },
      coordinates: { lat: 48.1986, lng: 16.3496 },
      rooms: 24.5,
      energyCertificate: { energyClass: 'C' },
      purchasePrice: { amountCents: 250_000_000_00, currency: 'EUR' },
      purchaseDate: '2019-03-01',
    });
    expect(identity.seen.at(-1)).toEqual({ request: { resource: 'properties', currentUsage: 0, adding: 1 }, organizationId: org.id });

    const fetched = await send(stack, PropertyOperations.get, { id: created.id }, org.caller);
    expect(fetched).toEqual(created);

    // `null` clears a field: past the typed client, whose DTO types have no null.
    const updated = await stack.rpc.request<PropertyResponse>(
      PortfolioSubjects.propertiesUpdate,
      { id: created.id, name: 'Renamed', description: null, currentValue: { amountCents: 1, currency: 'eur' } },
      org.caller,
    );
    expect(updated).toMatchObject({ name: 'Renamed', description: null, livingArea: 820.5, currentValue: { amountCents: 1, currency: 'EUR' } });

    // A replace (PUT) carries every required field; the service checks that, not only the gateway.
    const replaced = await send(stack, PropertyOperations.replace, { ...propertyInput({ name: 'Replaced' }), id: created.id }, org.caller);
    expect(replaced).toMatchObject({ name: 'Replaced', type: 'apartment_building', address: { city: 'Berlin' }, livingArea: 820.5 });
    const partial = await rpcFailure(stack, PortfolioSubjects.propertiesReplace, { id: created.id, name: 'Partial' }, org.caller);
    expect(new Set(partial.body.errors?.map((e) => e.field))).toEqual(new Set(['address', 'type']));

    await send(stack, PropertyOperations.delete, { id: created.id }, org.caller);
    expect((await rpcFailure(stack, PortfolioSubjects.propertiesGet, { id: created.id }, org.caller)).status).toBe(404);
  });

  it('defaults the country to DE and validates postal codes, areas and years (422 with fields)', async () => {
    const org = organization(stack);
    const created = await org.property();
    expect(created.address.country).toBe('DE');
    expect(created.status).toBe('active');

    const error = await rpcFailure(
      stack,
      PortfolioSubjects.propertiesCreate,
      propertyInput({ address: { street: 'X', postalCode: '1234', city: 'Berlin' }, livingArea: 0, yearBuilt: 3000 }),
      org.caller,
    );
    expect(error.body).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });
    expect(error.body.errors?.map((e) => e.field).sort()).toEqual(['address.postalCode', 'livingArea', 'yearBuilt']);
    expect(error.body.errors?.find((e) => e.field === 'address.postalCode')?.message).toContain('5 digits');

    const cleared = await rpcFailure(stack, PortfolioSubjects.propertiesUpdate, { id: created.id, name: null }, org.caller);
    expect(cleared.body).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });
    expect(new Set(cleared.body.errors?.map((e) => e.field))).toEqual(new Set(['name']));
  });

  it('filters, searches, sorts and paginates within the organization only', async () => {
    const org = organization(stack);
    const other = organization(stack);
    await other.property({ name: 'Foreign Berlin' });
    await org.property({ name: 'Altbau Mitte', livingArea: 300, address: { street: 'Torstraße', postalCode: '10119', city: 'Berlin' } });
    await org.property({ name: 'Neubau', type: 'house', livingArea: 150, address: { street: 'Hauptstraße', postalCode: '80331', city: 'München' } });
    await org.property({ name: 'Lager', type: 'commercial', status: 'inactive', livingArea: 900, address: { street: '50%_Weg', postalCode: '20095', city: 'hamburg' } });
    const list = (query: PropertyQueryDto) => send(stack, PropertyOperations.list, query, org.caller);

    expect((await list({})).total).toBe(3);
    expect((await list({ city: 'BERLIN' })).items.map((p) => p.name)).toEqual(['Altbau Mitte']);
    expect((await list({ type: 'house' })).items.map((p) => p.name)).toEqual(['Neubau']);
    expect((await list({ status: 'inactive' })).items.map((p) => p.name)).toEqual(['Lager']);
    expect((await list({ postalCode: '80331' })).items.map((p) => p.name)).toEqual(['Neubau']);
    expect((await list({ q: 'torstr' })).items.map((p) => p.name)).toEqual(['Altbau Mitte']);
    expect((await list({ q: '%_' })).items.map((p) => p.name)).toEqual(['Lager']);
    expect((await list({ minArea: 200, maxArea: 500 })).items.map((p) => p.name)).toEqual(['Altbau Mitte']);
    expect((await list({ sort: '-livingArea' })).items.map((p) => p.name)).toEqual(['Lager', 'Altbau Mitte', 'Neubau']);
    expect((await list({ sort: 'city,name' })).items.map((p) => p.address.city)).toEqual(['Berlin', 'hamburg', 'München']);

    const second = await list({ size: 2, page: 2, sort: 'name' });
    expect(second).toMatchObject({ total: 3, page: 2, size: 2, pages: 2 });
    expect(second.items.map((p) => p.name)).toEqual(['Neubau']);
    expect(await list({ size: 2, page: 5 })).toMatchObject({ items: [], total: 3, pages: 2 });

    const unknownSort = await rpcFailure(stack, PortfolioSubjects.propertiesList, { sort: 'name,-secret' }, org.caller);
    expect(unknownSort.body).toMatchObject({ status: 422, errors: [{ field: 'sort' }] });
    expect(unknownSort.body.errors?.[0].message).toContain('secret');
    expect((await rpcFailure(stack, PortfolioSubjects.propertiesList, { size: 101 }, org.caller)).status).toBe(422);
  });

  it("answers another organization's property ids like missing ones (404)", async () => {
    const owner = organization(stack);
    const intruder = organization(stack);
    const property = await owner.property();
    for (const [subject, data] of [
      [PortfolioSubjects.propertiesGet, { id: property.id }],
      [PortfolioSubjects.propertiesUpdate, { id: property.id, name: 'Mine now' }],
      [PortfolioSubjects.propertiesDelete, { id: property.id, cascade: true }],
      [PortfolioSubjects.buildingsCreate, { propertyId: property.id, name: 'Sneaky', floors: 2 }],
    ] as const) {
      const error = await rpcFailure(stack, subject, data, intruder.caller);
      expect(error.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    }
    expect((await send(stack, PropertyOperations.get, { id: property.id }, owner.caller)).name).toBe(property.name);
    expect((await rpcFailure(stack, PortfolioSubjects.propertiesGet, { id: randomUUID() }, owner.caller)).status).toBe(404);
  });

  it('refuses to delete a property with buildings (409) unless cascade, which removes everything below', async () => {
    const org = organization(stack);
    const property = await org.property();
    const building = await org.building(property.id);
    const unit = await org.unit(building.id);
    await send(stack, UnitOperations.changeStatus, { id: unit.id, status: 'maintenance' }, org.caller);

    const refused = await rpcFailure(stack, PortfolioSubjects.propertiesDelete, { id: property.id }, org.caller);
    expect(refused.body).toMatchObject({ status: 409, code: 'PROPERTY_HAS_BUILDINGS', details: { buildings: 1 } });
    expect(await send(stack, UsageOperations.get, {}, org.caller)).toEqual({ properties: 1, buildings: 1, units: 1, documents: 0, storageBytes: 0 });

    expect(await send(stack, PropertyOperations.delete, { id: property.id, cascade: true }, org.caller)).toEqual({ deleted: true });
    expect(await send(stack, UsageOperations.get, {}, org.caller)).toEqual({ properties: 0, buildings: 0, units: 0, documents: 0, storageBytes: 0 });
    expect((await rpcFailure(stack, PortfolioSubjects.unitsHistory, { id: unit.id }, org.caller)).status).toBe(404);
  });

  it('stops at the plan limit: the 11th property on starter is 402 PLAN_LIMIT_REACHED', async () => {
    const org = organization(stack);
    await Promise.all(Array.from({ length: 10 }, (_, i) => org.property({ name: `Haus ${i + 1}` })));
    const error = await rpcFailure(stack, PortfolioSubjects.propertiesCreate, propertyInput({ name: 'Haus 11' }), org.caller);
    expect(error.body).toMatchObject({ status: 402, code: 'PLAN_LIMIT_REACHED' });
    expect((await send(stack, UsageOperations.get, {}, org.caller)).properties).toBe(10);
    // Another organization is not affected.
    await expect(organization(stack).property()).resolves.toMatchObject({ name: 'Invalidenstraße 117' });
  });
});
