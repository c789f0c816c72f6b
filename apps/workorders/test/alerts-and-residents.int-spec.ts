import { randomUUID } from 'node:crypto';
import { Subscription } from 'nats';
import { AlertEvent, AlertPayload } from '@quartier/contracts-iot';
import { ActiveLeasesForResidentRequest, ActiveLeasesForResidentResponse, LeasingSubjects } from '@quartier/contracts-leasing';
import { AnyOperation, DomainEvent, OrgCaller, Page, RequestOf, ResponseOf } from '@quartier/contracts-shared';
import { WorkOrderErrorCode, WorkOrderOperations, WorkOrderView } from '@quartier/contracts-workorders';
import { OperationClient, publishEvent } from '@quartier/messaging';
import { TestStack, rpcFailure, startTestStack, testCaller, waitFor } from '@quartier/testing';
import { workordersService } from '../src/workorders.service-app';
import { respond } from './helpers';

function alertEvent(organizationId: string, payload: Partial<AlertPayload>): DomainEvent<AlertPayload> {
  return {
    id: randomUUID(),
    type: AlertEvent.RAISED,
    organizationId,
    occurredAt: new Date().toISOString(),
    payload: {
      alertId: randomUUID(),
      deviceId: randomUUID(),
      unitId: randomUUID(),
      severity: 'critical',
      kind: 'threshold',
      title: 'Water leak detected',
      message: 'Leak sensor in the bathroom reports water',
      raisedAt: new Date().toISOString(),
      ...payload,
    },
  };
}

describe('iot alerts open work orders', () => {
  let stack: TestStack;
  const org = randomUUID();
  const staff = testCaller(org);

  beforeAll(async () => {
    stack = await startTestStack([workordersService]);
  });
  afterAll(() => stack.teardown());

  const forUnit = (unitId: string): Promise<Page<WorkOrderView>> =>
    new OperationClient(stack.rpc).send(WorkOrderOperations.byUnit, { unitId }, staff);

  it('opens exactly one emergency work order per critical alert, even when the alert arrives twice', async () => {
    const event = alertEvent(org, {});
    await publishEvent(stack.nats, stack.prefix, event);
    // The same alert again, once as a redelivered event and once re-published under a new event id.
    await publishEvent(stack.nats, stack.prefix, event);
    await publishEvent(stack.nats, stack.prefix, { ...event, id: randomUUID() });
    const unitId = event.payload.unitId as string;
    await waitFor(async () => (await forUnit(unitId)).total > 0);
    // Give the duplicates time to be handled before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const page = await forUnit(unitId);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      title: 'Alert: Water leak detected',
      priority: 'emergency',
      status: 'open',
      source: 'iot_alert',
      sourceAlertId: event.payload.alertId,
    });
    const timeline = await new OperationClient(stack.rpc).send(WorkOrderOperations.timeline, { id: page.items[0].id }, staff);
    expect(timeline[0]).toMatchObject({ type: 'created', actorUserId: null, data: { alertId: event.payload.alertId, severity: 'critical' } });
  });

  it('opens a high-priority work order for a high alert and none for lower severities or alerts without a unit', async () => {
    const high = alertEvent(org, { severity: 'high' });
    const medium = alertEvent(org, { severity: 'medium' });
    const noUnit = alertEvent(org, { unitId: undefined });
    await publishEvent(stack.nats, stack.prefix, medium);
    await publishEvent(stack.nats, stack.prefix, noUnit);
    await publishEvent(stack.nats, stack.prefix, high);
    await waitFor(async () => (await forUnit(high.payload.unitId as string)).total === 1);
    expect((await forUnit(high.payload.unitId as string)).items[0].priority).toBe('high');
    expect((await forUnit(medium.payload.unitId as string)).total).toBe(0);
    const all = await new OperationClient(stack.rpc).send(WorkOrderOperations.list, { size: 100 }, staff);
    expect(all.items.filter((w) => w.source === 'iot_alert')).toHaveLength(2);
  });

  it('opens the work order for an alert raised while workorders was down, once it is back', async () => {
    await stack.stop(workordersService.name);
    const event = alertEvent(org, { severity: 'high' });
    await publishEvent(stack.nats, stack.prefix, event);
    await stack.start(workordersService);
    await waitFor(async () => (await forUnit(event.payload.unitId as string)).total === 1);
    expect((await forUnit(event.payload.unitId as string)).items[0].sourceAlertId).toBe(event.payload.alertId);
  });
});

