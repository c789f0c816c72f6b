import { randomUUID } from 'node:crypto';
import { AnyOperation, OrgCaller, RequestOf, ResponseOf } from '@quartier/contracts-shared';
import { ContractorOperations, ContractorView, WorkOrderErrorCode, WorkOrderEvent, WorkOrderOperations } from '@quartier/contracts-workorders';
import { OperationClient } from '@quartier/messaging';
import { TestStack, rpcFailure, startTestStack, testCaller, waitFor } from '@quartier/testing';
import { workordersService } from '../src/workorders.service-app';
import { StandInPortfolio, collectEvents, standInPortfolio } from './helpers';

describe('work orders over NATS', () => {
  let stack: TestStack;
  const orgA = randomUUID();
  const orgB = randomUUID();
  let staff: OrgCaller;
  let other: OrgCaller;
  let portfolio: StandInPortfolio;

  beforeAll(async () => {
    stack = await startTestStack([workordersService]);
    portfolio = standInPortfolio(stack.nats, stack.prefix);
    staff = testCaller(orgA, { roles: ['manager'], scopes: ['read', 'write', 'delete'] });
    other = testCaller(orgB);
  });
  afterAll(async () => {
    portfolio.close();
    await stack.teardown();
  });

  const call = <Operation extends AnyOperation>(operation: Operation, payload: RequestOf<Operation>, caller: OrgCaller = staff): Promise<ResponseOf<Operation>> =>
    new OperationClient(stack.rpc).send(operation, payload, caller);

  async function createContractor(caller: OrgCaller = staff, overrides: Record<string, unknown> = {}): Promise<ContractorView> {
    return call(ContractorOperations.create, { name: 'Müller Sanitär', trade: 'plumbing', hourlyRateCents: 6500, ...overrides }, caller);
  }

  it('sets the SLA due time from the priority and records the creation in the timeline', async () => {
    const created = await call(WorkOrderOperations.create, { title: 'No heating', priority: 'emergency', category: 'hvac' });
    expect(created).toMatchObject({ status: 'open', priority: 'emergency', category: 'hvac', source: 'staff', requestedByUserId: staff.userId });
    expect(new Date(created.dueAt).getTime() - new Date(created.createdAt).getTime()).toBe(4 * 3_600_000);
    const low = await call(WorkOrderOperations.create, { title: 'Repaint hallway', priority: 'low' });
    expect(new Date(low.dueAt).getTime() - new Date(low.createdAt).getTime()).toBe(168 * 3_600_000);
    const timeline = await call(WorkOrderOperations.timeline, { id: created.id });
    expect(timeline.map((entry) => entry.type)).toEqual(['created']);
  });

  it('walks open → assigned → in_progress → completed and refuses illegal transitions with 409 naming the allowed ones', async () => {
    const events = collectEvents(stack.nats, stack.prefix);
    const contractor = await createContractor();
    const order = await call(WorkOrderOperations.create, { title: 'Leaking tap', estimatedCostCents: 10000 });

    const early = await rpcFailure(call(WorkOrderOperations.complete, { id: order.id, actualCostCents: 1, resolutionNotes: 'x' }));
    expect(early.status).toBe(409);
    expect(early.code).toBe(WorkOrderErrorCode.ILLEGAL_TRANSITION);
    expect(early.message).toBe('Cannot complete a work order that is open; allowed: assign (→ assigned), cancel (→ cancelled)');
    expect(early.body.details).toMatchObject({ status: 'open', action: 'complete', allowedTransitions: [{ action: 'assign' }, { action: 'cancel' }] });

    const assigned = await call(WorkOrderOperations.assign, { id: order.id, contractorId: contractor.id, note: 'Urgent please' });
    expect(assigned).toMatchObject({ status: 'assigned', contractorId: contractor.id });
    expect(assigned.assignedAt).not.toBeNull();
    const started = await call(WorkOrderOperations.start, { id: order.id });
    expect(started.status).toBe('in_progress');
    const completed = await call(WorkOrderOperations.complete, {
      id: order.id,
      actualCostCents: 12500,
      resolutionNotes: 'Replaced the cartridge',
    });
    expect(completed).toMatchObject({ status: 'completed', actualCostCents: 12500, resolutionNotes: 'Replaced the cartridge', slaBreached: false });

    const late = await rpcFailure(call(WorkOrderOperations.cancel, { id: order.id, reason: 'too late' }));
    expect(late.status).toBe(409);
    expect(late.message).toBe('Cannot cancel a work order that is completed; allowed: none, the work order is final');

    await call(WorkOrderOperations.comment, { id: order.id, body: 'Tenant confirmed the fix' });
    const timeline = await call(WorkOrderOperations.timeline, { id: order.id });
    expect(timeline.map((entry) => entry.type)).toEqual(['created', 'assigned', 'started', 'completed', 'commented']);
    expect(timeline[1]).toMatchObject({ actorUserId: staff.userId, note: 'Urgent please', data: { contractorId: contractor.id } });

    const fetched = await call(ContractorOperations.get, { id: contractor.id });
    expect(fetched).toMatchObject({ openWorkOrders: 0, completedWorkOrders: 1 });

    const cancelled = await call(WorkOrderOperations.create, { title: 'Duplicate request' });
    await call(WorkOrderOperations.cancel, { id: cancelled.id, reason: 'Duplicate' });

    const ours = (): { type: string; payload: { workOrderId: string } }[] =>
      events.types
        .map((type, index) => ({ type, payload: events.payloads[index] as { workOrderId: string } }))
        .filter((event) => [order.id, cancelled.id].includes(event.payload.workOrderId));
    await waitFor(() => ours().length >= 5);
    events.stop();
    expect(ours().map((event) => event.type)).toEqual([
      WorkOrderEvent.CREATED,
      WorkOrderEvent.ASSIGNED,
      WorkOrderEvent.COMPLETED,
      WorkOrderEvent.CREATED,
      WorkOrderEvent.CANCELLED,
    ]);
    expect(ours()[2].payload).toMatchObject({ workOrderId: order.id, status: 'completed', actualCostCents: 12500 });
    expect(ours()[4].payload).toMatchObject({ workOrderId: cancelled.id, reason: 'Duplicate' });
  });

  it('refuses to assign an inactive contractor', async () => {
    const contractor = await createContractor(staff, { active: false });
    const order = await call(WorkOrderOperations.create, { title: 'Broken lock' });
    const error = await rpcFailure(call(WorkOrderOperations.assign, { id: order.id, contractorId: contractor.id }));
    expect(error).toMatchObject({ status: 409, code: WorkOrderErrorCode.CONTRACTOR_INACTIVE });
  });

  it('keeps tasks and materials on a work order with extended costs', async () => {
    const order = await call(WorkOrderOperations.create, { title: 'Replace pipes' });
    const task = await call(WorkOrderOperations.addTask, { id: order.id, title: 'Shut off water' });
    await call(WorkOrderOperations.addTask, { id: order.id, title: 'Cut old pipe' });
    await call(WorkOrderOperations.updateTask, { id: order.id, taskId: task.id, done: true });
    const pipe = await call(WorkOrderOperations.addMaterial, { id: order.id, name: 'Copper pipe', quantity: 2.5, unit: 'm', unitCostCents: 399 });
    expect(pipe.extendedCostCents).toBe(998);
    await call(WorkOrderOperations.addMaterial, { id: order.id, name: 'Fitting', quantity: 4, unitCostCents: 150 });
    const detail = await call(WorkOrderOperations.get, { id: order.id });
    expect(detail.tasks).toEqual([
      { id: task.id, title: 'Shut off water', done: true, position: 0 },
      expect.objectContaining({ title: 'Cut old pipe', done: false, position: 1 }),
    ]);
    expect(detail.materials.map((m) => m.extendedCostCents)).toEqual([998, 600]);
    expect(detail.materialsCostCents).toBe(1598);
    const invalid = await rpcFailure(call(WorkOrderOperations.addMaterial, { id: order.id, name: 'x', quantity: 0, unitCostCents: -1 }));
    expect(invalid.status).toBe(422);
  });

  it('filters, sorts, lists urgent and per-unit work orders and computes statistics', async () => {
    const caller = testCaller(randomUUID());
    const { unitId } = portfolio.addUnit(caller.organizationId);
    const high = await call(WorkOrderOperations.create, { title: 'B high', priority: 'high', unitId, category: 'plumbing' }, caller);
    await call(WorkOrderOperations.create, { title: 'A normal', unitId }, caller);
    await call(WorkOrderOperations.create, { title: 'C elsewhere', category: 'electrical', estimatedCostCents: 500 }, caller);

    const byTitle = await call(WorkOrderOperations.list, { sort: 'title', size: 2 }, caller);
    expect(byTitle).toMatchObject({ total: 3, page: 1, size: 2, pages: 2 });
    expect(byTitle.items.map((w) => w.title)).toEqual(['A normal', 'B high']);
    const plumbing = await call(WorkOrderOperations.list, { category: 'plumbing' }, caller);
    expect(plumbing.items.map((w) => w.id)).toEqual([high.id]);
    const overdue = await call(WorkOrderOperations.list, { overdue: true }, caller);
    expect(overdue.total).toBe(0);
    const badSort = await rpcFailure(call(WorkOrderOperations.list, { sort: 'secret' }, caller));
    expect(badSort.status).toBe(422);

    const urgent = await call(WorkOrderOperations.urgent, {}, caller);
    expect(urgent.items.map((w) => w.id)).toEqual([high.id]);
    const forUnit = await call(WorkOrderOperations.byUnit, { unitId }, caller);
    expect(forUnit.total).toBe(2);

    const stats = await call(WorkOrderOperations.stats, {}, caller);
    expect(stats).toMatchObject({
      total: 3,
      byStatus: { open: 3, completed: 0 },
      byPriority: { high: 1, normal: 2 },
      byCategory: { plumbing: 1, general: 1, electrical: 1 },
      averageCompletionDays: null,
      slaBreaches: 0,
      open: 3,
    });
  });

  it('recomputes the SLA when the priority changes and refuses editing a finished work order', async () => {
    const order = await call(WorkOrderOperations.create, { title: 'Door squeaks', priority: 'low' });
    const updated = await call(WorkOrderOperations.update, { id: order.id, priority: 'high', title: 'Door is stuck' });
    expect(updated.title).toBe('Door is stuck');
    expect(new Date(updated.dueAt).getTime() - new Date(updated.createdAt).getTime()).toBe(24 * 3_600_000);
    await call(WorkOrderOperations.cancel, { id: order.id, reason: 'Fixed itself' });
    const error = await rpcFailure(call(WorkOrderOperations.update, { id: order.id, title: 'again' }));
    expect(error.status).toBe(409);
  });

  it("answers another organization's work orders and contractors exactly like missing ones (404)", async () => {
    const order = await call(WorkOrderOperations.create, { title: 'Private to A' });
    const contractor = await createContractor();
    const otherContractor = await createContractor(other);
    const attempts: [AnyOperation, object][] = [
      [WorkOrderOperations.get, { id: order.id }],
      [WorkOrderOperations.update, { id: order.id, title: 'hijack' }],
      [WorkOrderOperations.delete, { id: order.id }],
      [WorkOrderOperations.assign, { id: order.id, contractorId: otherContractor.id }],
      [WorkOrderOperations.start, { id: order.id }],
      [WorkOrderOperations.cancel, { id: order.id, reason: 'x' }],
      [WorkOrderOperations.comment, { id: order.id, body: 'x' }],
      [WorkOrderOperations.timeline, { id: order.id }],
      [WorkOrderOperations.addTask, { id: order.id, title: 'x' }],
      [WorkOrderOperations.addMaterial, { id: order.id, name: 'x', quantity: 1, unitCostCents: 1 }],
      [ContractorOperations.get, { id: contractor.id }],
      [ContractorOperations.update, { id: contractor.id, name: 'x' }],
      [ContractorOperations.delete, { id: contractor.id }],
      [ContractorOperations.workOrders, { id: contractor.id }],
    ];
    for (const [operation, data] of attempts) {
      const error = await rpcFailure(call(operation, data, other));
      expect({ subject: operation.subject, status: error.status, code: error.code }).toEqual({ subject: operation.subject, status: 404, code: 'NOT_FOUND' });
    }
    // Assigning A's work order to B's contractor is also a 404 (the contractor is not A's).
    const crossAssign = await rpcFailure(call(WorkOrderOperations.assign, { id: order.id, contractorId: otherContractor.id }));
    expect(crossAssign.status).toBe(404);
    const list = await call(WorkOrderOperations.list, {}, other);
    expect(list.items.find((w) => w.id === order.id)).toBeUndefined();
    expect((await call(WorkOrderOperations.get, { id: order.id })).title).toBe('Private to A');
  });

  it('lists contractors with filters and refuses deleting one with open work orders', async () => {
    const caller = testCaller(randomUUID());
    const busy = await createContractor(caller, { name: 'Busy Electric', trade: 'electrical' });
    await createContractor(caller, { name: 'Idle Paint', trade: 'painting', active: false });
    const electrical = await call(ContractorOperations.list, { trade: 'electrical' }, caller);
    expect(electrical.items.map((c) => c.name)).toEqual(['Busy Electric']);
    const inactive = await call(ContractorOperations.list, { active: false }, caller);
    expect(inactive.items.map((c) => c.name)).toEqual(['Idle Paint']);
    const search = await call(ContractorOperations.list, { search: 'paint' }, caller);
    expect(search.total).toBe(1);

    const order = await call(WorkOrderOperations.create, { title: 'Rewire' }, caller);
    await call(WorkOrderOperations.assign, { id: order.id, contractorId: busy.id }, caller);
    expect(await call(ContractorOperations.get, { id: busy.id }, caller)).toMatchObject({ openWorkOrders: 1 });
    const theirs = await call(ContractorOperations.workOrders, { id: busy.id }, caller);
    expect(theirs.items.map((w) => w.id)).toEqual([order.id]);
    const error = await rpcFailure(call(ContractorOperations.delete, { id: busy.id }, caller));
    expect(error).toMatchObject({ status: 409, code: WorkOrderErrorCode.CONTRACTOR_HAS_OPEN_WORK_ORDERS });
  });
});
