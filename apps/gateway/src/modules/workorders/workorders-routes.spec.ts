import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { BoardSubjects, ContractorSubjects, TaskSubjects, WorkOrderSubjects } from '@quartier/contracts-workorders';
import { GatewayHarness, ReceivedRequest, respond, startGatewayHarness } from '../../../test/gateway-harness';

const MISSING = '00000000-0000-4000-8000-000000000000';
const FINISHED = '00000000-0000-4000-8000-000000000001';

/** The /api/v1 workorders, contractors, boards and tasks routes against stand-in workorders responders. */
describe('workorders routes', () => {
  let harness: GatewayHarness;
  let token: string;
  const seen: Record<string, ReceivedRequest> = {};

  beforeAll(async () => {
    harness = await startGatewayHarness();
    token = await harness.token({ roles: ['manager'] });
    const subjects = [WorkOrderSubjects, ContractorSubjects, BoardSubjects, TaskSubjects].flatMap((group) => Object.values(group));
    for (const subject of subjects) {
      respond(harness.stack.nats, harness.stack.prefix, subject, (received) => {
        seen[subject] = received;
        const data = received.data as { id?: string };
        if (data.id === MISSING) throw { status: 404, code: 'NOT_FOUND', message: 'Work order not found' };
        if (data.id === FINISHED) {
          throw {
            status: 409,
            code: 'WORK_ORDER_ILLEGAL_TRANSITION',
            message: 'Cannot start a work order that is completed; allowed: none, the work order is final',
            details: { status: 'completed', action: 'start', allowedTransitions: [] },
          };
        }
        if (subject === TaskSubjects.export) return { filename: 'tasks-2026-11-22.csv', contentType: 'text/csv', content: 'id,title\r\n1,"a,b"\r\n' };
        return { subject, data: received.data };
      });
    }
  });
  afterAll(async () => {
    await harness?.teardown();
  });

  const call = (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, body?: object, bearer = token) => {
    const pending = request(harness.url)[method](`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`);
    return body ? pending.send(body) : pending;
  };

  it('maps every route to its subject with the path ids in the payload', async () => {
    const id = randomUUID();
    const other = randomUUID();
    const cases: [Parameters<typeof call>[0], string, object | undefined, string, unknown, number][] = [
      ['get', '/workorders?status=open&overdue=true&size=5', undefined, WorkOrderSubjects.list, { status: 'open', overdue: true, size: 5 }, 200],
      ['post', '/workorders', { title: 'Leak', priority: 'high' }, WorkOrderSubjects.create, { title: 'Leak', priority: 'high' }, 201],
      ['get', '/workorders/urgent', undefined, WorkOrderSubjects.urgent, {}, 200],
      ['get', '/workorders/stats', undefined, WorkOrderSubjects.stats, {}, 200],
      ['get', `/workorders/unit/${id}`, undefined, WorkOrderSubjects.byUnit, { unitId: id }, 200],
      ['get', `/workorders/${id}`, undefined, WorkOrderSubjects.get, { id }, 200],
      ['put', `/workorders/${id}`, { title: 't' }, WorkOrderSubjects.update, { title: 't', id }, 200],
      ['patch', `/workorders/${id}`, { priority: 'low' }, WorkOrderSubjects.update, { priority: 'low', id }, 200],
      ['post', `/workorders/${id}/assign`, { contractorId: other }, WorkOrderSubjects.assign, { contractorId: other, id }, 200],
      ['post', `/workorders/${id}/start`, {}, WorkOrderSubjects.start, { id }, 200],
      ['post', `/workorders/${id}/complete`, { actualCostCents: 100, resolutionNotes: 'ok' }, WorkOrderSubjects.complete, { actualCostCents: 100, resolutionNotes: 'ok', id }, 200],
      ['post', `/workorders/${id}/cancel`, { reason: 'dup' }, WorkOrderSubjects.cancel, { reason: 'dup', id }, 200],
      ['post', `/workorders/${id}/comment`, { body: 'hi' }, WorkOrderSubjects.comment, { body: 'hi', id }, 201],
      ['get', `/workorders/${id}/timeline`, undefined, WorkOrderSubjects.timeline, { id }, 200],
      ['post', `/workorders/${id}/tasks`, { title: 'x' }, WorkOrderSubjects.addTask, { title: 'x', id }, 201],
      ['patch', `/workorders/${id}/tasks/${other}`, { done: true }, WorkOrderSubjects.updateTask, { done: true, id, taskId: other }, 200],
      ['post', `/workorders/${id}/materials`, { name: 'pipe', quantity: 2.5, unitCostCents: 399 }, WorkOrderSubjects.addMaterial, { name: 'pipe', quantity: 2.5, unitCostCents: 399, id }, 201],
      ['get', '/contractors?trade=plumbing&active=true', undefined, ContractorSubjects.list, { trade: 'plumbing', active: true }, 200],
      ['post', '/contractors', { name: 'M', trade: 'plumbing' }, ContractorSubjects.create, { name: 'M', trade: 'plumbing' }, 201],
      ['get', `/contractors/${id}/workorders?page=2`, undefined, ContractorSubjects.workOrders, { page: 2, id }, 200],
      ['patch', `/contractors/${id}`, { active: false }, ContractorSubjects.update, { active: false, id }, 200],
      ['get', '/boards', undefined, BoardSubjects.list, {}, 200],
      ['post', '/boards', { name: 'B' }, BoardSubjects.create, { name: 'B' }, 201],
      ['patch', `/boards/${id}`, { name: 'C' }, BoardSubjects.update, { name: 'C', id }, 200],
      ['get', `/tasks?boardId=${id}&label=roof&overdue=false`, undefined, TaskSubjects.list, { boardId: id, label: 'roof', overdue: false }, 200],
      ['post', '/tasks', { title: 'T', labels: ['a'] }, TaskSubjects.create, { title: 'T', labels: ['a'] }, 201],
      ['get', '/tasks/statistics?assigneeId=' + other, undefined, TaskSubjects.statistics, { assigneeId: other }, 200],
      ['patch', `/tasks/${id}/move`, { columnKey: 'done', position: 0 }, TaskSubjects.move, { columnKey: 'done', position: 0, id }, 200],
      ['post', `/tasks/${id}/subtasks`, { title: 's' }, TaskSubjects.addSubtask, { title: 's', id }, 201],
      ['patch', `/tasks/${id}/subtasks/${other}`, { done: true }, TaskSubjects.updateSubtask, { done: true, id, subtaskId: other }, 200],
      ['post', `/tasks/${id}/comments`, { body: 'c' }, TaskSubjects.comment, { body: 'c', id }, 201],
      ['get', `/tasks/${id}/comments`, undefined, TaskSubjects.comments, { id }, 200],
    ];
    for (const [method, path, body, subject, payload, status] of cases) {
      const response = await call(method, path, body);
      expect([method, path, response.status]).toEqual([method, path, status]);
      expect([path, seen[subject]?.data]).toEqual([path, payload]);
    }
    expect(seen[WorkOrderSubjects.create].caller.organizationId).toBe(harness.organizationId);
    for (const path of [`/workorders/${id}`, `/workorders/${id}/tasks/${other}`, `/workorders/${id}/materials/${other}`, `/contractors/${id}`, `/boards/${id}`, `/tasks/${id}`, `/tasks/${id}/subtasks/${other}`]) {
      expect([path, (await call('delete', path)).status]).toEqual([path, 204]);
    }
  });

  it('exports tasks as a CSV download', async () => {
    const response = await call('get', '/tasks/export?status=done');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="tasks-2026-11-22.csv"');
    expect(response.text).toBe('id,title\r\n1,"a,b"\r\n');
    expect(seen[TaskSubjects.export].data).toEqual({ status: 'done' });
  });

  it('validates at the edge (422) and passes 404 and 409 problems through with their details', async () => {
    const invalid = await call('post', '/workorders', { title: '', priority: 'whenever' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['priority', 'title']);
    expect((await call('get', '/workorders/not-a-uuid')).status).toBe(422);
    expect((await call('patch', `/tasks/${randomUUID()}/move`, { columnKey: 'done', position: -1 })).status).toBe(422);
    const missing = await call('get', `/workorders/${MISSING}`);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    const illegal = await call('post', `/workorders/${FINISHED}/start`, {});
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({
      code: 'WORK_ORDER_ILLEGAL_TRANSITION',
      detail: 'Cannot start a work order that is completed; allowed: none, the work order is final',
    });
  });

  it('lets residents file and comment on work orders but not manage contractors, boards or tasks', async () => {
    const resident = await harness.token({ roles: ['resident'] });
    expect((await call('post', '/workorders', { title: 'Window broken', unitId: randomUUID() }, resident)).status).toBe(201);
    expect((await call('post', `/workorders/${randomUUID()}/comment`, { body: 'x' }, resident)).status).toBe(201);
    expect((await call('post', `/workorders/${randomUUID()}/cancel`, { reason: 'x' }, resident)).status).toBe(403);
    expect((await call('post', '/contractors', { name: 'M', trade: 'plumbing' }, resident)).status).toBe(403);
    expect((await call('post', '/tasks', { title: 'T' }, resident)).status).toBe(403);
    const viewer = await harness.token({ roles: ['viewer'] });
    expect((await call('get', '/workorders', undefined, viewer)).status).toBe(200);
    expect((await call('delete', `/boards/${randomUUID()}`, undefined, viewer)).status).toBe(403);
  });
});
