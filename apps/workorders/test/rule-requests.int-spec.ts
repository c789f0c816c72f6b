import { randomUUID } from 'node:crypto';
import { AlertEvent, AlertPayload, IotEvent, WorkOrderRequestedPayload } from '@quartier/contracts-iot';
import { DomainEvent, Page } from '@quartier/contracts-shared';
import { WorkOrderOperations, WorkOrderView } from '@quartier/contracts-workorders';
import { OperationClient, publishEvent } from '@quartier/messaging';
import { TestStack, startTestStack, testCaller, waitFor } from '@quartier/testing';
import { workordersService } from '../src/workorders.service-app';

function event<T>(type: string, organizationId: string, payload: T): DomainEvent<T> {
  return { id: randomUUID(), type, organizationId, occurredAt: new Date().toISOString(), payload };
}

function ruleRequest(organizationId: string, payload: Partial<WorkOrderRequestedPayload> = {}): DomainEvent<WorkOrderRequestedPayload> {
  return event(IotEvent.WORK_ORDER_REQUESTED, organizationId, {
    ruleId: randomUUID(),
    deviceId: randomUUID(),
    unitId: randomUUID(),
    title: 'Check the freezer',
    description: 'Freezer too warm: temperature is -3',
    priority: 'urgent',
    ...payload,
  });
}

function alertRaised(organizationId: string, payload: Pick<AlertPayload, 'alertId' | 'unitId' | 'deviceId' | 'ruleId'>): DomainEvent<AlertPayload> {
  return event(AlertEvent.RAISED, organizationId, {
    severity: 'critical',
    kind: 'threshold',
    title: 'Freezer too warm',
    message: 'temperature is -3',
    raisedAt: new Date().toISOString(),
    ...payload,
  });
}

describe("automation rules' work-order requests open work orders", () => {
  let stack: TestStack;
  const org = randomUUID();
  const staff = testCaller(org);

  beforeAll(async () => {
    stack = await startTestStack([workordersService]);
  });
  afterAll(() => stack.teardown());

  const forUnit = (unitId: string): Promise<Page<WorkOrderView>> =>
    new OperationClient(stack.rpc).send(WorkOrderOperations.byUnit, { unitId }, staff);
  /** Waits for a first work order of the unit, then lets stragglers arrive before the count is read. */
  const settledForUnit = async (unitId: string): Promise<Page<WorkOrderView>> => {
    await waitFor(async () => (await forUnit(unitId)).total > 0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return forUnit(unitId);
  };

  it('opens one work order for a request, with the mapped priority and the rule in its timeline', async () => {
    const request = ruleRequest(org, { priority: 'high' });
    await publishEvent(stack.nats, stack.prefix, request);
    const page = await settledForUnit(request.payload.unitId as string);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      title: 'Check the freezer',
      description: 'Freezer too warm: temperature is -3',
      priority: 'high',
      status: 'open',
      source: 'iot_rule',
      sourceAlertId: null,
    });
    const timeline = await new OperationClient(stack.rpc).send(WorkOrderOperations.timeline, { id: page.items[0].id }, staff);
    expect(timeline[0]).toMatchObject({ type: 'created', actorUserId: null, data: { ruleId: request.payload.ruleId, deviceId: request.payload.deviceId } });
  });

  it('opens one work order when the request is delivered twice', async () => {
    const request = ruleRequest(org, { priority: 'low' });
    await publishEvent(stack.nats, stack.prefix, request);
    await publishEvent(stack.nats, stack.prefix, request);
    const page = await settledForUnit(request.payload.unitId as string);
    expect(page.total).toBe(1);
    expect(page.items[0].priority).toBe('low');
  });

  it('opens exactly one work order when the same firing raised an alert, whichever event is handled first', async () => {
    for (const first of ['alert', 'request'] as const) {
      const unitId = randomUUID();
      const alertId = randomUUID();
      const request = ruleRequest(org, { unitId, alertId });
      const alert = alertRaised(org, { alertId, unitId, deviceId: request.payload.deviceId, ruleId: request.payload.ruleId });
      const [earlier, later] = first === 'alert' ? [alert, request] : [request, alert];
      await publishEvent(stack.nats, stack.prefix, earlier);
      await waitFor(async () => (await forUnit(unitId)).total > 0);
      await publishEvent(stack.nats, stack.prefix, later);
      const page = await settledForUnit(unitId);
      expect({ first, total: page.total }).toEqual({ first, total: 1 });
      expect(page.items[0]).toMatchObject({ sourceAlertId: alertId, priority: 'emergency', source: first === 'alert' ? 'iot_alert' : 'iot_rule' });
    }
  });

  it('opens exactly one work order when the alert and the request arrive together', async () => {
    const unitId = randomUUID();
    const alertId = randomUUID();
    const request = ruleRequest(org, { unitId, alertId });
    const alert = alertRaised(org, { alertId, unitId, deviceId: request.payload.deviceId, ruleId: request.payload.ruleId });
    await Promise.all([publishEvent(stack.nats, stack.prefix, request), publishEvent(stack.nats, stack.prefix, alert)]);
    expect((await settledForUnit(unitId)).total).toBe(1);
  });
});
