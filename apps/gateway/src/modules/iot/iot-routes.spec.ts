import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { IotSubjects } from '@quartier/contracts-iot';
import { GatewayHarness, ReceivedRequest, respond, startGatewayHarness } from '../../../test/gateway-harness';

/** The /api/v1/iot routes against stand-in iot responders: subjects, payload shapes, edge validation, errors. */
describe('iot routes', () => {
  let harness: GatewayHarness;
  let token: string;
  const seen: Record<string, ReceivedRequest> = {};

  beforeAll(async () => {
    harness = await startGatewayHarness();
    token = await harness.token();
    for (const subject of Object.values(IotSubjects)) {
      respond(harness.stack.nats, harness.stack.prefix, subject, (received) => {
        seen[subject] = received;
        const data = received.data as { id?: string };
        if (data.id === '00000000-0000-4000-8000-000000000000') throw { status: 404, code: 'NOT_FOUND', message: 'Device not found' };
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

  it('maps every route to its subject with the path ids in the payload', async () => {
    const id = randomUUID();
    const cases: [Parameters<typeof call>[0], string, object | undefined, string, unknown][] = [
      ['get', '/devices?type=meter&online=true', undefined, IotSubjects.devicesList, { type: 'meter', online: true }],
      ['get', `/devices/unit/${id}`, undefined, IotSubjects.devicesByUnit, { unitId: id }],
      ['patch', `/devices/${id}`, { name: 'n' }, IotSubjects.devicesUpdate, { id, changes: { name: 'n' } }],
      ['post', `/devices/${id}/command`, { command: 'reboot' }, IotSubjects.commandsSend, { id, command: { command: 'reboot' } }],
      ['get', `/devices/${id}/readings?metric=power`, undefined, IotSubjects.readingsList, { metric: 'power', deviceId: id }],
      ['get', `/devices/${id}/readings?bucket=hour`, undefined, IotSubjects.readingsAggregate, { bucket: 'hour', deviceId: id }],
      ['get', '/sensors/readings?bucket=day', undefined, IotSubjects.readingsAggregate, { bucket: 'day' }],
      ['post', '/sensors/readings', { deviceId: id, readings: [{ metric: 'power', value: 2 }] }, IotSubjects.readingsRecord, { deviceId: id, readings: [{ metric: 'power', value: 2 }] }],
      ['get', `/commands/${id}`, undefined, IotSubjects.commandsGet, { id }],
      ['get', '/automation/rules?triggerType=offline', undefined, IotSubjects.rulesList, { triggerType: 'offline' }],
      ['post', `/alerts/${id}/acknowledge`, undefined, IotSubjects.alertsAcknowledge, { id, body: {} }],
      ['post', `/alerts/${id}/resolve`, { note: 'fixed' }, IotSubjects.alertsResolve, { id, body: { note: 'fixed' } }],
    ];
    for (const [method, path, body, subject, payload] of cases) {
      const response = await call(method, path, body);
      expect([path, response.status]).toEqual([path, method === 'post' && !path.includes('/alerts/') ? 201 : 200]);
      expect([path, seen[subject]?.data]).toEqual([path, payload]);
    }
    expect(seen[IotSubjects.alertsResolve].caller.organizationId).toBe(harness.organizationId);
    expect((await call('delete', `/devices/${id}`)).status).toBe(204);
  });

  it('validates at the edge (422) and passes service errors through as problems', async () => {
    const invalid = await call('post', '/devices', { name: 'x', type: 'toaster' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: { field: string }) => e.field)).toEqual(['type']);
    expect((await call('get', '/devices/not-a-uuid')).status).toBe(422);
    expect((await call('get', '/sensors/readings?bucket=week')).status).toBe(422);
    const missing = await call('get', '/devices/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('lets a viewer read but not write', async () => {
    const viewer = await harness.token({ roles: ['viewer'] });
    expect((await request(harness.url).get('/api/v1/iot/alerts').set('Authorization', `Bearer ${viewer}`)).status).toBe(200);
    const write = await request(harness.url).post('/api/v1/iot/devices').set('Authorization', `Bearer ${viewer}`).send({ name: 'x', type: 'sensor' });
    expect(write.status).toBe(403);
  });
});
