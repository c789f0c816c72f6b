import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { isComponentName } from '@quartier/contracts-shared';
import { RunningSuite, SuiteOptions, startSuite } from '@quartier/launcher';
import { BoardOperations, ContractorOperations, TaskOperations, WORKORDERS_OPERATIONS, WorkOrderOperations } from '@quartier/contracts-workorders';
import { GatewayHarness, ReceivedRequest, respond, startGatewayHarness } from '../../../test/gateway-harness';

const MISSING = '00000000-0000-4000-8000-000000000000';
const FINISHED = '00000000-0000-4000-8000-000000000001';

/** The /api/v1 workorders, contractors, boards and tasks routes against stand-in workorders responders: what the gateway sends and answers. */
describe('workorders routes', () => {
  let harness: GatewayHarness;
  let token: string;
  const seen: Record<string, ReceivedRequest> = {};

  beforeAll(async () => {
    harness = await startGatewayHarness();
    token = await harness.token({ roles: ['manager'] });
    // PUT and PATCH share a subject: answer each subject once.
    for (const subject of new Set(WORKORDERS_OPERATIONS.map((operation) => operation.subject))) {
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
        if (subject === TaskOperations.export.subject) return { filename: 'tasks-2026-11-22.csv', contentType: 'text/csv', content: 'id,title\r\n1,"a,b"\r\n' };
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
      ['get', '/workorders?status=open&overdue=true&size=5', undefined, WorkOrderOperations.list.subject, { status: 'open', overdue: true, size: 5 }, 200],
      ['post', '/workorders', { title: 'Leak', priority: 'high' }, WorkOrderOperations.create.subject, { title: 'Leak', priority: 'high' }, 201],
      ['get', '/workorders/urgent', undefined, WorkOrderOperations.urgent.subject, {}, 200],
      ['get', '/workorders/stats', undefined, WorkOrderOperations.stats.subject, {}, 200],
      ['get', `/workorders/unit/${id}`, undefined, WorkOrderOperations.byUnit.subject, { unitId: id }, 200],
      ['get', `/workorders/${id}`, undefined, WorkOrderOperations.get.subject, { id }, 200],
      ['put', `/workorders/${id}`, { title: 't' }, WorkOrderOperations.update.subject, { title: 't', id }, 200],
      ['patch', `/workorders/${id}`, { priority: 'low' }, WorkOrderOperations.update.subject, { priority: 'low', id }, 200],
      ['post', `/workorders/${id}/assign`, { contractorId: other }, WorkOrderOperations.assign.subject, { contractorId: other, id }, 200],
      ['post', `/workorders/${id}/start`, {}, WorkOrderOperations.start.subject, { id }, 200],
      ['post', `/workorders/${id}/complete`, { actualCostCents: 100, resolutionNotes: 'ok' }, WorkOrderOperations.complete.subject, { actualCostCents: 100, resolutionNotes: 'ok', id }, 200],
      ['post', `/workorders/${id}/cancel`, { reason: 'dup' }, WorkOrderOperations.cancel.subject, { reason: 'dup', id }, 200],
      ['post', `/workorders/${id}/comment`, { body: 'hi' }, WorkOrderOperations.comment.subject, { body: 'hi', id }, 201],
      ['get', `/workorders/${id}/timeline`, undefined, WorkOrderOperations.timeline.subject, { id }, 200],
      ['post', `/workorders/${id}/tasks`, { title: 'x' }, WorkOrderOperations.addTask.subject, { title: 'x', id }, 201],
      ['patch', `/workorders/${id}/tasks/${other}`, { done: true }, WorkOrderOperations.updateTask.subject, { done: true, id, taskId: other }, 200],
      ['post', `/workorders/${id}/materials`, { name: 'pipe', quantity: 2.5, unitCostCents: 399 }, WorkOrderOperations.addMaterial.subject, { name: 'pipe', quantity: 2.5, unitCostCents: 399, id }, 201],
      ['get', '/contractors?trade=plumbing&active=true', undefined, ContractorOperations.list.subject, { trade: 'plumbing', active: true }, 200],
      ['post', '/contractors', { name: 'M', trade: 'plumbing' }, ContractorOperations.create.subject, { name: 'M', trade: 'plumbing' }, 201],
      ['get', `/contractors/${id}/workorders?page=2`, undefined, ContractorOperations.workOrders.subject, { page: 2, id }, 200],
      ['patch', `/contractors/${id}`, { active: false }, ContractorOperations.update.subject, { active: false, id }, 200],
      ['get', '/boards', undefined, BoardOperations.list.subject, {}, 200],
      ['post', '/boards', { name: 'B' }, BoardOperations.create.subject, { name: 'B' }, 201],
      ['patch', `/boards/${id}`, { name: 'C' }, BoardOperations.update.subject, { name: 'C', id }, 200],
      ['get', `/tasks?boardId=${id}&label=roof&overdue=false`, undefined, TaskOperations.list.subject, { boardId: id, label: 'roof', overdue: false }, 200],
      ['post', '/tasks', { title: 'T', labels: ['a'] }, TaskOperations.create.subject, { title: 'T', labels: ['a'] }, 201],
      ['get', '/tasks/statistics?assigneeId=' + other, undefined, TaskOperations.statistics.subject, { assigneeId: other }, 200],
      ['patch', `/tasks/${id}/move`, { columnKey: 'done', position: 0 }, TaskOperations.move.subject, { columnKey: 'done', position: 0, id }, 200],
      ['post', `/tasks/${id}/subtasks`, { title: 's' }, TaskOperations.addSubtask.subject, { title: 's', id }, 201],
      ['patch', `/tasks/${id}/subtasks/${other}`, { done: true }, TaskOperations.updateSubtask.subject, { done: true, id, subtaskId: other }, 200],
      ['post', `/tasks/${id}/comments`, { body: 'c' }, TaskOperations.comment.subject, { body: 'c', id }, 201],
      ['get', `/tasks/${id}/comments`, undefined, TaskOperations.comments.subject, { id }, 200],
    ];
    for (const [method, path, body, subject, payload, status] of cases) {
      const response = await call(method, path, body);
      expect([method, path, response.status]).toEqual([method, path, status]);
      expect([path, seen[subject]?.data]).toEqual([path, payload]);
    }
    expect(seen[WorkOrderOperations.create.subject].caller.organizationId).toBe(harness.organizationId);
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
    expect(seen[TaskOperations.export.subject].data).toEqual({ status: 'done' });
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

/** A component's bus environment as the launcher takes it: only the variables that are set. */
function busEnv(harness: GatewayHarness, app: string): Record<string, string> {
  if (!isComponentName(app)) return {};
  return Object.fromEntries(Object.entries(harness.stack.envFor(app)).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * Routes through the gateway to the real workorders service (its own process, as `npm start`
 * runs it, on the harness's database and NATS prefix): payloads the service accepts, its answers
 * and its errors, not an echo.
 */
describe('workorders routes against the workorders service', () => {
  let harness: GatewayHarness;
  let workorders: RunningSuite;
  let manager: string;

  beforeAll(async () => {
    harness = await startGatewayHarness();
    // The launcher joins the app to the harness's bus with the workorders key (suite.js `options.bus`).
    const options: SuiteOptions = {
      services: ['workorders'],
      quiet: true,
      env: { ...harness.stack.env, ALERT_CONSUMER_ENABLED: 'false' },
      bus: { url: harness.stack.bus.url, envFor: (app) => busEnv(harness, app), stop: async () => undefined },
    };
    workorders = await startSuite(options);
    manager = await harness.token({ roles: ['manager'] });
  }, 120_000);
  afterAll(async () => {
    await workorders?.stop();
    await harness?.teardown();
  });

  const api = (bearer: string) => ({
    get: (path: string) => request(harness.url).get(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`),
    post: (path: string, body: object) => request(harness.url).post(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`).send(body),
    put: (path: string, body: object) => request(harness.url).put(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`).send(body),
    patch: (path: string, body: object) => request(harness.url).patch(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`).send(body),
    delete: (path: string) => request(harness.url).delete(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`),
  });

  it('runs a contractor and a work order through their lifecycle with the service’s answers and statuses', async () => {
    const contractor = await api(manager).post('/contractors', { name: 'Rohr & Söhne', trade: 'plumbing' });
    expect([contractor.status, contractor.body]).toMatchObject([201, { name: 'Rohr & Söhne', trade: 'plumbing', active: true, openWorkOrders: 0 }]);
    const replaced = await api(manager).put(`/contractors/${contractor.body.id}`, { name: 'Rohr GmbH', trade: 'plumbing' });
    expect([replaced.status, replaced.body.name]).toEqual([200, 'Rohr GmbH']);

    const created = await api(manager).post('/workorders', { title: 'Leaking pipe', priority: 'high' });
    expect([created.status, created.body]).toMatchObject([201, { title: 'Leaking pipe', status: 'open', priority: 'high', source: 'staff' }]);
    const id: string = created.body.id;
    const assigned = await api(manager).post(`/workorders/${id}/assign`, { contractorId: contractor.body.id });
    expect([assigned.status, assigned.body.status]).toEqual([200, 'assigned']);
    const completed = await api(manager).post(`/workorders/${id}/complete`, { actualCostCents: 100, resolutionNotes: 'ok' });
    expect([completed.status, completed.body.code]).toEqual([409, 'WORK_ORDER_ILLEGAL_TRANSITION']);
    expect(completed.body.details.allowedTransitions).toEqual(expect.any(Array));

    const timeline = await api(manager).get(`/workorders/${id}/timeline`);
    expect([timeline.status, timeline.body.map((entry: { type: string }) => entry.type)]).toEqual([200, ['created', 'assigned']]);
    const busy = await api(manager).delete(`/contractors/${contractor.body.id}`);
    expect([busy.status, busy.body.code]).toEqual([409, 'CONTRACTOR_HAS_OPEN_WORK_ORDERS']);
    const ofContractor = await api(manager).get(`/contractors/${contractor.body.id}/workorders?size=5`);
    expect([ofContractor.status, ofContractor.body]).toMatchObject([200, { total: 1, page: 1, size: 5, items: [{ id }] }]);

    const deleted = await api(manager).delete(`/workorders/${id}`);
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    expect((await api(manager).get(`/workorders/${id}`)).status).toBe(404);
  });

  it('keeps boards and tasks to the staff and passes the service’s checks through as problems', async () => {
    const board = await api(manager).post('/boards', { name: 'Maintenance' });
    expect([board.status, board.body.columns.map((column: { key: string }) => column.key)]).toEqual([201, ['backlog', 'todo', 'in_progress', 'review', 'done']]);
    const task = await api(manager).post('/tasks', { boardId: board.body.id, title: 'Check the boiler' });
    expect([task.status, task.body.status]).toEqual([201, 'backlog']);
    const subtask = await api(manager).post(`/tasks/${task.body.id}/subtasks`, { title: 'Read the pressure' });
    const ticked = await api(manager).patch(`/tasks/${task.body.id}/subtasks/${subtask.body.id}`, { done: true });
    expect([ticked.status, ticked.body]).toMatchObject([200, { id: subtask.body.id, done: true }]);
    const unknownColumn = await api(manager).patch(`/tasks/${task.body.id}/move`, { columnKey: 'nowhere', position: 0 });
    expect([unknownColumn.status, unknownColumn.body.errors]).toEqual([422, [expect.objectContaining({ field: 'columnKey' })]]);
    const csv = await api(manager).get(`/tasks/export?boardId=${board.body.id}`);
    expect([csv.status, csv.headers['content-type']]).toEqual([200, expect.stringMatching(/^text\/csv/)]);
    expect(csv.text).toContain('Check the boiler');

    // The gateway lets a resident read; the service keeps its staff tools to the staff.
    const resident = await harness.token({ roles: ['resident'] });
    expect((await api(resident).get('/boards')).status).toBe(403);
    expect((await api(resident).get(`/tasks/${task.body.id}`)).status).toBe(403);
  });
});
