import { randomUUID } from 'node:crypto';
import { AuditLogDto, AuditOperations } from '@quartier/contracts-identity';
import { AUDIT_RECORDED_EVENT, AuditRecordedPayload, Page } from '@quartier/contracts-shared';
import { publishEvent } from '@quartier/messaging';
import { TestStack, startTestStack, testCaller } from '@quartier/testing';
import { identityService } from '../src/identity.service-app';
import { failure, send, sleep } from './identity-test-helpers';

describe('identity audit log', () => {
  let stack: TestStack;
  const organizationA = randomUUID();
  const organizationB = randomUUID();
  const userId = randomUUID();

  beforeAll(async () => {
    stack = await startTestStack([identityService]);
  });
  afterAll(async () => {
    await stack.teardown();
  });

  const publish = (organizationId: string, payload: Partial<AuditRecordedPayload>, occurredAt = new Date().toISOString()): Promise<void> =>
    publishEvent(stack.nats, stack.prefix, {
      id: randomUUID(),
      type: AUDIT_RECORDED_EVENT,
      organizationId,
      occurredAt,
      payload: {
        requestId: randomUUID(),
        method: 'POST',
        path: '/api/v1/properties',
        status: 201,
        outcome: 'success',
        durationMs: 12,
        ...payload,
      } satisfies AuditRecordedPayload,
    });

  const list = (query: object, organizationId = organizationA): Promise<Page<AuditLogDto>> =>
    send(stack, AuditOperations.list, query, testCaller(organizationId, { roles: ['admin'] }));

  async function until(condition: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('Timed out waiting for audit events');
      await sleep(50);
    }
  }

  it('stores the gateway’s audit events and lists them per organization for admins', async () => {
    await publish(organizationA, { userId, userEmail: 'anna@example.de', method: 'POST', status: 201 }, '2026-11-20T10:00:00.000Z');
    await publish(organizationA, { userId, method: 'DELETE', path: '/api/v1/units/1', status: 404, outcome: 'failure' }, '2026-11-21T10:00:00.000Z');
    await publish(organizationA, { method: 'PATCH', status: 200 }, '2026-11-22T10:00:00.000Z');
    await publish(organizationB, { method: 'POST', status: 201 });
    await until(async () => (await list({})).total === 3 && (await list({}, organizationB)).total === 1);

    const all = await list({});
    expect(all.items.map((item) => item.method)).toEqual(['PATCH', 'DELETE', 'POST']);
    expect(all.items[2]).toMatchObject({ userId, userEmail: 'anna@example.de', path: '/api/v1/properties', status: 201, outcome: 'success' });

    expect((await list({ userId })).total).toBe(2);
    expect((await list({ method: 'DELETE' })).items).toMatchObject([{ status: 404, outcome: 'failure' }]);
    expect((await list({ status: 201 })).total).toBe(1);
    expect((await list({ from: '2026-11-21T00:00:00Z', to: '2026-11-22T00:00:00Z' })).items.map((item) => item.method)).toEqual(['DELETE']);
    expect((await list({ size: 1, page: 2, sort: 'occurredAt' })).items.map((item) => item.method)).toEqual(['DELETE']);
  });

  it('shows the audit log to owners and admins only', async () => {
    const viewer = testCaller(organizationA, { roles: ['viewer'], scopes: ['read'] });
    expect(await failure(send(stack, AuditOperations.list, {}, viewer))).toMatchObject({ status: 403 });
    expect(await failure(list({ sort: 'path' }))).toMatchObject({ status: 422 });
  });
});
