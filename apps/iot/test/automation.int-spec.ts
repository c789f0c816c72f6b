import { randomUUID } from 'node:crypto';
import { JSONCodec, Subscription } from 'nats';
import { DomainEvent } from '@quartier/contracts-shared';
import {
  AlertEvent,
  AlertOperations,
  AlertPayload,
  CommandOperations,
  IotEvent,
  RuleOperations,
  WorkOrderRequestedPayload,
} from '@quartier/contracts-iot';
import { RpcError } from '@quartier/messaging';
import { IotStack, startIotStack, waitFor } from './iot-harness';

const codec = JSONCodec<DomainEvent>();

describe('iot automation, alerts and commands', () => {
  let iot: IotStack;
  const events: DomainEvent[] = [];
  let subscription: Subscription;

  beforeAll(async () => {
    iot = await startIotStack({ COMMAND_TIMEOUT_MS: '500', OFFLINE_CHECK_INTERVAL_MS: '200' });
    subscription = iot.stack.nats.subscribe(`${iot.stack.prefix}.events.iot.>`);
    void (async () => {
      for await (const message of subscription) events.push(codec.decode(message.data));
    })();
  });
  afterAll(async () => {
    subscription.unsubscribe();
    await iot.teardown();
  });

  const alertsOf = (ruleId: string) => iot.call(AlertOperations.list, { ruleId }, iot.org);

  it('fires a threshold rule once per breach: alert + AlertEvent + work-order event naming that alert, auto-resolved when it clears', async () => {
    const { unitId } = iot.addUnit();
    const freezer = await iot.createDevice({ name: 'Freezer', unitId });
    const rule = await iot.call(RuleOperations.create,
      {
        name: 'Freezer too warm',
        trigger: { type: 'threshold', deviceId: freezer.id, metric: 'temperature', operator: 'gt', value: -10, durationSeconds: 60 },
        // The work order is listed first: the request must still name the alert of the same firing.
        actions: [
          { type: 'work_order', priority: 'urgent', title: 'Check the freezer' },
          { type: 'alert', severity: 'critical' },
        ],
      },
      iot.org,
    );
    const send = (ts: string, temperature: number) => iot.publish(freezer.topics.telemetry, { ts: `2026-11-05T${ts}Z`, temperature });
    await send('10:00:00', -5);
    await send('10:00:30', -4);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await alertsOf(rule.id)).total).toBe(0);
    await send('10:01:00', -3);
    await send('10:02:00', -2);
    const [alert] = (await waitFor(async () => ((await alertsOf(rule.id)).total > 0 ? alertsOf(rule.id) : undefined), 5000, 'alert')).items;
    expect(alert).toMatchObject({ severity: 'critical', kind: 'threshold', title: 'Freezer too warm', unitId, metric: 'temperature', value: -3, status: 'open' });

    const raised = await waitFor(() => events.find((e) => e.type === AlertEvent.RAISED && (e.payload as AlertPayload).alertId === alert.id), 5000, 'AlertEvent');
    expect(raised.organizationId).toBe(iot.org.organizationId);
    expect(raised.payload).toMatchObject({ severity: 'critical', unitId, ruleId: rule.id, deviceId: freezer.id });
    const workOrder = await waitFor(() => events.find((e) => e.type === IotEvent.WORK_ORDER_REQUESTED && (e.payload as WorkOrderRequestedPayload).ruleId === rule.id));
    expect(workOrder.payload).toMatchObject({ priority: 'urgent', title: 'Check the freezer', unitId, alertId: alert.id });

    await send('10:03:00', -20);
    const resolved = await waitFor(async () => {
      const current = await iot.call(AlertOperations.get, { id: alert.id }, iot.org);
      return current.status === 'resolved' ? current : undefined;
    }, 5000, 'auto-resolve');
    expect(resolved.resolvedBy).toBeNull();
    await send('10:04:00', 0);
    await send('10:05:00', 1);
    await send('10:06:00', 2);
    await waitFor(async () => (await alertsOf(rule.id)).total === 2, 5000, 'second alert');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const current = await iot.call(RuleOperations.get, { id: rule.id }, iot.org);
    expect(current).toMatchObject({ firing: true, fireCount: 2 });
  });

  it('acknowledges and resolves alerts with events; wrong transitions are 409, other organizations 404', async () => {
    const door = await iot.createDevice({ name: 'Back door', type: 'lock' });
    const rule = await iot.call(RuleOperations.create,
      { name: 'Door open', trigger: { type: 'state', deviceId: door.id, property: 'door', equals: 'open' }, actions: [{ type: 'alert', severity: 'high' }] },
      iot.org,
    );
    await iot.publish(door.topics.state, { door: 'open' });
    const [alert] = (await waitFor(async () => ((await alertsOf(rule.id)).total > 0 ? alertsOf(rule.id) : undefined), 5000, 'alert')).items;

    const foreign = (await iot.call(AlertOperations.acknowledge, { id: alert.id }, iot.otherOrg).catch((e) => e)) as RpcError;
    expect(foreign.status).toBe(404);
    const acknowledged = await iot.call(AlertOperations.acknowledge, { id: alert.id, note: 'on it' }, iot.org);
    expect(acknowledged).toMatchObject({ status: 'acknowledged', acknowledgedBy: iot.org.userId, note: 'on it' });
    const again = (await iot.call(AlertOperations.acknowledge, { id: alert.id }, iot.org).catch((e) => e)) as RpcError;
    expect(again.body).toMatchObject({ status: 409, code: 'ALERT_STATE_CONFLICT' });
    const resolved = await iot.call(AlertOperations.resolve, { id: alert.id }, iot.org);
    expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: iot.org.userId });
    expect(((await iot.call(AlertOperations.resolve, { id: alert.id }, iot.org).catch((e) => e)) as RpcError).status).toBe(409);
    await waitFor(() => events.some((e) => e.type === AlertEvent.RESOLVED && (e.payload as AlertPayload).alertId === alert.id), 5000, 'resolved event');
    expect(events.some((e) => e.type === AlertEvent.ACKNOWLEDGED && (e.payload as AlertPayload).alertId === alert.id)).toBe(true);

    const filtered = await iot.call(AlertOperations.list, { status: 'resolved', severity: 'high', deviceId: door.id }, iot.org);
    expect(filtered.items.map((a) => a.id)).toEqual([alert.id]);
    expect((await iot.call(AlertOperations.list, {}, iot.otherOrg)).total).toBe(0);
  });

  it('sends commands over MQTT and tracks them from the response topic, timing out silent devices', async () => {
    const valve = await iot.createDevice({ name: 'Valve', type: 'switch' });
    await iot.device.subscribeAsync(valve.topics.command, { qos: 1 });
    const received: { commandId: string; command: string; params: Record<string, unknown> }[] = [];
    iot.device.on('message', (topic, payload) => {
      if (topic === valve.topics.command) received.push(JSON.parse(payload.toString()));
    });
    const command = await iot.call(CommandOperations.send, { id: valve.id, command: 'close', params: { force: true } }, iot.org);
    expect(command).toMatchObject({ status: 'sent', command: 'close', params: { force: true } });
    await waitFor(() => received.length === 1, 5000, 'command delivered');
    expect(received[0]).toEqual({ commandId: command.id, command: 'close', params: { force: true } });

    await iot.publish(valve.topics.commandResponse, { commandId: command.id, status: 'ok', position: 'closed' });
    const done = await waitFor(async () => {
      const current = await iot.call(CommandOperations.get, { id: command.id }, iot.org);
      return current.status === 'acknowledged' ? current : undefined;
    }, 5000, 'acknowledged');
    expect(done.response).toMatchObject({ position: 'closed' });

    const ignored = await iot.call(CommandOperations.send, { id: valve.id, command: 'open' }, iot.org);
    await waitFor(async () => {
      const current = await iot.call(CommandOperations.get, { id: ignored.id }, iot.org);
      return current.status === 'timed_out';
    }, 5000, 'timed out');
    const listed = await iot.call(CommandOperations.list, { deviceId: valve.id, sort: 'createdAt' }, iot.org);
    expect(listed.items.map((c) => c.status)).toEqual(['acknowledged', 'timed_out']);
    expect(((await iot.call(CommandOperations.get, { id: command.id }, iot.otherOrg).catch((e) => e)) as RpcError).status).toBe(404);
  });

  it('runs command and notify actions, and validates rules', async () => {
    const leak = await iot.createDevice({ name: 'Leak sensor', type: 'leak_sensor' });
    const valve = await iot.createDevice({ name: 'Main valve', type: 'switch' });
    const rule = await iot.call(RuleOperations.create,
      {
        name: 'Leak',
        trigger: { type: 'threshold', deviceId: leak.id, metric: 'water', operator: 'gte', value: 1 },
        actions: [
          { type: 'command', deviceId: valve.id, command: 'close' },
          { type: 'notify', message: 'Water detected', channel: 'sms' },
        ],
      },
      iot.org,
    );
    await iot.publish(leak.topics.telemetry, { water: 1 });
    const commands = await waitFor(async () => {
      const page = await iot.call(CommandOperations.list, { deviceId: valve.id }, iot.org);
      return page.total > 0 ? page : undefined;
    }, 5000, 'rule command');
    expect(commands.items[0]).toMatchObject({ command: 'close', ruleId: rule.id });
    await waitFor(() => events.some((e) => e.type === IotEvent.NOTIFICATION_REQUESTED && (e.payload as { ruleId: string }).ruleId === rule.id), 5000, 'notify');

    const invalid = (await iot
      .call(RuleOperations.create, { name: 'x', trigger: { type: 'threshold', deviceId: randomUUID() }, actions: [{ type: 'alert' }] }, iot.org)
      .catch((e) => e)) as RpcError;
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors?.map((e) => e.field)).toEqual(['trigger.metric', 'trigger.operator', 'trigger.value', 'trigger.deviceId']);
    const foreignDevice = await iot.createDevice({ name: 'Theirs' }, iot.otherOrg);
    const crossOrg = (await iot
      .call(RuleOperations.create, { name: 'x', trigger: { type: 'offline', deviceId: foreignDevice.id }, actions: [{ type: 'alert' }] }, iot.org)
      .catch((e) => e)) as RpcError;
    expect(crossOrg.body.errors).toEqual([{ field: 'trigger.deviceId', message: `device ${foreignDevice.id} not found` }]);

    const updated = await iot.call(RuleOperations.update, { id: rule.id, enabled: false }, iot.org);
    expect(updated.enabled).toBe(false);
    const replaced = await iot.call(RuleOperations.replace, { id: rule.id, name: 'Leak drill', trigger: { type: 'offline', deviceId: valve.id }, actions: [{ type: 'alert' }] }, iot.org);
    expect(replaced).toMatchObject({ name: 'Leak drill', trigger: { type: 'offline', deviceId: valve.id }, enabled: false });
    expect(((await iot.call(RuleOperations.get, { id: rule.id }, iot.otherOrg).catch((e) => e)) as RpcError).status).toBe(404);
    await iot.call(RuleOperations.delete, { id: rule.id }, iot.org);
    expect(((await iot.call(RuleOperations.get, { id: rule.id }, iot.org).catch((e) => e)) as RpcError).status).toBe(404);
  });
});
