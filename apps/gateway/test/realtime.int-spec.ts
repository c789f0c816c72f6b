import { randomUUID } from 'node:crypto';
import request from 'supertest';
import WebSocket from 'ws';
import { DomainEvent } from '@quartier/contracts-shared';
import { publishEvent } from '@quartier/messaging';
import { GatewayHarness, startGatewayHarness } from './gateway-harness';

interface ServerMessage {
  type: string;
  event?: DomainEvent;
  [key: string]: unknown;
}

/** A WebSocket client that records what the server sends and how it closed. */
class TestClient {
  readonly messages: ServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: (() => void)[] = [];

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as ServerMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  }

  events(): DomainEvent[] {
    return this.messages.filter((message) => message.type === 'event').map((message) => message.event as DomainEvent);
  }

  /** Resolves with the first message matching, waiting for it when needed. */
  async next(predicate: (message: ServerMessage) => boolean, timeoutMs = 5000): Promise<ServerMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No matching message; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  close(): void {
    this.socket.close();
  }
}

describe('gateway real-time events over WebSocket', () => {
  let harness: GatewayHarness;
  const otherOrganization = randomUUID();
  const clients: TestClient[] = [];

  const wsUrl = (path = '/api/v1/ws'): string => `${harness.url.replace(/^http/, 'ws')}${path}`;

  function open(path?: string, headers: Record<string, string> = {}): TestClient {
    const client = new TestClient(new WebSocket(wsUrl(path), { headers }));
    client.socket.on('error', () => undefined);
    clients.push(client);
    return client;
  }

  async function connect(options: { organizationId?: string; roles?: ('owner' | 'admin' | 'viewer' | 'agent')[]; path?: string } = {}): Promise<TestClient> {
    const token = await harness.token({ organizationId: options.organizationId, roles: options.roles });
    const client = open(options.path, { authorization: `Bearer ${token}` });
    await client.next((message) => message.type === 'ready');
    return client;
  }

  function event(organizationId: string, type: string, payload: unknown = {}): DomainEvent {
    return { id: randomUUID(), type, organizationId, occurredAt: new Date().toISOString(), payload };
  }

  beforeAll(async () => {
    harness = await startGatewayHarness({ WS_AUTH_TIMEOUT_MS: '500' });
  });

  afterEach(async () => {
    const closing = clients.splice(0);
    for (const client of closing) client.close();
    await Promise.all(closing.map((client) => client.closed));
  });

  afterAll(async () => {
    await harness?.teardown();
  });

  it("delivers each organization's events only to that organization's clients", async () => {
    const mine = await connect();
    const theirs = await connect({ organizationId: otherOrganization, roles: ['viewer'] });
    const ours = event(harness.organizationId, 'leasing.lease.activated', { leaseId: 'l-1' });
    const other = event(otherOrganization, 'workorders.workorder.completed', { workOrderId: 'w-1' });
    await publishEvent(harness.stack.nats, harness.stack.prefix, ours);
    await publishEvent(harness.stack.nats, harness.stack.prefix, other);

    expect((await mine.next((message) => message.type === 'event')).event).toEqual(ours);
    expect((await theirs.next((message) => message.type === 'event')).event).toEqual(other);
    // A marker published last proves nothing else was on its way.
    const marker = event(harness.organizationId, 'portfolio.unit.created');
    await publishEvent(harness.stack.nats, harness.stack.prefix, marker);
    await mine.next((message) => message.event?.id === marker.id);
    expect(mine.events().map((received) => received.id)).toEqual([ours.id, marker.id]);
    expect(theirs.events().map((received) => received.id)).toEqual([other.id]);
  });

  it('filters by subscribed type patterns and keeps audit events for owners and admins', async () => {
    const filtered = await connect({ roles: ['viewer'] });
    const viewer = await connect({ roles: ['viewer'] });
    const admin = await connect({ roles: ['admin'] });
    filtered.send({ type: 'subscribe', types: ['leasing.lease.*', 'iot.alert.raised'] });
    expect(await filtered.next((message) => message.type === 'subscribed')).toEqual({
      type: 'subscribed',
      types: ['leasing.lease.*', 'iot.alert.raised'],
    });
    const lease = event(harness.organizationId, 'leasing.lease.terminated');
    const payment = event(harness.organizationId, 'leasing.payment.received');
    const alert = event(harness.organizationId, 'iot.alert.raised');
    const audit = event(harness.organizationId, 'gateway.audit.recorded', { method: 'POST' });
    for (const published of [lease, payment, alert, audit]) await publishEvent(harness.stack.nats, harness.stack.prefix, published);

    await admin.next((message) => message.event?.id === audit.id);
    await viewer.next((message) => message.event?.id === alert.id);
    await filtered.next((message) => message.event?.id === alert.id);
    const marker = event(harness.organizationId, 'iot.alert.raised');
    await publishEvent(harness.stack.nats, harness.stack.prefix, marker);
    await filtered.next((message) => message.event?.id === marker.id);
    await viewer.next((message) => message.event?.id === marker.id);
    expect(filtered.events().map((received) => received.id)).toEqual([lease.id, alert.id, marker.id]);
    expect(viewer.events().map((received) => received.id)).toEqual([lease.id, payment.id, alert.id, marker.id]);
    expect(admin.events().map((received) => received.id)).toEqual([lease.id, payment.id, alert.id, audit.id]);
  });

  it('answers an invalid subscription with an error and keeps the connection', async () => {
    const client = await connect();
    client.send({ type: 'subscribe', types: ['leasing..lease', 'a.>.b'] });
    expect((await client.next((message) => message.type === 'error')).message).toMatch(/Invalid event type patterns/);
    client.send({ type: 'ping' });
    await client.next((message) => message.type === 'pong');
  });

  it('closes with 4401 without credentials, with a bad token, or when the first message is not auth', async () => {
    const silent = open();
    expect((await silent.closed).code).toBe(4401);
    const forged = open('/api/v1/ws', { authorization: 'Bearer x.y.z' });
    expect((await forged.closed).code).toBe(4401);
    const badQuery = open(`/api/v1/ws?token=${await harness.token({ key: harness.foreignKey })}`);
    expect((await badQuery.closed).code).toBe(4401);
    const chatty = open();
    chatty.socket.on('open', () => chatty.send({ type: 'subscribe', types: ['>'] }));
    expect((await chatty.closed).code).toBe(4401);
    expect(silent.events()).toEqual([]);
  });

  it('accepts the token as a query parameter or in a first auth message', async () => {
    const token = await harness.token({ roles: ['agent'] });
    const viaQuery = open(`/api/v1/ws/query-client?token=${token}`);
    expect(await viaQuery.next((message) => message.type === 'ready')).toMatchObject({ clientId: 'query-client', organizationId: harness.organizationId });
    const viaMessage = open();
    viaMessage.socket.on('open', () => viaMessage.send({ type: 'auth', token }));
    await viaMessage.next((message) => message.type === 'ready');
    const published = event(harness.organizationId, 'portfolio.property.created');
    await publishEvent(harness.stack.nats, harness.stack.prefix, published);
    expect((await viaQuery.next((message) => message.type === 'event')).event?.id).toBe(published.id);
    expect((await viaMessage.next((message) => message.type === 'event')).event?.id).toBe(published.id);
  });

  it('refuses residents with 4403', async () => {
    const resident = open('/api/v1/ws', { authorization: `Bearer ${await harness.token({ roles: ['resident'] })}` });
    expect(await resident.closed).toEqual({ code: 4403, reason: 'Residents do not receive real-time events' });
  });

  it("lists the organization's open connections to owners and admins only", async () => {
    const client = await connect({ path: '/api/v1/ws/dashboard-1', roles: ['viewer'] });
    client.send({ type: 'subscribe', types: ['iot.>'] });
    await client.next((message) => message.type === 'subscribed');
    await connect({ organizationId: otherOrganization });
    const ready = await client.next((message) => message.type === 'ready');

    const response = await request(harness.url)
      .get('/api/v1/ws/active-connections')
      .set('Authorization', `Bearer ${await harness.token({ roles: ['admin'] })}`)
      .expect(200);
    expect(response.body).toMatchObject({ total: 1, page: 1, size: 20, pages: 1 });
    expect(response.body.items).toEqual([{ clientId: 'dashboard-1', userId: ready.userId, connectedAt: expect.any(String), types: ['iot.>'] }]);

    const viewer = await request(harness.url)
      .get('/api/v1/ws/active-connections')
      .set('Authorization', `Bearer ${await harness.token({ roles: ['viewer'] })}`);
    expect(viewer.status).toBe(403);
    const badSort = await request(harness.url)
      .get('/api/v1/ws/active-connections?sort=secret')
      .set('Authorization', `Bearer ${await harness.token()}`);
    expect(badSort.status).toBe(422);
  });

  it('answers a plain HTTP GET with 426, counts connections in /metrics and documents the routes', async () => {
    const plain = await request(harness.url).get('/api/v1/ws');
    expect(plain.status).toBe(426);
    expect(plain.headers['upgrade']).toBe('websocket');
    await connect();
    const metrics = await request(harness.url).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/quartier_ws_connections\{service="gateway"\} 1/);
    const docs = await request(harness.url).get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/v1/ws', '/api/v1/ws/{clientId}', '/api/v1/ws/active-connections']));
  });
});