describe('resident requests', () => {
  let stack: TestStack;
  let leasing: Subscription;
  const org = randomUUID();
  const rentedUnit = randomUUID();
  const otherUnit = randomUUID();
  const staff = testCaller(org, { roles: ['manager'] });
  let resident: OrgCaller;
  let neighbour: OrgCaller;
  const asked: ActiveLeasesForResidentRequest[] = [];

  beforeAll(async () => {
    stack = await startTestStack([workordersService]);
    resident = testCaller(org, { roles: ['resident'], scopes: ['read'] });
    neighbour = testCaller(org, { roles: ['resident'], scopes: ['read'] });
    const leases: Record<string, string[]> = { [resident.userId]: [rentedUnit], [neighbour.userId]: [otherUnit] };
    leasing = respond(stack.nats, stack.prefix, LeasingSubjects.leasesActiveForResident, (data) => {
      const request = data as ActiveLeasesForResidentRequest;
      asked.push(request);
      const response: ActiveLeasesForResidentResponse = {
        items: (leases[request.userId] ?? []).map((unitId) => ({ leaseId: randomUUID(), unitId })),
      };
      return response;
    });
  });
  afterAll(async () => {
    leasing.unsubscribe();
    await stack.teardown();
  });

  const call = <Operation extends AnyOperation>(operation: Operation, payload: RequestOf<Operation>, caller: OrgCaller): Promise<ResponseOf<Operation>> =>
    new OperationClient(stack.rpc).send(operation, payload, caller);

  it('accepts a request for a unit the resident rents, asking leasing', async () => {
    const created = await call(WorkOrderOperations.create, { title: 'Window does not close', unitId: rentedUnit }, resident);
    expect(created).toMatchObject({ source: 'resident', requestedByUserId: resident.userId, unitId: rentedUnit, status: 'open' });
    expect(asked.at(-1)).toEqual({ userId: resident.userId });
  });

  it('refuses a request for a unit without an active lease, or without a unit (422)', async () => {
    const notTheirs = await rpcFailure(call(WorkOrderOperations.create, { title: 'Fix neighbour door', unitId: otherUnit }, resident));
    expect(notTheirs).toMatchObject({ status: 422, code: WorkOrderErrorCode.NO_ACTIVE_LEASE });
    expect(notTheirs.body.errors).toEqual([{ field: 'unitId', message: 'you hold no active lease on this unit' }]);
    const noUnit = await rpcFailure(call(WorkOrderOperations.create, { title: 'Something' }, resident));
    expect(noUnit.status).toBe(422);
    expect(noUnit.body.errors?.[0].field).toBe('unitId');
  });

  it('shows residents only their own requests and lets them comment but not manage them', async () => {
    const own = await call(WorkOrderOperations.create, { title: 'Mould in bathroom', unitId: rentedUnit }, resident);
    const neighbours = await call(WorkOrderOperations.create, { title: 'Noisy pipes', unitId: otherUnit }, neighbour);
    const staffOrder = await call(WorkOrderOperations.create, { title: 'Roof inspection' }, staff);

    const list = await call(WorkOrderOperations.list, { size: 100 }, resident);
    expect(list.items.every((w) => w.requestedByUserId === resident.userId)).toBe(true);
    expect(list.items.map((w) => w.id)).toContain(own.id);
    for (const id of [neighbours.id, staffOrder.id]) {
      expect((await rpcFailure(call(WorkOrderOperations.get, { id }, resident))).status).toBe(404);
      expect((await rpcFailure(call(WorkOrderOperations.comment, { id, body: 'hello' }, resident))).status).toBe(404);
    }
    const staffList = await call(WorkOrderOperations.list, { size: 100 }, staff);
    expect(staffList.items.map((w) => w.id)).toEqual(expect.arrayContaining([own.id, neighbours.id, staffOrder.id]));

    const comment = await call(WorkOrderOperations.comment, { id: own.id, body: 'It is getting worse' }, resident);
    expect(comment).toMatchObject({ type: 'commented', actorUserId: resident.userId, note: 'It is getting worse' });
    const cancel = await rpcFailure(call(WorkOrderOperations.cancel, { id: own.id, reason: 'x' }, resident));
    expect(cancel.status).toBe(403);
    expect((await rpcFailure(call(WorkOrderOperations.stats, {}, resident))).status).toBe(403);
    // A viewer reads but files nothing: the gateway lets both through on `read`, the service tells them apart.
    const viewer = testCaller(org, { roles: ['viewer'], scopes: ['read'] });
    expect((await rpcFailure(call(WorkOrderOperations.create, { title: 'x', unitId: rentedUnit }, viewer))).status).toBe(403);
    expect((await rpcFailure(call(WorkOrderOperations.comment, { id: staffOrder.id, body: 'x' }, viewer))).status).toBe(403);
  });

  it('answers 503 when leasing is not there to confirm the lease', async () => {
    leasing.unsubscribe();
    const error = await rpcFailure(call(WorkOrderOperations.create, { title: 'Heating', unitId: rentedUnit }, resident));
    expect(error.status).toBe(503);
  });
});
