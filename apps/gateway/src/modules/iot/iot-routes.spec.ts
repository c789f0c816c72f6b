import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AlertOperations, CommandOperations, DeviceOperations, IOT_OPERATIONS, ReadingOperations, RuleOperations } from '@quartier/contracts-iot';
import { isComponentName } from '@quartier/contracts-shared';
import { RunningSuite, startSuite } from '@quartier/launcher';
import { GatewayHarness, ReceivedRequest, respond, startGatewayHarness } from '../../../test/gateway-harness';

const MISSING = '00000000-0000-4000-8000-000000000000';

/** The /api/v1/iot routes against stand-in iot responders: subjects, payload shapes, edge validation, errors. */
describe('iot routes', () => {
  let harness: GatewayHarness;
  let token: string;
  const seen: Record<string, ReceivedRequest> = {};

  beforeAll(async () => {
    harness = await startGatewayHarness();
    token = await harness.token();
    for (const { subject } of IOT_OPERATIONS) {
      respond(harness.stack.nats, harness.stack.prefix, subject, (received) => {
        seen[subject] = received;
        const data = received.data as { id?: string };
        if (data.id === MISSING) throw { status: 404, code: 'NOT_FOUND', message: 'Device not found' };
        return { subject, data: received.data };
      });
    }
  });
  afterAll(async () => {
    await harness?.teardown();
  });

  const call = (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, body?: object) => {
    const pending = request(harness.url)[method](`/api/v1/iot${path}`).set('Authorization', `Bearer ${token}`);
    return body ? pending.send(body) : pending;
  };

  it('maps every route to its operation with the path ids in the payload', async () => {
    const id = randomUUID();
    const rule = { name: 'r', trigger: { type: 'offline', deviceId: id }, actions: [{ type: 'alert' }] };
    const cases: [Parameters<typeof call>[0], string, object | undefined, string, unknown][] = [
      ['get', '/devices?type=meter&online=true', undefined, DeviceOperations.list.subject, { type: 'meter', online: true }],
      ['get', `/devices/unit/${id}`, undefined, DeviceOperations.byUnit.subject, { unitId: id }],
      ['put', `/devices/${id}`, { name: 'n', type: 'sensor' }, DeviceOperations.replace.subject, { id, name: 'n', type: 'sensor' }],
      ['patch', `/devices/${id}`, { name: 'n' }, DeviceOperations.update.subject, { id, name: 'n' }],
      ['post', `/devices/${id}/command`, { command: 'reboot' }, CommandOperations.send.subject, { id, command: 'reboot' }],
      ['get', `/devices/${id}/commands?status=sent`, undefined, CommandOperations.list.subject, { status: 'sent', deviceId: id }],
      ['get', `/devices/${id}/readings?metric=power`, undefined, ReadingOperations.list.subject, { metric: 'power', deviceId: id }],
      ['get', `/devices/${id}/readings?bucket=hour`, undefined, ReadingOperations.aggregate.subject, { bucket: 'hour', deviceId: id }],
      ['get', `/devices/${id}/readings/latest`, undefined, ReadingOperations.latest.subject, { id }],
      ['get', '/sensors/readings?bucket=day', undefined, ReadingOperations.aggregate.subject, { bucket: 'day' }],
      ['post', '/sensors/readings', { deviceId: id, readings: [{ metric: 'power', value: 2 }] }, ReadingOperations.record.subject, { deviceId: id, readings: [{ metric: 'power', value: 2 }] }],
      ['get', `/commands/${id}`, undefined, CommandOperations.get.subject, { id }],
      ['get', '/automation/rules?triggerType=offline', undefined, RuleOperations.list.subject, { triggerType: 'offline' }],
      ['put', `/automation/rules/${id}`, rule, RuleOperations.replace.subject, { id, ...rule }],
      ['patch', `/automation/rules/${id}`, { enabled: false }, RuleOperations.update.subject, { id, enabled: false }],
      ['post', `/alerts/${id}/acknowledge`, undefined, AlertOperations.acknowledge.subject, { id }],
      ['post', `/alerts/${id}/resolve`, { note: 'fixed' }, AlertOperations.resolve.subject, { id, note: 'fixed' }],
    ];
    for (const [method, path, body, subject, payload] of cases) {
      const response = await call(method, path, body);
      expect([path, response.status]).toEqual([path, method === 'post' && !path.includes('/alerts/') ? 201 : 200]);
      expect([path, seen[subject]?.data]).toEqual([path, payload]);
    }
    expect(seen[AlertOperations.resolve.subject].caller.organizationId).toBe(harness.organizationId);
    expect((await call('delete', `/devices/${id}`)).status).toBe(204);
    expect(seen[DeviceOperations.delete.subject].data).toEqual({ id });
  });

  it('validates at the edge (422) and passes service errors through as problems', async () => {
    const invalid = await call('post', '/devices', { name: 'x', type: 'toaster' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: { field: string }) => e.field)).toEqual(['type']);
    // PUT takes a whole device, PATCH a part of one.
    expect((await call('put', `/devices/${randomUUID()}`, { name: 'x' })).body.errors).toEqual([expect.objectContaining({ field: 'type' })]);
    expect((await call('get', '/devices/not-a-uuid')).status).toBe(422);
    expect((await call('get', '/devices/unit/not-a-uuid')).status).toBe(422);
    expect((await call('get', '/sensors/readings?bucket=week')).status).toBe(422);
    const missing = await call('get', `/devices/${MISSING}`);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('lets a viewer read but not write', async () => {
    const viewer = await harness.token({ roles: ['viewer'] });
    expect((await request(harness.url).get('/api/v1/iot/alerts').set('Authorization', `Bearer ${viewer}`)).status).toBe(200);
    expect((await request(harness.url).get(`/api/v1/iot/devices/${randomUUID()}/readings`).set('Authorization', `Bearer ${viewer}`)).status).toBe(200);
    const write = await request(harness.url).post('/api/v1/iot/devices').set('Authorization', `Bearer ${viewer}`).send({ name: 'x', type: 'sensor' });
    expect(write.status).toBe(403);
    const remove = await request(harness.url).delete(`/api/v1/iot/automation/rules/${randomUUID()}`).set('Authorization', `Bearer ${viewer}`);
    expect(remove.status).toBe(403);
  });
});

/** The launcher's environment for an app: the harness's bus keys, without unset variables. */
function definedEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * The same routes through the gateway to the real iot service (its own process, as `npm start`
 * runs it, on the harness's database, NATS prefix and the MQTT broker): payloads the service
 * accepts, its answers and its errors, not an echo.
 */
describe('iot routes against the iot service', () => {
  let harness: GatewayHarness;
  let iot: RunningSuite;
  let manager: string;

  beforeAll(async () => {
    harness = await startGatewayHarness();
    const prefix = harness.stack.prefix;
    iot = await startSuite({
      services: ['iot'],
      quiet: true,
      // Topics and the MQTT session of this run only, so runs sharing the broker never meet.
      env: { ...harness.stack.env, MQTT_PREFIX: prefix, HA_DISCOVERY_PREFIX: `${prefix}-ha`, MQTT_CLIENT_ID: `iot-${prefix}` },
      bus: { url: harness.stack.bus.url, envFor: (app) => (isComponentName(app) ? definedEnv(harness.stack.envFor(app)) : {}), stop: async () => undefined },
    });
    manager = await harness.token({ roles: ['manager'] });
  }, 120_000);
  afterAll(async () => {
    await iot?.stop();
    await harness?.teardown();
  });

  const api = (bearer: string) => {
    const authorized = (pending: request.Test) => pending.set('Authorization', `Bearer ${bearer}`);
    return {
      get: (path: string) => authorized(request(harness.url).get(`/api/v1/iot${path}`)),
      post: (path: string, body?: object) => authorized(request(harness.url).post(`/api/v1/iot${path}`)).send(body),
      put: (path: string, body: object) => authorized(request(harness.url).put(`/api/v1/iot${path}`)).send(body),
      patch: (path: string, body: object) => authorized(request(harness.url).patch(`/api/v1/iot${path}`)).send(body),
      delete: (path: string) => authorized(request(harness.url).delete(`/api/v1/iot${path}`)),
    };
  };

  it('registers, changes, commands and removes a device with the service’s answers and statuses', async () => {
    const created = await api(manager).post('/devices', { name: 'Hall sensor', type: 'sensor', metrics: ['temperature'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Hall sensor', type: 'sensor', active: true, online: false, hasCredentials: false });
    const id: string = created.body.id;

    const patched = await api(manager).patch(`/devices/${id}`, { name: 'Hall' });
    expect([patched.status, patched.body.name, patched.body.type]).toEqual([200, 'Hall', 'sensor']);
    const replaced = await api(manager).put(`/devices/${id}`, { name: 'Hall climate', type: 'thermostat' });
    expect([replaced.status, replaced.body.name, replaced.body.type]).toEqual([200, 'Hall climate', 'thermostat']);

    const recorded = await api(manager).post('/sensors/readings', { deviceId: id, readings: [{ metric: 'temperature', value: 21.5 }] });
    expect([recorded.status, recorded.body]).toEqual([201, { accepted: 1 }]);
    const latest = await api(manager).get(`/devices/${id}/readings/latest`);
    expect([latest.status, latest.body]).toEqual([200, [expect.objectContaining({ deviceId: id, metric: 'temperature', value: 21.5 })]]);
    const hourly = await api(manager).get(`/devices/${id}/readings?bucket=hour`);
    expect(hourly.body).toMatchObject({ bucket: 'hour', items: [{ metric: 'temperature', count: 1, avg: 21.5 }] });

    const sent = await api(manager).post(`/devices/${id}/command`, { command: 'reboot' });
    expect([sent.status, sent.body.command, sent.body.deviceId]).toEqual([201, 'reboot', id]);
    expect((await api(manager).get(`/devices/${id}/commands`)).body).toMatchObject({ total: 1, items: [{ id: sent.body.id }] });

    const removed = await api(manager).delete(`/devices/${id}`);
    expect([removed.status, removed.text]).toEqual([204, '']);
    expect((await api(manager).get(`/devices/${id}`)).status).toBe(404);
    expect((await api(manager).delete(`/devices/${id}`)).status).toBe(404);
  });

  it('keeps rules and alerts to the caller’s organization and passes the service’s problems through', async () => {
    const device = await api(manager).post('/devices', { name: 'Leak sensor', type: 'leak_sensor' });
    const rule = { name: 'Leak offline', trigger: { type: 'offline', deviceId: device.body.id }, actions: [{ type: 'alert' }] };
    const created = await api(manager).post('/automation/rules', rule);
    expect([created.status, created.body.name]).toEqual([201, 'Leak offline']);
    const disabled = await api(manager).patch(`/automation/rules/${created.body.id}`, { enabled: false });
    expect([disabled.status, disabled.body.enabled]).toEqual([200, false]);
    const renamed = await api(manager).put(`/automation/rules/${created.body.id}`, { ...rule, name: 'Leak sensor offline' });
    expect([renamed.status, renamed.body.name]).toEqual([200, 'Leak sensor offline']);
    // The service checks the trigger's device against the caller's organization.
    const stray = await api(manager).post('/automation/rules', { ...rule, trigger: { type: 'offline', deviceId: MISSING } });
    expect([stray.status, stray.body.errors]).toEqual([422, [{ field: 'trigger.deviceId', message: `device ${MISSING} not found` }]]);
    expect((await api(manager).delete(`/automation/rules/${created.body.id}`)).status).toBe(204);

    expect((await api(manager).get('/alerts')).body).toMatchObject({ total: 0, items: [] });
    const acknowledged = await api(manager).post(`/alerts/${MISSING}/acknowledge`);
    expect([acknowledged.status, acknowledged.body.code]).toEqual([404, 'NOT_FOUND']);
    const other = await harness.token({ organizationId: randomUUID(), roles: ['manager'] });
    expect((await api(other).get(`/devices/${device.body.id}`)).status).toBe(404);
  });
});
