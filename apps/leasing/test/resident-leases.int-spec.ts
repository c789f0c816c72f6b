import { randomUUID } from 'node:crypto';
import { LeaseOperations, LeaseView, TenantOperations } from '@quartier/contracts-leasing';
import { AnyOperation, OrgCaller, RequestOf, ResponseOf } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';
import { TestStack, startTestStack, testCaller } from '@quartier/testing';
import { leasingService } from '../src/leasing.service-app';
import { failure, fakePortfolioUnits } from './support';

/** What workorders asks before it accepts a resident's request: the resident's active leases. */
describe('leasing: active leases of a resident', () => {
  let stack: TestStack;
  const organizationId = randomUUID();
  const owner: OrgCaller = testCaller(organizationId);
  const propertyId = randomUUID();
  const [rented, pendingUnit, endedUnit, neighbourUnit] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const units = new Map([rented, pendingUnit, endedUnit, neighbourUnit].map((id) => [id, { propertyId }]));
  const resident = testCaller(organizationId, { roles: ['resident'], scopes: ['read'] });
  const neighbour = testCaller(organizationId, { roles: ['resident'], scopes: ['read'] });
  let activeLease: LeaseView;

  beforeAll(async () => {
    stack = await startTestStack([], { RENT_JOB_INTERVAL_MS: '0' });
    fakePortfolioUnits(stack.nats, stack.prefix, units);
    await stack.start(leasingService);
    const tenant = await call(TenantOperations.create, { firstName: 'Rita', lastName: 'Resident', email: 'rita@example.com', userId: resident.userId });
    const other = await call(TenantOperations.create, { firstName: 'Nils', lastName: 'Neighbour', email: 'nils@example.com', userId: neighbour.userId });
    activeLease = await lease(tenant.id, rented, '2026-01-01');
    await call(LeaseOperations.activate, { id: activeLease.id });
    await lease(tenant.id, pendingUnit, '2031-01-01');
    const ended = await lease(tenant.id, endedUnit, '2024-01-01', '2024-12-31');
    await call(LeaseOperations.activate, { id: ended.id });
    await call(LeaseOperations.terminate, { id: ended.id, date: '2024-06-30', reason: 'moved within the house' });
    await call(LeaseOperations.activate, { id: (await lease(other.id, neighbourUnit, '2026-01-01')).id });
  });
  afterAll(() => stack.teardown());

  function call<Operation extends AnyOperation>(operation: Operation, payload: RequestOf<Operation>, caller: OrgCaller = owner): Promise<ResponseOf<Operation>> {
    return new OperationClient(stack.rpc).send(operation, payload, caller);
  }
  function lease(tenantId: string, unitId: string, startDate: string, endDate?: string): Promise<LeaseView> {
    return call(LeaseOperations.create, { tenantId, unitId, startDate, endDate, coldRentCents: 80_000 });
  }
  const ask = (userId: string, caller: OrgCaller) => call(LeaseOperations.activeForResident, { userId }, caller);

  it('answers only the active leases of the tenant linked to the user, with their units', async () => {
    expect(await ask(resident.userId, resident)).toEqual({ items: [{ leaseId: activeLease.id, unitId: rented }] });
  });

  it('answers no leases for a user linked to no tenant, or in another organization', async () => {
    expect(await ask(randomUUID(), owner)).toEqual({ items: [] });
    const stranger = testCaller(randomUUID(), { userId: resident.userId, roles: ['resident'], scopes: ['read'] });
    expect(await ask(resident.userId, stranger)).toEqual({ items: [] });
  });

  it("never tells a resident about another user's leases", async () => {
    expect(await ask(neighbour.userId, resident)).toEqual({ items: [] });
    expect((await ask(neighbour.userId, owner)).items.map((item) => item.unitId)).toEqual([neighbourUnit]);
  });

  it('refuses a request without a valid user id (422)', async () => {
    expect(await failure(call(LeaseOperations.activeForResident, { userId: 'someone' }))).toMatchObject({ status: 422 });
  });
});
