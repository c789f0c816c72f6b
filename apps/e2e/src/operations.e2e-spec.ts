import { MqttClient } from 'mqtt';
import { PASSWORD, Session, login, propertyBody, registerOrganization } from './support/session';
import { OperationsSuite, apiAs, connectDevice, sleep, startOperationsSuite, until } from './support/operations-suite';

interface Problem {
  status: number;
  code: string;
  detail: string;
  details?: Record<string, unknown>;
}

const ids = (items: { id: string }[]): string[] => items.map((item) => item.id);

/**
 * Maintenance and building automation through the gateway as a property manager uses them:
 * identity, portfolio, workorders, iot and the gateway as separate processes on the real
 * Postgres, NATS/JetStream and Mosquitto.
 */
describe('operations end to end', () => {
  let suite: OperationsSuite;
  let owner: Session;
  let other: Session;
  let device: MqttClient;
  const units: string[] = [];
  const created: Record<'workOrder' | 'contractor' | 'board' | 'task' | 'device' | 'rule' | 'alert', string> = {
    workOrder: '',
    contractor: '',
    board: '',
    task: '',
    device: '',
    rule: '',
    alert: '',
  };

  const api = (session: Session) => apiAs(suite.baseUrl, session);

  beforeAll(async () => {
    suite = await startOperationsSuite();
    owner = await registerOrganization(suite.baseUrl, 'Schmidt Hausverwaltung');
    other = await registerOrganization(suite.baseUrl, 'Konkurrenz GmbH');
    const propertyId = (await api(owner).post('/properties', propertyBody()).expect(201)).body.id;
    const buildingId = (await api(owner).post('/buildings', { propertyId, name: 'Vorderhaus', floors: 4 }).expect(201)).body.id;
    for (const number of ['1.01', '1.02', '2.01']) {
      units.push((await api(owner).post('/units', { buildingId, number, floor: Number(number[0]), type: 'apartment', area: 58, rooms: 2 }).expect(201)).body.id);
    }
    device = await connectDevice('e2e-device');
  });

  afterAll(async () => {
    await device?.endAsync();
    await suite?.stop();
  });

  describe('contractors and work orders', () => {
    let leak: string;
    let socket: string;

    it('creates, finds, updates and deletes contractors', async () => {
      const plumber = await api(owner)
        .post('/contractors', { name: 'Müller Sanitär GmbH', trade: 'plumbing', email: 'info@mueller.de', hourlyRateCents: 6_500 })
        .expect(201);
      expect(plumber.body).toMatchObject({ trade: 'plumbing', active: true, currency: 'EUR', openWorkOrders: 0, completedWorkOrders: 0 });
      created.contractor = plumber.body.id;
      const spare = await api(owner).post('/contractors', { name: 'Elektro Blitz', trade: 'electrical' }).expect(201);

      expect(ids((await api(owner).get('/contractors?trade=plumbing').expect(200)).body.items)).toEqual([created.contractor]);
      await api(owner).patch(`/contractors/${created.contractor}`, { phone: '+49 30 555 12' }).expect(200);
      expect((await api(owner).get(`/contractors/${created.contractor}`).expect(200)).body.phone).toBe('+49 30 555 12');
      await api(owner).delete(`/contractors/${spare.body.id}`).expect(204);
      await api(owner).get(`/contractors/${spare.body.id}`).expect(404);
      await api(owner).post('/contractors', { name: 'No trade' }).expect(422);
    });

    it('creates work orders with an SLA due time and lists them with filters', async () => {
      const before = Date.now();
      const first = await api(owner)
        .post('/workorders', { title: 'Kitchen tap is leaking', priority: 'high', category: 'plumbing', unitId: units[0], estimatedCostCents: 20_000 })
        .expect(201);
      expect(first.body).toMatchObject({ status: 'open', priority: 'high', category: 'plumbing', unitId: units[0], source: 'staff', slaBreached: false });
      // High priority: due 24 hours after creation.
      const dueIn = new Date(first.body.dueAt).getTime() - before;
      expect(dueIn).toBeGreaterThan(23.9 * 3600_000);
      expect(dueIn).toBeLessThan(24.1 * 3600_000);
      leak = first.body.id;
      created.workOrder = leak;
      socket = (await api(owner).post('/workorders', { title: 'Socket sparks', priority: 'emergency', category: 'electrical', unitId: units[1] }).expect(201)).body.id;
      await api(owner).post('/workorders', { title: 'Repaint stairwell', priority: 'low', category: 'general' }).expect(201);

      expect(ids((await api(owner).get('/workorders?category=plumbing').expect(200)).body.items)).toEqual([leak]);
      expect(ids((await api(owner).get('/workorders?priority=emergency&status=open').expect(200)).body.items)).toEqual([socket]);
      expect(ids((await api(owner).get(`/workorders?unitId=${units[1]}`).expect(200)).body.items)).toEqual([socket]);
      const all = await api(owner).get('/workorders?sort=title&size=2').expect(200);
      expect(all.body).toMatchObject({ total: 3, page: 1, size: 2, pages: 2 });
      expect(all.body.items.map((item: { title: string }) => item.title)).toEqual(['Kitchen tap is leaking', 'Repaint stairwell']);
      await api(owner).get('/workorders?sort=colour').expect(422);
      await api(owner).get('/workorders?priority=whenever').expect(422);
    });

    it('refuses an illegal transition with 409 naming the allowed ones', async () => {
      const response = await api(owner).post(`/workorders/${leak}/complete`, { actualCostCents: 100, resolutionNotes: 'done' }).expect(409);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.body as Problem;
      expect(problem.code).toBe('WORK_ORDER_ILLEGAL_TRANSITION');
      expect(problem.details).toMatchObject({
        status: 'open',
        action: 'complete',
        allowedTransitions: [
          { action: 'assign', to: 'assigned' },
          { action: 'cancel', to: 'cancelled' },
        ],
      });
      expect(problem.detail).toContain('assign');
      await api(owner).post(`/workorders/${leak}/start`).expect(409);
    });

    it('assigns, starts, comments on and completes a work order with its actual cost; the timeline tells the story', async () => {
      const assigned = await api(owner).post(`/workorders/${leak}/assign`, { contractorId: created.contractor, note: 'Müller comes Monday' }).expect(200);
      expect(assigned.body).toMatchObject({ status: 'assigned', contractorId: created.contractor });
      expect((await api(owner).get(`/contractors/${created.contractor}`).expect(200)).body.openWorkOrders).toBe(1);
      // A contractor holding work orders cannot be deleted.
      await api(owner).delete(`/contractors/${created.contractor}`).expect(409);

      expect((await api(owner).post(`/workorders/${leak}/start`).expect(200)).body.status).toBe('in_progress');
      const comment = await api(owner).post(`/workorders/${leak}/comment`, { body: 'Seal replaced, waiting for the part' }).expect(201);
      expect(comment.body).toMatchObject({ type: 'commented', actorUserId: owner.userId });
      const completed = await api(owner).post(`/workorders/${leak}/complete`, { actualCostCents: 24_500, resolutionNotes: 'New cartridge fitted' }).expect(200);
      expect(completed.body).toMatchObject({ status: 'completed', actualCostCents: 24_500, resolutionNotes: 'New cartridge fitted' });
      expect(completed.body.completedAt).toEqual(expect.any(String));

      const timeline = await api(owner).get(`/workorders/${leak}/timeline`).expect(200);
      expect(timeline.body.map((entry: { type: string }) => entry.type)).toEqual(['created', 'assigned', 'started', 'commented', 'completed']);
      expect(timeline.body[3].note).toBe('Seal replaced, waiting for the part');
      const contractor = await api(owner).get(`/contractors/${created.contractor}`).expect(200);
      expect(contractor.body).toMatchObject({ openWorkOrders: 0, completedWorkOrders: 1 });
      expect(ids((await api(owner).get(`/contractors/${created.contractor}/workorders`).expect(200)).body.items)).toEqual([leak]);
      const final = await api(owner).post(`/workorders/${leak}/cancel`, { reason: 'too late' }).expect(409);
      expect((final.body as Problem).details).toMatchObject({ status: 'completed', allowedTransitions: [] });
    });

    it('answers urgent, by-unit and statistics views', async () => {
      const urgent = await api(owner).get('/workorders/urgent').expect(200);
      expect(ids(urgent.body.items)).toEqual([socket]);
      expect(ids((await api(owner).get(`/workorders/unit/${units[0]}`).expect(200)).body.items)).toEqual([leak]);

      const stats = await api(owner).get('/workorders/stats').expect(200);
      expect(stats.body).toMatchObject({
        total: 3,
        byStatus: { open: 2, completed: 1 },
        byPriority: { high: 1, emergency: 1, low: 1 },
        byCategory: { plumbing: 1, electrical: 1, general: 1 },
        estimatedCostCents: 20_000,
        actualCostCents: 24_500,
        costVarianceCents: 4_500,
        slaBreaches: 0,
        open: 2,
      });
      expect(stats.body.averageCompletionDays).toBeGreaterThanOrEqual(0);
    });
  });

  describe('kanban', () => {
    const columns = [
      { key: 'todo', name: 'To do' },
      { key: 'doing', name: 'Doing', wipLimit: 1 },
      { key: 'done', name: 'Done', terminal: true, allowedFrom: ['doing'] },
    ];
    let second: string;

    it('creates a board with columns and a WIP limit', async () => {
      const board = await api(owner).post('/boards', { name: 'Hausmeister', columns }).expect(201);
      expect(board.body.columns).toMatchObject([
        { key: 'todo', position: 0, wipLimit: null, terminal: false, taskCount: 0 },
        { key: 'doing', wipLimit: 1, terminal: false },
        { key: 'done', terminal: true, allowedFrom: ['doing'] },
      ]);
      created.board = board.body.id;
      await api(owner).post('/boards', { name: 'Broken', columns: [{ key: 'Not A Key', name: 'x' }] }).expect(422);
    });

    it('creates tasks and moves them under the WIP limit and the allowed sources (409 otherwise)', async () => {
      const base = { boardId: created.board, priority: 'high', labels: ['heating'], assigneeId: owner.userId };
      const first = await api(owner).post('/tasks', { ...base, title: 'Bleed radiators, Haus A', storyPoints: 3, dueDate: '2020-01-15', workOrderId: created.workOrder }).expect(201);
      expect(first.body).toMatchObject({ status: 'todo', position: 0, workOrderId: created.workOrder, labels: ['heating'] });
      created.task = first.body.id;
      second = (await api(owner).post('/tasks', { ...base, title: 'Read heat meters', priority: 'low' }).expect(201)).body.id;

      expect((await api(owner).patch(`/tasks/${created.task}/move`, { columnKey: 'doing' }).expect(200)).body).toMatchObject({ status: 'doing', position: 0 });
      const full = await api(owner).patch(`/tasks/${second}/move`, { columnKey: 'doing' }).expect(409);
      expect(full.body as Problem).toMatchObject({ code: 'TASK_WIP_LIMIT_REACHED', details: { column: 'doing', wipLimit: 1 } });
      const skip = await api(owner).patch(`/tasks/${second}/move`, { columnKey: 'done' }).expect(409);
      expect((skip.body as Problem).code).toBe('TASK_MOVE_NOT_ALLOWED');
      expect((await api(owner).patch(`/tasks/${created.task}/move`, { columnKey: 'done' }).expect(200)).body.completedAt).toEqual(expect.any(String));
      expect((await api(owner).patch(`/tasks/${second}/move`, { columnKey: 'doing' }).expect(200)).body.status).toBe('doing');

      const board = await api(owner).get(`/boards/${created.board}`).expect(200);
      expect(board.body.columns.map((column: { taskCount: number }) => column.taskCount)).toEqual([0, 1, 1]);
      expect(ids((await api(owner).get(`/tasks?boardId=${created.board}&status=doing`).expect(200)).body.items)).toEqual([second]);
    });

    it('reports statistics and exports the tasks as CSV', async () => {
      const stats = await api(owner).get(`/tasks/statistics?boardId=${created.board}`).expect(200);
      expect(stats.body).toMatchObject({
        total: 2,
        byStatus: { doing: 1, done: 1 },
        byPriority: { high: 1, low: 1 },
        byAssignee: { [owner.userId]: 2 },
        completed: 1,
        completionRate: 0.5,
        // The overdue one is done, so nothing counts as overdue.
        overdue: 0,
      });

      const csv = await api(owner).get(`/tasks/export?boardId=${created.board}`).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(/attachment; filename=".+\.csv"/);
      const lines = csv.text.trim().split('\r\n');
      expect(lines).toHaveLength(3);
      expect(csv.text).toContain('Bleed radiators, Haus A');
      expect(csv.text).toContain('Read heat meters');
    });
  });

  describe('iot', () => {
    let sensor: { id: string; topics: { telemetry: string; command: string; commandResponse: string } };
    let leakSensor: { id: string; topics: { telemetry: string } };

    const publish = (topic: string, payload: object) => device.publishAsync(topic, JSON.stringify(payload), { qos: 1 });

    it('registers a device for a unit with its MQTT topics', async () => {
      const response = await api(owner)
        .post('/iot/devices', { name: 'Living room climate', type: 'sensor', unitId: units[0], metrics: ['temperature'], credentials: { username: 'dev', secret: 's3cret' } })
        .expect(201);
      const base = `${suite.mqttPrefix}/${owner.organizationId}/${response.body.id}`;
      expect(response.body).toMatchObject({ unitId: units[0], active: true, online: false, hasCredentials: true, topics: { telemetry: `${base}/telemetry`, command: `${base}/command` } });
      expect(response.body.credentials).toBeUndefined();
      sensor = response.body;
      created.device = sensor.id;
      expect(ids((await api(owner).get(`/iot/devices/unit/${units[0]}`).expect(200)).body)).toEqual([sensor.id]);
      await api(owner).post('/iot/devices', { name: 'No type' }).expect(422);
      const sorted = await api(owner).get('/iot/devices?sort=colour').expect(422);
      expect(sorted.body.errors).toEqual([expect.objectContaining({ field: 'sort' })]);
    });

    it('stores QoS 1 telemetry from MQTT and answers raw readings and a bucketed aggregate', async () => {
      // Two readings in the same, already finished minute.
      const minute = Math.floor(Date.now() / 60_000) * 60_000 - 60_000;
      // Dropped: not JSON, and the right device under another organization's topic.
      await device.publishAsync(sensor.topics.telemetry, 'temperature=99', { qos: 1 });
      await publish(sensor.topics.telemetry.replace(owner.organizationId, other.organizationId), { temperature: 99 });
      await publish(sensor.topics.telemetry, { ts: minute + 10_000, temperature: 21.5 });
      await publish(sensor.topics.telemetry, { ts: new Date(minute + 20_000).toISOString(), metrics: { temperature: 22.5 } });

      const readings = await until(
        async () => (await api(owner).get(`/iot/devices/${sensor.id}/readings?metric=temperature`).expect(200)).body,
        (page) => page.items.length >= 2,
      );
      expect(readings.items.map((reading: { value: number }) => reading.value).sort()).toEqual([21.5, 22.5]);
      expect(readings.items[0]).toMatchObject({ deviceId: sensor.id, metric: 'temperature' });
      expect((await api(owner).get(`/iot/sensors/readings?deviceId=${sensor.id}`).expect(200)).body.total).toBe(2);
      expect((await api(other).get('/iot/sensors/readings').expect(200)).body.total).toBe(0);

      const aggregate = await api(owner).get(`/iot/devices/${sensor.id}/readings?metric=temperature&bucket=minute`).expect(200);
      expect(aggregate.body).toMatchObject({ bucket: 'minute' });
      expect(aggregate.body.items).toEqual([
        { deviceId: sensor.id, metric: 'temperature', bucketStart: new Date(minute).toISOString(), avg: 22, min: 21.5, max: 22.5, count: 2 },
      ]);
      const current = await api(owner).get(`/iot/devices/${sensor.id}`).expect(200);
      expect(current.body.online).toBe(true);
      await api(owner).get(`/iot/devices/${sensor.id}/readings?bucket=fortnight`).expect(422);
    });

    it('raises one critical alert from a threshold rule and opens exactly one work order for the unit', async () => {
      leakSensor = (await api(owner).post('/iot/devices', { name: 'Leak sensor bathroom', type: 'leak_sensor', unitId: units[2] }).expect(201)).body;
      const rule = await api(owner)
        .post('/iot/automation/rules', {
          name: 'Water on the bathroom floor',
          trigger: { type: 'threshold', deviceId: leakSensor.id, metric: 'water', operator: 'gte', value: 1 },
          actions: [{ type: 'alert', severity: 'critical', title: 'Water leak' }],
        })
        .expect(201);
      expect(rule.body).toMatchObject({ enabled: true, firing: false, fireCount: 0 });
      created.rule = rule.body.id;

      // The same breach reported twice: the rule fires once, and one work order follows.
      await publish(leakSensor.topics.telemetry, { water: 1 });
      await publish(leakSensor.topics.telemetry, { water: 2 });
      const alerts = await until(
        async () => (await api(owner).get(`/iot/alerts?ruleId=${created.rule}`).expect(200)).body,
        (page) => page.items.length > 0,
      );
      expect(alerts.items[0]).toMatchObject({ severity: 'critical', kind: 'threshold', deviceId: leakSensor.id, unitId: units[2], metric: 'water', value: 1, status: 'open' });
      created.alert = alerts.items[0].id;

      const opened = await until(
        async () => (await api(owner).get(`/workorders/unit/${units[2]}`).expect(200)).body,
        (page) => page.items.length > 0,
      );
      expect(opened.items[0]).toMatchObject({ source: 'iot_alert', sourceAlertId: created.alert, priority: 'emergency', status: 'open', unitId: units[2] });
      expect(opened.items[0].title).toContain('Water leak');

      await publish(leakSensor.topics.telemetry, { water: 3 });
      await sleep(1_500);
      expect((await api(owner).get(`/iot/alerts?ruleId=${created.rule}`).expect(200)).body.total).toBe(1);
      expect((await api(owner).get(`/workorders/unit/${units[2]}`).expect(200)).body.total).toBe(1);
      expect((await api(owner).get(`/iot/automation/rules/${created.rule}`).expect(200)).body).toMatchObject({ firing: true, fireCount: 1 });
      expect((await api(owner).get('/iot/alerts?severity=critical&status=open').expect(200)).body.total).toBe(1);
    });

    it('acknowledges and resolves the alert; a second resolve is 409', async () => {
      const acknowledged = await api(owner).post(`/iot/alerts/${created.alert}/acknowledge`, { note: 'Plumber called' }).expect(200);
      expect(acknowledged.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: owner.userId, note: 'Plumber called' });
      const resolved = await api(owner).post(`/iot/alerts/${created.alert}/resolve`).expect(200);
      expect(resolved.body).toMatchObject({ status: 'resolved', resolvedBy: owner.userId });
      await api(owner).post(`/iot/alerts/${created.alert}/resolve`).expect(409);
      expect(ids((await api(owner).get('/iot/alerts?status=resolved').expect(200)).body.items)).toEqual([created.alert]);
    });

    it('sends a command to the device over MQTT and tracks it until the device answers', async () => {
      const received: { commandId: string; command: string; params: Record<string, unknown> }[] = [];
      device.on('message', (topic, payload) => {
        if (topic === sensor.topics.command) received.push(JSON.parse(payload.toString()));
      });
      await device.subscribeAsync(sensor.topics.command, { qos: 1 });

      const sent = await api(owner).post(`/iot/devices/${sensor.id}/command`, { command: 'set_interval', params: { seconds: 30 } }).expect(201);
      expect(sent.body).toMatchObject({ deviceId: sensor.id, command: 'set_interval', params: { seconds: 30 }, status: 'sent', ruleId: null });
      await until(async () => received.length, (count) => count > 0);
      expect(received).toEqual([{ commandId: sent.body.id, command: 'set_interval', params: { seconds: 30 } }]);

      await publish(sensor.topics.commandResponse, { commandId: sent.body.id, status: 'ok', interval: 30 });
      const tracked = await until(
        async () => (await api(owner).get(`/iot/commands/${sent.body.id}`).expect(200)).body,
        (command) => command.status === 'acknowledged',
      );
      expect(tracked).toMatchObject({ status: 'acknowledged', response: { interval: 30 } });
      expect(tracked.completedAt).toEqual(expect.any(String));
      expect(ids((await api(owner).get(`/iot/devices/${sensor.id}/commands`).expect(200)).body.items)).toEqual([sent.body.id]);
      await api(owner).post(`/iot/devices/${sensor.id}/command`, { command: 'rm -rf' }).expect(422);
    });

    it('refuses commands and HTTP readings for a deactivated device (409)', async () => {
      await api(owner).patch(`/iot/devices/${sensor.id}`, { active: false }).expect(200);
      const refused = await api(owner).post(`/iot/devices/${sensor.id}/command`, { command: 'reboot' }).expect(409);
      expect((refused.body as Problem).code).toBe('DEVICE_INACTIVE');
      await api(owner).post('/iot/sensors/readings', { deviceId: sensor.id, readings: [{ metric: 'temperature', value: 20 }] }).expect(409);
      await api(owner).patch(`/iot/devices/${sensor.id}`, { active: true }).expect(200);
      expect((await api(owner).post('/iot/sensors/readings', { deviceId: sensor.id, readings: [{ metric: 'temperature', value: 20 }] }).expect(201)).body).toEqual({ accepted: 1 });
    });
  });

  describe('roles', () => {
    it('lets a viewer read maintenance and devices but change nothing (403)', async () => {
      const email = `viewer-${Date.now()}@example.de`;
      await api(owner).post('/organization/members', { email, role: 'viewer', name: 'Vera Viewer', password: PASSWORD }).expect(201);
      const viewer = await login(suite.baseUrl, email, PASSWORD);
      expect((await api(viewer).get('/workorders').expect(200)).body.total).toBe(4);
      await api(viewer).get(`/iot/devices/${created.device}`).expect(200);
      await api(viewer).get('/iot/alerts').expect(200);
      for (const response of [
        await api(viewer).post('/workorders', { title: 'Viewer request' }),
        await api(viewer).post(`/workorders/${created.workOrder}/comment`, { body: 'hi' }),
        await api(viewer).post('/contractors', { name: 'Viewer GmbH', trade: 'general' }),
        await api(viewer).patch(`/tasks/${created.task}/move`, { columnKey: 'todo' }),
        await api(viewer).post('/iot/devices', { name: 'Viewer sensor', type: 'sensor' }),
        await api(viewer).post(`/iot/devices/${created.device}/command`, { command: 'reboot' }),
        await api(viewer).delete(`/iot/automation/rules/${created.rule}`),
      ]) {
        expect(response.status).toBe(403);
        expect((response.body as Problem).code).toBe('FORBIDDEN');
      }
    });
  });

  describe('organization isolation', () => {
    const families: { name: keyof typeof created; path: string; update: object }[] = [
      { name: 'workOrder', path: '/workorders', update: { title: 'Hijacked' } },
      { name: 'contractor', path: '/contractors', update: { name: 'Hijacked' } },
      { name: 'board', path: '/boards', update: { name: 'Hijacked' } },
      { name: 'task', path: '/tasks', update: { title: 'Hijacked' } },
      { name: 'device', path: '/iot/devices', update: { name: 'Hijacked' } },
      { name: 'rule', path: '/iot/automation/rules', update: { name: 'Hijacked' } },
    ];

    it.each(families)('answers 404 to another organization reading, updating or deleting a $name', async ({ name, path, update }) => {
      const id = created[name];
      expect(id).not.toBe('');
      for (const response of [
        await api(other).get(`${path}/${id}`),
        await api(other).patch(`${path}/${id}`, update),
        await api(other).delete(`${path}/${id}`),
      ]) {
        expect(response.status).toBe(404);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
      expect((await api(other).get(path).expect(200)).body.total).toBe(0);
      // Untouched for its owner.
      expect((await api(owner).get(`${path}/${id}`).expect(200)).body).not.toMatchObject({ name: 'Hijacked', title: 'Hijacked' });
    });

    it('answers 404 to another organization on alerts, commands, readings and the work order actions', async () => {
      await api(other).get(`/iot/alerts/${created.alert}`).expect(404);
      await api(other).post(`/iot/alerts/${created.alert}/acknowledge`).expect(404);
      await api(other).post(`/iot/alerts/${created.alert}/resolve`).expect(404);
      expect((await api(other).get('/iot/alerts').expect(200)).body.total).toBe(0);
      await api(other).get(`/iot/devices/${created.device}/readings`).expect(404);
      await api(other).post(`/iot/devices/${created.device}/command`, { command: 'unlock' }).expect(404);
      expect(await api(other).get(`/iot/devices/unit/${units[0]}`).expect(200)).toMatchObject({ body: [] });
      await api(other).get(`/workorders/${created.workOrder}/timeline`).expect(404);
      await api(other).post(`/workorders/${created.workOrder}/comment`, { body: 'hi' }).expect(404);
      await api(other).patch(`/tasks/${created.task}/move`, { columnKey: 'todo' }).expect(404);
      const theirs = await api(other).post('/workorders', { title: 'Theirs' }).expect(201);
      await api(other).post(`/workorders/${theirs.body.id}/assign`, { contractorId: created.contractor }).expect(404);
      expect((await api(other).get('/workorders/stats').expect(200)).body.total).toBe(1);
    });

    it('lets the owner delete what it created', async () => {
      await api(owner).delete(`/iot/automation/rules/${created.rule}`).expect(204);
      await api(owner).get(`/iot/automation/rules/${created.rule}`).expect(404);
      await api(owner).delete(`/tasks/${created.task}`).expect(204);
      await api(owner).delete(`/boards/${created.board}`).expect(204);
      await api(owner).get(`/boards/${created.board}`).expect(404);
      await api(owner).delete(`/iot/devices/${created.device}`).expect(204);
      await api(owner).get(`/iot/devices/${created.device}`).expect(404);
    });
  });
});
