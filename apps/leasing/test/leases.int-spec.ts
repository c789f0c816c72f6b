import { randomUUID } from 'node:crypto';
import { LeaseEvent, LeaseOperations, TenantOperations } from '@quartier/contracts-leasing';
import { AnyOperation, DomainEvent, OrgCaller, RequestOf, ResponseOf } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';
import { TestStack, startTestStack, testCaller, waitFor } from '@quartier/testing';
import { leasingService } from '../src/leasing.service-app';
import { addDays, todayIn } from '../src/modules/shared/iso-date';
import { collectEvents, failure, fakePortfolioUnits } from './support';

describe('leasing: tenants and leases over NATS', () => {
  let stack: TestStack;
  let events: DomainEvent[];
  const organizationId = randomUUID();
  const owner: OrgCaller = testCaller(organizationId);
  const unitA = randomUUID();
  const unitB = randomUUID();
  const propertyId = randomUUID();
  const today = todayIn('Europe/Berlin');
  const units = new Map([unitA, unitB].map((id) => [id, { propertyId }]));
  const newUnit = (): string => {
    const id = randomUUID();
    units.set(id, { propertyId });
    return id;
  };

  beforeAll(async () => {
    stack = await startTestStack([], { RENT_JOB_INTERVAL_MS: '0', OUTBOX_INTERVAL_MS: '50' });
    fakePortfolioUnits(stack.nats, stack.prefix, units);
    events = collectEvents(stack.nats, stack.prefix);
    await stack.start(leasingService);
  });
  afterAll(() => stack.teardown());

  const call = <Operation extends AnyOperation>(operation: Operation, payload: RequestOf<Operation>, caller: OrgCaller = owner): Promise<ResponseOf<Operation>> =>
    new OperationClient(stack.rpc).send(operation, payload, caller);
  const newTenant = (email: string, extra: Record<string, unknown> = {}) =>
    call(TenantOperations.create, { firstName: 'Erika', lastName: 'Muster', email, ...extra });
  const lease = (tenantId: string, unitId: string, startDate: string, endDate?: string, extra: Record<string, unknown> = {}) =>
    call(LeaseOperations.create, { unitId, tenantId, startDate, endDate, coldRentCents: 90_000, serviceChargeCents: 20_000, ...extra });

  it('creates tenants, finds them by search and status, and refuses a duplicate email (409)', async () => {
    const tenant = await newTenant('erika@example.com', { phone: '+49 30 1' });
    expect(tenant).toMatchObject({ status: 'applicant', email: 'erika@example.com' });
    expect(await failure(newTenant('ERIKA@example.com'))).toMatchObject({ status: 409, code: 'TENANT_EMAIL_TAKEN' });
    await newTenant('otto@example.com', { firstName: 'Otto', status: 'former' });
    const found = await call(TenantOperations.list, { search: 'otto' });
    expect(found.items.map((t) => t.firstName)).toEqual(['Otto']);
    const former = await call(TenantOperations.list, { status: 'former' });
    expect(former.total).toBe(1);
    expect(await failure(call(TenantOperations.list, { sort: 'shoeSize' }))).toMatchObject({ status: 422 });
    // Same email in another organization is fine.
    await call(TenantOperations.create, { firstName: 'E', lastName: 'M', email: 'erika@example.com' }, testCaller(randomUUID()));
  });

  it('validates a new lease: unit and tenant must exist, end after start', async () => {
    const tenant = await newTenant('lena@example.com');
    expect(await failure(lease(tenant.id, randomUUID(), '2026-01-01'))).toMatchObject({ status: 404, code: 'UNIT_NOT_FOUND' });
    expect(await failure(lease(randomUUID(), unitA, '2026-01-01'))).toMatchObject({ status: 404 });
    const backwards = await failure(lease(tenant.id, unitA, '2026-05-01', '2026-04-30'));
    expect(backwards).toMatchObject({ status: 422 });
    expect(backwards.errors?.map((e) => e.field)).toEqual(['endDate']);
  });

  it('refuses a monthly rent beyond what one charge holds (422), on create, update and renewal', async () => {
    const tenant = await newTenant('huge@example.com');
    const unit = newUnit();
    const tooHigh = { coldRentCents: 2_000_000_000, serviceChargeCents: 200_000_000 };
    const refused = await failure(lease(tenant.id, unit, '2025-01-01', '2025-12-31', tooHigh));
    expect([refused.status, refused.errors?.map((e) => e.field)]).toEqual([422, ['coldRentCents']]);
    const created = await lease(tenant.id, unit, '2025-01-01', '2025-12-31');
    expect(await failure(call(LeaseOperations.update, { id: created.id, heatingCents: 2_147_400_000 }))).toMatchObject({ status: 422 });
    const steps = [{ effectiveFrom: '2025-07-01', coldRentCents: 2_147_470_000 }];
    expect(await failure(call(LeaseOperations.update, { id: created.id, rentSteps: steps }))).toMatchObject({ status: 422 });
    await call(LeaseOperations.activate, { id: created.id });
    expect(await failure(call(LeaseOperations.renew, { id: created.id, endDate: '2026-12-31', coldRentCents: 2_147_470_000 }))).toMatchObject({ status: 422 });
    expect(await call(LeaseOperations.get, { id: created.id })).toMatchObject({ coldRentCents: 90_000, heatingCents: 0, rentSteps: [], endDate: '2025-12-31' });
  });

  it('checks the overlap of a lease made open-ended by clearing its end date', async () => {
    const tenant = await newTenant('open@example.com');
    const unit = newUnit();
    const first = await lease(tenant.id, unit, '2025-01-01', '2025-06-30');
    await lease(tenant.id, unit, '2025-07-01', '2025-12-31');
    const cleared = { id: first.id, endDate: null } as unknown as RequestOf<typeof LeaseOperations.update>;
    expect(await failure(call(LeaseOperations.update, cleared))).toMatchObject({ status: 409, code: 'LEASE_OVERLAP' });
  });

  it('refuses an overlapping pending or active lease on the same unit, naming it (409)', async () => {
    const tenant = await newTenant('max@example.com');
    const first = await lease(tenant.id, unitA, '2025-01-01', '2025-12-31');
    expect(first.status).toBe('pending');
    const clash = await failure(lease(tenant.id, unitA, '2025-12-01', '2026-06-30'));
    expect(clash).toMatchObject({ status: 409, code: 'LEASE_OVERLAP', details: { conflictingLeaseId: first.id, startDate: '2025-01-01', endDate: '2025-12-31' } });
    expect(clash.message).toContain(first.id);
    // The day after the end is free; another unit is free.
    await expect(lease(tenant.id, unitA, '2026-01-01', '2026-03-31')).resolves.toMatchObject({ status: 'pending' });
    await expect(lease(tenant.id, unitB, '2025-06-01')).resolves.toMatchObject({ status: 'pending' });
  });

  it('activates, terminates and publishes lifecycle events through the outbox', async () => {
    const tenant = await newTenant('paula@example.com');
    const unit = newUnit();
    const created = await lease(tenant.id, unit, '2030-01-01', '2030-12-31');
    expect(await failure(call(LeaseOperations.terminate, { id: created.id, date: '2030-06-30', reason: 'x' }))).toMatchObject({
      status: 409,
      code: 'INVALID_LEASE_TRANSITION',
    });
    const clash = await failure(call(LeaseOperations.create, { unitId: unit, tenantId: tenant.id, startDate: '2020-01-01', coldRentCents: 1 }));
    expect(clash.status).toBe(409);
    const active = await call(LeaseOperations.activate, { id: created.id });
    expect(active.status).toBe('active');
    expect((await call(TenantOperations.get, { id: tenant.id })).status).toBe('active');
    expect(await failure(call(LeaseOperations.terminate, { id: created.id, date: '2029-12-31', reason: 'x' }))).toMatchObject({ status: 422 });
    const terminated = await call(LeaseOperations.terminate, { id: created.id, date: '2030-06-30', reason: 'Moving abroad' });
    expect(terminated).toMatchObject({ status: 'terminated', endDate: '2030-06-30', terminationReason: 'Moving abroad' });
    expect((await call(TenantOperations.get, { id: tenant.id })).status).toBe('former');
    await waitFor(() => events.filter((e) => (e.payload as { leaseId: string }).leaseId === created.id).length === 2);
    const mine = events.filter((e) => (e.payload as { leaseId: string }).leaseId === created.id);
    expect(mine.map((e) => e.type)).toEqual([LeaseEvent.ACTIVATED, LeaseEvent.TERMINATED]);
    expect(mine[1]).toMatchObject({ organizationId, payload: { unitId: unit, tenantId: tenant.id, endDate: '2030-06-30', propertyId } });
  });

  it('renews an active lease from the day after its end, with a new rent', async () => {
    const tenant = await newTenant('ren@example.com');
    const unit = newUnit();
    const created = await lease(tenant.id, unit, '2024-01-01', '2024-12-31');
    expect(await failure(call(LeaseOperations.renew, { id: created.id, endDate: '2025-12-31' }))).toMatchObject({ status: 409 });
    await call(LeaseOperations.activate, { id: created.id });
    expect(await failure(call(LeaseOperations.renew, { id: created.id, endDate: '2024-06-30' }))).toMatchObject({ status: 422 });
    const renewed = await call(LeaseOperations.renew, { id: created.id, endDate: '2025-12-31', coldRentCents: 95_000 });
    expect(renewed).toMatchObject({ status: 'active', endDate: '2025-12-31', rentSteps: [{ effectiveFrom: '2025-01-01', coldRentCents: 95_000 }] });
    expect(renewed.renewals).toMatchObject([{ previousEndDate: '2024-12-31', startDate: '2025-01-01', endDate: '2025-12-31', coldRentCents: 95_000 }]);
  });

  it('lists active and expiring leases, and the lifecycle job activates and expires by date', async () => {
    const tenant = await newTenant('exp@example.com');
    const soon = newUnit();
    const later = newUnit();
    const ending = await lease(tenant.id, soon, addDays(today, -100), addDays(today, 10));
    const long = await lease(tenant.id, later, addDays(today, -100), addDays(today, 300));
    const run = await call(LeaseOperations.lifecycleRun, {});
    expect(run.activated).toBeGreaterThanOrEqual(2);
    const expiring = await call(LeaseOperations.expiring, { days: 30 });
    expect(expiring.items.map((l) => l.id)).toContain(ending.id);
    expect(expiring.items.map((l) => l.id)).not.toContain(long.id);
    const active = await call(LeaseOperations.active, { size: 100 });
    expect(active.items.every((l) => l.status === 'active')).toBe(true);
    const expiredRun = await call(LeaseOperations.lifecycleRun, { asOf: addDays(today, 11) });
    expect(expiredRun.expired).toBeGreaterThanOrEqual(1);
    expect((await call(LeaseOperations.get, { id: ending.id })).status).toBe('expired');
    await waitFor(() => events.some((e) => e.type === LeaseEvent.EXPIRED && (e.payload as { leaseId: string }).leaseId === ending.id));
    // An expired lease can be renewed: it becomes active again.
    const renewed = await call(LeaseOperations.renew, { id: ending.id, endDate: addDays(today, 400) });
    expect(renewed.status).toBe('active');
  });

  it('answers another organization and other residents with 404', async () => {
    const userId = randomUUID();
    const resident = await newTenant('resi@example.com', { userId });
    const neighbour = await newTenant('nachbar@example.com');
    const unit = newUnit();
    const unit2 = newUnit();
    const own = await lease(resident.id, unit, '2026-01-01');
    const other = await lease(neighbour.id, unit2, '2026-01-01');

    const stranger = testCaller(randomUUID());
    expect(await failure(call(LeaseOperations.get, { id: own.id }, stranger))).toMatchObject({ status: 404 });
    expect(await failure(call(TenantOperations.get, { id: resident.id }, stranger))).toMatchObject({ status: 404 });
    expect(await failure(call(LeaseOperations.terminate, { id: own.id, date: '2026-02-01', reason: 'x' }, stranger))).toMatchObject({ status: 404 });

    expect(await failure(call(TenantOperations.update, { id: neighbour.id, userId }))).toMatchObject({ status: 409, message: expect.stringContaining('user account') });
    const residentCaller = testCaller(organizationId, { userId, roles: ['resident'], scopes: ['read'] });
    expect((await call(TenantOperations.me, {}, residentCaller)).id).toBe(resident.id);
    const updated = await call(TenantOperations.updateMe, { phone: '+49 1' }, residentCaller);
    expect(updated.phone).toBe('+49 1');
    const visible = await call(LeaseOperations.list, { size: 100 }, residentCaller);
    expect(visible.items.map((l) => l.id)).toEqual([own.id]);
    expect(await failure(call(LeaseOperations.get, { id: other.id }, residentCaller))).toMatchObject({ status: 404 });
    expect(await failure(call(TenantOperations.get, { id: neighbour.id }, residentCaller))).toMatchObject({ status: 404 });
    const tenants = await call(TenantOperations.list, {}, residentCaller);
    expect(tenants.items.map((t) => t.id)).toEqual([resident.id]);
  });
});
