import { randomUUID } from 'node:crypto';
import { AnyOperation, OrgCaller, RequestOf, ResponseOf } from '@quartier/contracts-shared';
import { WorkOrderOperations } from '@quartier/contracts-workorders';
import { OperationClient } from '@quartier/messaging';
import { TestStack, rpcFailure, startTestStack, testCaller } from '@quartier/testing';
import { workordersService } from '../src/workorders.service-app';
import { StandInPortfolio, standInPortfolio } from './helpers';

describe("work orders name units of the caller's organization (asked from portfolio)", () => {
  let stack: TestStack;
  let portfolio: StandInPortfolio;
  const staff = testCaller(randomUUID(), { roles: ['manager'], scopes: ['read', 'write', 'delete'] });
  const otherOrg = testCaller(randomUUID());

  beforeAll(async () => {
    stack = await startTestStack([workordersService]);
    portfolio = standInPortfolio(stack.nats, stack.prefix);
  });
  afterAll(async () => {
    portfolio.close();
    await stack.teardown();
  });

  const call = <Operation extends AnyOperation>(operation: Operation, payload: RequestOf<Operation>, caller: OrgCaller = staff): Promise<ResponseOf<Operation>> =>
    new OperationClient(stack.rpc).send(operation, payload, caller);

  it("fills the property from the unit", async () => {
    const { unitId, propertyId } = portfolio.addUnit(staff.organizationId);
    const created = await call(WorkOrderOperations.create, { title: 'Broken window', unitId });
    expect(created).toMatchObject({ unitId, propertyId });
    expect(await call(WorkOrderOperations.get, { id: created.id })).toMatchObject({ unitId, propertyId });
  });

  it("refuses a made-up unit or another organization's unit with 422 on unitId, on create and update", async () => {
    const madeUp = randomUUID();
    const unknown = await rpcFailure(call(WorkOrderOperations.create, { title: 'Ghost unit', unitId: madeUp }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ field: 'unitId', message: `unit ${madeUp} does not exist in your organization` }]);

    const foreign = portfolio.addUnit(otherOrg.organizationId);
    expect((await rpcFailure(call(WorkOrderOperations.create, { title: 'Foreign unit', unitId: foreign.unitId }))).body.errors?.[0].field).toBe('unitId');

    const order = await call(WorkOrderOperations.create, { title: 'Somewhere' });
    const moved = await rpcFailure(call(WorkOrderOperations.update, { id: order.id, unitId: foreign.unitId }));
    expect(moved.status).toBe(422);
    expect(moved.body.errors?.[0].field).toBe('unitId');
    expect(await call(WorkOrderOperations.get, { id: order.id })).toMatchObject({ unitId: null, propertyId: null });
  });

  it('moves a work order to another unit with its property, and refuses a property that is not the unit’s', async () => {
    const first = portfolio.addUnit(staff.organizationId);
    const second = portfolio.addUnit(staff.organizationId);
    const order = await call(WorkOrderOperations.create, { title: 'Leak', unitId: first.unitId });
    const moved = await call(WorkOrderOperations.update, { id: order.id, unitId: second.unitId });
    expect(moved).toMatchObject({ unitId: second.unitId, propertyId: second.propertyId });
    const mismatch = await rpcFailure(call(WorkOrderOperations.update, { id: order.id, propertyId: first.propertyId }));
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.errors?.[0].field).toBe('propertyId');
    const wrongPair = await rpcFailure(call(WorkOrderOperations.create, { title: 'x', unitId: first.unitId, propertyId: second.propertyId }));
    expect(wrongPair.body.errors?.[0].field).toBe('propertyId');
  });

  it('answers 503 when portfolio cannot be asked, never a 422', async () => {
    const { unitId } = portfolio.addUnit(staff.organizationId);
    portfolio.close();
    const unavailable = await rpcFailure(call(WorkOrderOperations.create, { title: 'Portfolio down', unitId }));
    expect(unavailable.status).toBe(503);
  });
});
