import { randomUUID } from 'node:crypto';
import { BuildingOperations, BuildingQueryDto, BuildingResponse, PortfolioSubjects, UnitOperations, UnitQueryDto, UnitResponse } from '@quartier/contracts-portfolio';
import { TestStack, startTestStack } from '@quartier/testing';
import { portfolioService } from '../src/portfolio.service-app';
import { organization, rpcFailure, send, startIdentityLimitsStub } from './support';

describe('portfolio buildings and units over NATS', () => {
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

  it('manages buildings of a property, with filters and a floor count that cannot drop below its units', async () => {
    const org = organization(stack);
    const property = await org.property();
    const otherProperty = await org.property({ name: 'Zweites Haus' });
    const front = await org.building(property.id, {
      name: 'Vorderhaus',
      floors: 5,
      elevator: true,
      heatingType: 'district',
      address: { street: 'Invalidenstraße', houseNumber: '117a', postalCode: '10115', city: 'Berlin' },
    });
    await org.building(property.id, { name: 'Hinterhaus', floors: 3 });
    await org.building(otherProperty.id, { name: 'Gartenhaus', floors: 2 });
    expect(front).toMatchObject({ propertyId: property.id, floors: 5, elevator: true, heatingType: 'district', address: { houseNumber: '117a', country: 'DE' } });

    const list = (query: BuildingQueryDto) => send(stack, BuildingOperations.list, query, org.caller);
    expect((await list({ propertyId: property.id, sort: 'name' })).items.map((b) => b.name)).toEqual(['Hinterhaus', 'Vorderhaus']);
    expect((await list({ q: 'garten' })).items.map((b) => b.name)).toEqual(['Gartenhaus']);
    expect((await rpcFailure(stack, PortfolioSubjects.buildingsList, { sort: 'secret' }, org.caller)).status).toBe(422);

    await org.unit(front.id, { floor: 4 });
    const shrink = await rpcFailure(stack, PortfolioSubjects.buildingsUpdate, { id: front.id, floors: 3 }, org.caller);
    expect(shrink.body).toMatchObject({ status: 422, errors: [{ field: 'floors' }] });
    // `null` clears a field: past the typed client, whose DTO types have no null.
    const updated = await stack.rpc.request<BuildingResponse>(PortfolioSubjects.buildingsUpdate, { id: front.id, floors: 4, address: null }, org.caller);
    expect(updated).toMatchObject({ floors: 4, address: null, elevator: true });
    const replaced = await send(stack, BuildingOperations.replace, { id: front.id, name: 'Vorderhaus Neu', floors: 4 }, org.caller);
    expect(replaced).toMatchObject({ name: 'Vorderhaus Neu', floors: 4, propertyId: property.id });
    // The property is not part of a replace: a building does not move.
    const moved = await rpcFailure(stack, PortfolioSubjects.buildingsReplace, { id: front.id, propertyId: otherProperty.id, name: 'X', floors: 4 }, org.caller);
    expect(moved.status).toBe(422);

    const missingProperty = await rpcFailure(stack, PortfolioSubjects.buildingsCreate, { propertyId: randomUUID(), name: 'X', floors: 1 }, org.caller);
    expect(missingProperty.status).toBe(404);
    const invalid = await rpcFailure(stack, PortfolioSubjects.buildingsCreate, { propertyId: property.id, name: 'X', floors: 0 }, org.caller);
    expect(invalid.body).toMatchObject({ status: 422, errors: [{ field: 'floors' }] });
  });

  it('refuses to delete a building with units (409) unless cascade', async () => {
    const org = organization(stack);
    const building = await org.building((await org.property()).id);
    const unit = await org.unit(building.id);
    const refused = await rpcFailure(stack, PortfolioSubjects.buildingsDelete, { id: building.id }, org.caller);
    expect(refused.body).toMatchObject({ status: 409, code: 'BUILDING_HAS_UNITS', details: { units: 1 } });
    await send(stack, BuildingOperations.delete, { id: building.id, cascade: true }, org.caller);
    expect((await rpcFailure(stack, PortfolioSubjects.unitsGet, { id: unit.id }, org.caller)).status).toBe(404);
    expect((await rpcFailure(stack, PortfolioSubjects.buildingsGet, { id: building.id }, org.caller)).status).toBe(404);
  });

  it('creates units on valid floors only and keeps unit numbers unique per building', async () => {
    const org = organization(stack);
    const property = await org.property();
    const building = await org.building(property.id, { floors: 3 });
    const basement = await org.unit(building.id, {
      number: 'K-01',
      floor: -5,
      type: 'storage',
      area: 8.5,
      targetRent: { amountCents: 4500, currency: 'EUR' },
      features: ['lockable'],
    });
    expect(basement).toMatchObject({ propertyId: property.id, buildingId: building.id, floor: -5, status: 'vacant', targetRent: { amountCents: 4500 } });

    const tooHigh = await rpcFailure(stack, PortfolioSubjects.unitsCreate, { buildingId: building.id, number: 'D-1', floor: 4, type: 'apartment', area: 50 }, org.caller);
    expect(tooHigh.body).toMatchObject({ status: 422, errors: [{ field: 'floor', message: "floor must be between -5 and the building's 3 floors" }] });
    const noArea = await rpcFailure(stack, PortfolioSubjects.unitsCreate, { buildingId: building.id, number: 'D-2', floor: 1, type: 'apartment', area: 0 }, org.caller);
    expect(noArea.body).toMatchObject({ status: 422, errors: [{ field: 'area' }] });
    const taken = await rpcFailure(stack, PortfolioSubjects.unitsCreate, { buildingId: building.id, number: 'K-01', floor: -1, type: 'storage', area: 5 }, org.caller);
    expect(taken.body).toMatchObject({ status: 409, code: 'UNIT_NUMBER_TAKEN' });
    const movedUp = await rpcFailure(stack, PortfolioSubjects.unitsUpdate, { id: basement.id, floor: 7 }, org.caller);
    expect(movedUp.body).toMatchObject({ status: 422, errors: [{ field: 'floor' }] });

    // `null` clears a field: past the typed client, whose DTO types have no null.
    const updated = await stack.rpc.request<UnitResponse>(PortfolioSubjects.unitsUpdate, { id: basement.id, area: 9, targetRent: null }, org.caller);
    expect(updated).toMatchObject({ area: 9, targetRent: null, number: 'K-01' });
    const replaced = await send(stack, UnitOperations.replace, { id: basement.id, number: 'K-02', floor: -1, type: 'storage', area: 10 }, org.caller);
    expect(replaced).toMatchObject({ number: 'K-02', floor: -1, area: 10, buildingId: building.id });
    expect((await rpcFailure(stack, PortfolioSubjects.unitsReplace, { id: basement.id, area: 11 }, org.caller)).status).toBe(422);
    await send(stack, UnitOperations.delete, { id: basement.id }, org.caller);
    expect((await rpcFailure(stack, PortfolioSubjects.unitsDelete, { id: basement.id }, org.caller)).status).toBe(404);
  });

  it('lists units with filters, pagination and sorting, and the vacant ones as available', async () => {
    const org = organization(stack);
    const property = await org.property();
    const a = await org.building(property.id, { name: 'A', floors: 6 });
    const b = await org.building((await org.property({ name: 'Other' })).id, { name: 'B', floors: 6 });
    const rent = (cents: number) => ({ amountCents: cents, currency: 'EUR' });
    await org.unit(a.id, { number: '1', area: 40, rooms: 1.5, targetRent: rent(60000) });
    await org.unit(a.id, { number: '2', area: 75, rooms: 3, targetRent: rent(110000), status: 'occupied' });
    await org.unit(a.id, { number: '3', area: 95, rooms: 4, targetRent: rent(150000), type: 'office' });
    await org.unit(b.id, { number: '4', area: 20, type: 'parking', targetRent: rent(8000) });
    const decoy = organization(stack);
    await decoy.unit((await decoy.building((await decoy.property()).id)).id, { number: '0', area: 50 });
    const list = (query: UnitQueryDto) => send(stack, UnitOperations.list, query, org.caller);
    const numbers = async (query: UnitQueryDto) => (await list({ sort: 'number', ...query })).items.map((u) => u.number);

    expect(await numbers({})).toEqual(['1', '2', '3', '4']);
    const [first] = (await list({ sort: 'number', size: 1 })).items;
    expect(first).toEqual(await send(stack, UnitOperations.get, { id: first.id }, org.caller));
    expect(await numbers({ propertyId: property.id })).toEqual(['1', '2', '3']);
    expect(await numbers({ buildingId: b.id })).toEqual(['4']);
    expect(await numbers({ status: 'occupied' })).toEqual(['2']);
    expect(await numbers({ type: 'office' })).toEqual(['3']);
    expect(await numbers({ minRent: 60000, maxRent: 110000 })).toEqual(['1', '2']);
    expect(await numbers({ minArea: 30, maxArea: 80 })).toEqual(['1', '2']);
    expect(await numbers({ rooms: 3 })).toEqual(['2']);
    expect(await numbers({ minRooms: 3 })).toEqual(['2', '3']);
    expect((await list({ sort: '-targetRent' })).items.map((u) => u.number)).toEqual(['3', '2', '1', '4']);
    expect(await list({ size: 3, page: 2, sort: 'area' })).toMatchObject({ total: 4, pages: 2, page: 2, size: 3, items: [{ number: '3' }] });

    const available = await send(stack, UnitOperations.available, { propertyId: property.id, sort: 'number' }, org.caller);
    expect(available.items.map((u) => u.number)).toEqual(['1', '3']);
    expect((await rpcFailure(stack, PortfolioSubjects.unitsAvailable, { status: 'occupied' }, org.caller)).status).toBe(422);
    const badSort = await rpcFailure(stack, PortfolioSubjects.unitsList, { sort: '-organizationId' }, org.caller);
    expect(badSort.body).toMatchObject({ status: 422, code: 'VALIDATION_FAILED', errors: [{ field: 'sort' }] });
  });

  it('records every status change in the history, newest first, and refuses invalid transitions', async () => {
    const org = organization(stack);
    const unit = await org.unit((await org.building((await org.property()).id)).id);
    await send(stack, UnitOperations.changeStatus, { id: unit.id, status: 'reserved', reason: 'Viewing on Monday' }, org.caller);
    const occupied = await send(stack, UnitOperations.update, { id: unit.id, status: 'occupied' }, org.caller);
    expect(occupied.status).toBe('occupied');

    const invalid = await rpcFailure(stack, PortfolioSubjects.unitsChangeStatus, { id: unit.id, status: 'reserved' }, org.caller);
    expect(invalid.body).toMatchObject({ status: 409, code: 'UNIT_STATUS_TRANSITION_INVALID', details: { from: 'occupied', to: 'reserved', allowed: ['vacant', 'maintenance'] } });

    const history = await send(stack, UnitOperations.history, { id: unit.id }, org.caller);
    expect(history.total).toBe(3);
    expect(history.items.map((h) => [h.fromStatus, h.toStatus, h.source, h.reason])).toEqual([
      ['reserved', 'occupied', 'manual', null],
      ['vacant', 'reserved', 'manual', 'Viewing on Monday'],
      [null, 'vacant', 'created', null],
    ]);
    expect(history.items[0].changedBy).toBe(org.caller.userId);
    const paged = await send(stack, UnitOperations.history, { id: unit.id, size: 1, page: 2 }, org.caller);
    expect(paged).toMatchObject({ total: 3, pages: 3, items: [{ toStatus: 'reserved' }] });
  });

  it("answers another organization's building and unit ids like missing ones (404)", async () => {
    const owner = organization(stack);
    const intruder = organization(stack);
    const building = await owner.building((await owner.property()).id);
    const unit = await owner.unit(building.id);
    const attempts: [string, object][] = [
      [PortfolioSubjects.buildingsGet, { id: building.id }],
      [PortfolioSubjects.buildingsUpdate, { id: building.id, name: 'Mine' }],
      [PortfolioSubjects.buildingsDelete, { id: building.id, cascade: true }],
      [PortfolioSubjects.unitsCreate, { buildingId: building.id, number: 'X', floor: 1, type: 'apartment', area: 30 }],
      [PortfolioSubjects.unitsGet, { id: unit.id }],
      [PortfolioSubjects.unitsUpdate, { id: unit.id, area: 1 }],
      [PortfolioSubjects.unitsDelete, { id: unit.id }],
      [PortfolioSubjects.unitsHistory, { id: unit.id }],
      [PortfolioSubjects.unitsChangeStatus, { id: unit.id, status: 'maintenance' }],
    ];
    for (const [subject, data] of attempts) {
      const error = await rpcFailure(stack, subject, data, intruder.caller);
      expect({ subject, status: error.status, code: error.code }).toEqual({ subject, status: 404, code: 'NOT_FOUND' });
    }
    expect((await send(stack, UnitOperations.list, {}, intruder.caller)).total).toBe(0);
    expect(await send(stack, UnitOperations.get, { id: unit.id }, owner.caller)).toMatchObject({ area: 60, status: 'vacant' });
  });
});
