import { randomUUID } from 'node:crypto';
import { AnyOperation, OrgCaller, RequestOf, ResponseOf } from '@quartier/contracts-shared';
import { BoardOperations, BoardView, CreateTaskDto, TaskEvent, TaskOperations, TaskView, WorkOrderErrorCode, WorkOrderOperations } from '@quartier/contracts-workorders';
import { OperationClient } from '@quartier/messaging';
import { TestStack, rpcFailure, startTestStack, testCaller, waitFor } from '@quartier/testing';
import { workordersService } from '../src/workorders.service-app';
import { collectEvents } from './helpers';

describe('kanban boards and tasks over NATS', () => {
  let stack: TestStack;
  let caller: OrgCaller;
  let board: BoardView;

  beforeAll(async () => {
    stack = await startTestStack([workordersService]);
    caller = testCaller(randomUUID());
  });
  afterAll(() => stack.teardown());

  const call = <Operation extends AnyOperation>(operation: Operation, payload: RequestOf<Operation>, who: OrgCaller = caller): Promise<ResponseOf<Operation>> =>
    new OperationClient(stack.rpc).send(operation, payload, who);
  const createTask = (dto: CreateTaskDto, who: OrgCaller = caller): Promise<TaskView> => call(TaskOperations.create, dto, who);

  it('creates a board with ordered columns, WIP limits and allowed sources, and rejects inconsistent columns', async () => {
    board = await call(BoardOperations.create, {
      name: 'Renovation',
      columns: [
        { key: 'todo', name: 'To do' },
        { key: 'doing', name: 'Doing', wipLimit: 2 },
        { key: 'review', name: 'Review', allowedFrom: ['doing'] },
        { key: 'done', name: 'Done', terminal: true, allowedFrom: ['review'] },
      ],
    });
    expect(board.columns.map((c) => [c.key, c.position, c.wipLimit, c.terminal])).toEqual([
      ['todo', 0, null, false],
      ['doing', 1, 2, false],
      ['review', 2, null, false],
      ['done', 3, null, true],
    ]);
    const invalid = await rpcFailure(
      call(BoardOperations.create, { name: 'Bad', columns: [{ key: 'a', name: 'A' }, { key: 'a', name: 'B', allowedFrom: ['zz'] }] }),
    );
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors?.map((e) => e.field)).toEqual(['columns.1.key', 'columns.1.allowedFrom']);
  });

  it('moves tasks, enforcing the WIP limit and allowed source columns (409) and keeping positions dense', async () => {
    const events = collectEvents(stack.nats, stack.prefix);
    const a = await createTask({ boardId: board.id, title: 'Strip wallpaper' });
    const b = await createTask({ boardId: board.id, title: 'Sand floors' });
    const c = await createTask({ boardId: board.id, title: 'Fix sockets' });
    expect([a.status, a.position, b.position, c.position]).toEqual(['todo', 0, 1, 2]);

    const skip = await rpcFailure(call(TaskOperations.move, { id: a.id, columnKey: 'review' }));
    expect(skip).toMatchObject({ status: 409, code: WorkOrderErrorCode.MOVE_NOT_ALLOWED });
    expect(skip.message).toBe('Tasks cannot move from todo to review; review accepts tasks from: doing');

    await call(TaskOperations.move, { id: a.id, columnKey: 'doing' });
    const bMoved = await call(TaskOperations.move, { id: b.id, columnKey: 'doing', position: 0 });
    expect(bMoved).toMatchObject({ status: 'doing', position: 0 });
    const full = await rpcFailure(call(TaskOperations.move, { id: c.id, columnKey: 'doing' }));
    expect(full).toMatchObject({ status: 409, code: WorkOrderErrorCode.WIP_LIMIT_REACHED, message: 'Column doing is at its WIP limit of 2' });
    const fullOnCreate = await rpcFailure(createTask({ boardId: board.id, columnKey: 'doing', title: 'One more' }));
    expect(fullOnCreate.code).toBe(WorkOrderErrorCode.WIP_LIMIT_REACHED);

    const doing = await call(TaskOperations.list, { boardId: board.id, status: 'doing', sort: 'position' });
    expect(doing.items.map((t) => [t.id, t.position])).toEqual([
      [b.id, 0],
      [a.id, 1],
    ]);
    const todo = await call(TaskOperations.list, { boardId: board.id, status: 'todo' });
    expect(todo.items.map((t) => [t.id, t.position])).toEqual([[c.id, 0]]);

    await call(TaskOperations.move, { id: a.id, columnKey: 'review' });
    const done = await call(TaskOperations.move, { id: a.id, columnKey: 'done' });
    expect(done.completedAt).not.toBeNull();

    await waitFor(() => events.types.filter((type) => type === TaskEvent.MOVED).length >= 4);
    events.stop();
    expect(events.payloads.at(-1)).toMatchObject({ taskId: a.id, fromColumn: 'review', toColumn: 'done', boardId: board.id });
    const unknown = await rpcFailure(call(TaskOperations.move, { id: c.id, columnKey: 'nowhere' }));
    expect(unknown.status).toBe(422);
  });

  it('lets only one of two simultaneous moves into the last free slot through', async () => {
    const who = testCaller(randomUUID());
    const own = await call(
      BoardOperations.create,
      { name: 'Race', columns: [{ key: 'todo', name: 'To do' }, { key: 'doing', name: 'Doing', wipLimit: 1 }] },
      who,
    );
    const first = await createTask({ boardId: own.id, title: 'One' }, who);
    const second = await createTask({ boardId: own.id, title: 'Two' }, who);
    const results = await Promise.allSettled([
      call(TaskOperations.move, { id: first.id, columnKey: 'doing' }, who),
      call(TaskOperations.move, { id: second.id, columnKey: 'doing' }, who),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const doing = await call(TaskOperations.list, { boardId: own.id, status: 'doing' }, who);
    expect(doing.total).toBe(1);
  });

  it('keeps subtasks and comments on a task', async () => {
    const task = await createTask({ boardId: board.id, title: 'Order tiles', labels: ['bathroom'] });
    const first = await call(TaskOperations.addSubtask, { id: task.id, title: 'Measure walls' });
    await call(TaskOperations.addSubtask, { id: task.id, title: 'Pick colour' });
    await call(TaskOperations.updateSubtask, { id: task.id, subtaskId: first.id, done: true });
    const detail = await call(TaskOperations.get, { id: task.id });
    expect(detail.subtasks.map((s) => [s.title, s.done, s.position])).toEqual([
      ['Measure walls', true, 0],
      ['Pick colour', false, 1],
    ]);
    await call(TaskOperations.comment, { id: task.id, body: 'Supplier quoted 2 weeks' });
    await call(TaskOperations.comment, { id: task.id, body: 'Ordered' });
    const comments = await call(TaskOperations.comments, { id: task.id });
    expect(comments.items.map((c) => [c.body, c.authorUserId])).toEqual([
      ['Supplier quoted 2 weeks', caller.userId],
      ['Ordered', caller.userId],
    ]);
  });

  it('files tasks without a board on the default board and links them to a work order of the organization only', async () => {
    const who = testCaller(randomUUID());
    const order = await call(WorkOrderOperations.create, { title: 'Heating check' }, who);
    const task = await createTask({ title: 'Call the plumber', workOrderId: order.id }, who);
    expect(task).toMatchObject({ status: 'backlog', workOrderId: order.id });
    const boards = await call(BoardOperations.list, {}, who);
    expect(boards.items.map((b) => b.name)).toEqual(['Tasks']);
    expect(boards.items[0].columns.find((c) => c.key === 'backlog')?.taskCount).toBe(1);
    const foreign = await call(WorkOrderOperations.create, { title: 'Not yours' });
    const error = await rpcFailure(createTask({ title: 'Sneaky', workOrderId: foreign.id }, who));
    expect(error.status).toBe(422);
  });

  it('computes statistics and exports CSV with escaping', async () => {
    const who = testCaller(randomUUID());
    const own = await call(BoardOperations.create, { name: 'Stats', columns: [{ key: 'open', name: 'Open' }, { key: 'closed', name: 'Closed', terminal: true }] }, who);
    const assignee = randomUUID();
    await createTask({ boardId: own.id, title: 'Late, "urgent"', priority: 'urgent', assigneeId: assignee, dueDate: '2020-01-01' }, who);
    const finished = await createTask({ boardId: own.id, title: '=cmd()', dueDate: '2020-01-01' }, who);
    await call(TaskOperations.move, { id: finished.id, columnKey: 'closed' }, who);
    await createTask({ boardId: own.id, title: 'Later', dueDate: '2999-01-01', priority: 'low' }, who);

    const stats = await call(TaskOperations.statistics, {}, who);
    expect(stats).toEqual({
      total: 3,
      byStatus: { open: 2, closed: 1 },
      byPriority: { low: 1, medium: 1, high: 0, urgent: 1 },
      byAssignee: { [assignee]: 1, unassigned: 2 },
      overdue: 1,
      completed: 1,
      completionRate: 0.3333,
    });
    const overdue = await call(TaskOperations.list, { overdue: true }, who);
    expect(overdue.items.map((t) => t.title)).toEqual(['Late, "urgent"']);

    const csv = await call(TaskOperations.export, { boardId: own.id }, who);
    expect(csv.contentType).toBe('text/csv');
    const lines = csv.content.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,boardId,status,position,title,description,priority,assigneeId,dueDate,labels,storyPoints,propertyId,unitId,contactId,workOrderId,completedAt,createdAt',
    );
    expect(lines).toHaveLength(4);
    expect(csv.content).toContain(',"Late, ""urgent""",');
    expect(csv.content).toContain(",'=cmd(),");
  });

  it("answers another organization's boards and tasks like missing ones (404) and keeps residents out (403)", async () => {
    const task = await createTask({ boardId: board.id, title: 'Private' });
    const stranger = testCaller(randomUUID());
    const attempts: [AnyOperation, object][] = [
      [BoardOperations.get, { id: board.id }],
      [BoardOperations.update, { id: board.id, name: 'x' }],
      [BoardOperations.delete, { id: board.id }],
      [TaskOperations.get, { id: task.id }],
      [TaskOperations.update, { id: task.id, title: 'x' }],
      [TaskOperations.delete, { id: task.id }],
      [TaskOperations.move, { id: task.id, columnKey: 'doing' }],
      [TaskOperations.addSubtask, { id: task.id, title: 'x' }],
      [TaskOperations.comment, { id: task.id, body: 'x' }],
    ];
    for (const [operation, data] of attempts) {
      const error = await rpcFailure(call(operation, data, stranger));
      expect({ subject: operation.subject, status: error.status }).toEqual({ subject: operation.subject, status: 404 });
    }
    const outsiderTasks = await call(TaskOperations.list, {}, stranger);
    expect(outsiderTasks.total).toBe(0);
    const resident = testCaller(caller.organizationId, { roles: ['resident'], scopes: ['read'] });
    expect((await rpcFailure(call(TaskOperations.list, {}, resident))).status).toBe(403);
    expect((await rpcFailure(call(BoardOperations.list, {}, resident))).status).toBe(403);
  });

  it('refuses dropping a column that still holds tasks (409)', async () => {
    const error = await rpcFailure(call(BoardOperations.update, { id: board.id, columns: [{ key: 'todo', name: 'To do' }] }));
    expect(error.status).toBe(409);
    const renamed = await call(BoardOperations.update, { id: board.id, name: 'Renovation 2026' });
    expect(renamed.name).toBe('Renovation 2026');
  });
});
