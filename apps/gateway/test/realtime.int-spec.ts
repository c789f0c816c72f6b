import { randomBytes, randomUUID } from 'node:crypto';
import { connect as connectTcp } from 'node:net';
import request from 'supertest';
import WebSocket from 'ws';
import { DomainEvent } from '@quartier/contracts-shared';
import { publishEvent } from '@quartier/messaging';
import { GatewayHarness, respond, startGatewayHarness } from './gateway-harness';

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

  it('answers an invalid subscription with an error and keeps the connection; refuses an invalid client id with 4400', async () => {
    const client = await connect();
    client.send({ type: 'subscribe', types: ['leasing..lease', 'a.>.b'] });
    expect((await client.next((message) => message.type === 'error')).message).toMatch(/Invalid event type patterns/);
    client.send({ type: 'ping' });
    await client.next((message) => message.type === 'pong');
    const badId = open('/api/v1/ws/bad%20id', { authorization: `Bearer ${await harness.token()}` });
    expect((await badId.closed).code).toBe(4400);
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

  it('sends only what happens after the client connected (no replay)', async () => {
    // A client already connected shows when the gateway has fanned `before` out: only then is it past.
    const witness = await connect();
    const before = event(harness.organizationId, 'portfolio.unit.created');
    await publishEvent(harness.stack.nats, harness.stack.prefix, before);
    await witness.next((message) => message.event?.id === before.id);
    const client = await connect();
    const after = event(harness.organizationId, 'portfolio.unit.updated');
    await publishEvent(harness.stack.nats, harness.stack.prefix, after);
    await client.next((message) => message.event?.id === after.id);
    expect(client.events().map((received) => received.id)).toEqual([after.id]);
  });

  it('closes with 4401 when the access token expires, unless the client sent a fresh token of the same user', async () => {
    const userId = randomUUID();
    const soon = Math.floor(Date.now() / 1000) + 3;
    const expiring = open('/api/v1/ws', { authorization: `Bearer ${await harness.token({ userId, expiresIn: soon })}` });
    const renewed = open('/api/v1/ws', { authorization: `Bearer ${await harness.token({ userId, expiresIn: soon })}` });
    await expiring.next((message) => message.type === 'ready');
    await renewed.next((message) => message.type === 'ready');
    renewed.send({ type: 'auth', token: await harness.token({ userId }) });
    await renewed.next((message) => message.type === 'ready' && renewed.messages.indexOf(message) > 0);
    expect(await expiring.closed).toEqual({ code: 4401, reason: 'The access token has expired' });
    const published = event(harness.organizationId, 'leasing.lease.renewed');
    await publishEvent(harness.stack.nats, harness.stack.prefix, published);
    expect((await renewed.next((message) => message.type === 'event')).event?.id).toBe(published.id);
  });

  it('drops a client that does not read instead of buffering for it without bound', async () => {
    const reader = await connect();
    const token = await harness.token({ roles: ['viewer'] });
    const port = new URL(harness.url).port;
    const stalled = connectTcp(Number(port), '127.0.0.1');
    stalled.on('error', () => undefined);
    const ready = new Promise<void>((resolve) => stalled.on('data', (chunk) => String(chunk).includes('"ready"') && resolve()));
    stalled.write(
      [
        'GET /api/v1/ws/stalled HTTP/1.1',
        'Host: 127.0.0.1',
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        `Authorization: Bearer ${token}`,
        '',
        '',
      ].join('\r\n'),
    );
    await ready;
    stalled.pause();
    const admin = `Bearer ${await harness.token()}`;
    const listed = async () =>
      (await request(harness.url).get('/api/v1/ws/active-connections').set('Authorization', admin)).body.items.map(
        (item: { clientId: string }) => item.clientId,
      );
    expect(await listed()).toContain('stalled');
    const big = 'x'.repeat(128 * 1024);
    let last = event(harness.organizationId, 'portfolio.document.uploaded');
    for (let round = 0; round < 100 && (await listed()).includes('stalled'); round++) {
      for (let index = 0; index < 5; index++) {
        last = event(harness.organizationId, 'portfolio.document.uploaded', { content: big });
        await publishEvent(harness.stack.nats, harness.stack.prefix, last);
      }
    }
    expect(await listed()).not.toContain('stalled');
    await reader.next((message) => message.event?.id === last.id, 20_000);
    stalled.destroy();
  }, 60_000);

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

describe('gateway real-time events: Authelia sessions, shutdown and WS_ENABLED=false', () => {
  it('accepts Authelia headers from a trusted proxy and closes connections with 1001 on shutdown', async () => {
    const organizationId = randomUUID();
    const userId = randomUUID();
    const harness = await startGatewayHarness({
      AUTHELIA_ENABLED: 'true',
      TRUSTED_PROXIES: '127.0.0.1,::1',
      AUTHELIA_ORGANIZATION_ID: organizationId,
      AUTHELIA_GROUP_ROLES: 'qt-admins:admin',
    });
    respond(harness.stack.nats, harness.stack.prefix, 'identity.v1.auth.provision-trusted', () => ({
      userId,
      organizationId,
      email: 'anna@example.de',
      roles: ['admin'],
      scopes: ['read', 'write', 'delete', 'admin'],
    }));
    // The stand-in must be subscribed on the server before the gateway asks it (else: no responders).
    await harness.stack.nats.flush();
    const socket = new WebSocket(`${harness.url.replace(/^http/, 'ws')}/api/v1/ws`, {
      headers: { 'Remote-User': 'anna', 'Remote-Email': 'anna@example.de', 'Remote-Groups': 'qt-admins' },
    });
    const client = new TestClient(socket);
    expect(await client.next((message) => message.type === 'ready')).toMatchObject({ userId, organizationId });
    const published = { id: randomUUID(), type: 'iot.alert.raised', organizationId, occurredAt: new Date().toISOString(), payload: {} };
    await publishEvent(harness.stack.nats, harness.stack.prefix, published);
    expect((await client.next((message) => message.type === 'event')).event).toEqual(published);

    await harness.teardown();
    expect(await client.closed).toEqual({ code: 1001, reason: 'The gateway is shutting down' });
  });

  it('serves no WebSocket when disabled', async () => {
    const harness = await startGatewayHarness({ WS_ENABLED: 'false' });
    try {
      const plain = await request(harness.url).get('/api/v1/ws');
      expect(plain.status).toBe(404);
      const socket = new WebSocket(`${harness.url.replace(/^http/, 'ws')}/api/v1/ws`, {
        headers: { authorization: `Bearer ${await harness.token()}` },
      });
      const refused = await new Promise<string>((resolve) => socket.on('error', (error) => resolve(error.message)));
      expect(refused).toMatch(/Unexpected server response: 404/);
    } finally {
      await harness.teardown();
    }
  });
});
