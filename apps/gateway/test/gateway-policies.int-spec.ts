import { randomUUID } from 'node:crypto';
import { AckPolicy, DeliverPolicy, JSONCodec } from 'nats';
import request from 'supertest';
import { AUDIT_RECORDED_EVENT, AuditRecordedPayload, DomainEvent, eventSubject } from '@quartier/contracts-shared';
import { eventStreamName } from '@quartier/messaging';
import { GATEWAY_SCHEMA } from '../src/gateway.database';
import { GatewayHarness, respond, startGatewayHarness } from './gateway-harness';

describe('gateway policies: rate limit, audit events, health, uploads', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await startGatewayHarness({ RATE_LIMIT_PER_MINUTE: '5', AVATAR_MAX_BYTES: '1024', HEALTH_TIMEOUT_MS: '200' });
  });

  afterAll(async () => {
    await harness?.teardown();
  });

  it('limits each user separately and answers 429 with Retry-After past the limit', async () => {
    const token = await harness.token();
    const other = await harness.token();
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let attempt = 0; attempt < 6; attempt += 1) {
      last = await request(harness.url).get('/api/v1/nope').set('Authorization', `Bearer ${token}`);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
    expect(last?.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(last?.body.code).toBe('RATE_LIMITED');
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect(last?.headers['x-ratelimit-remaining']).toBe('0');
    expect(last?.headers['x-ratelimit-limit']).toBe('5');
    const fresh = await request(harness.url).get('/api/v1/nope').set('Authorization', `Bearer ${other}`);
    expect(fresh.status).toBe(404);
    expect(fresh.headers['x-ratelimit-remaining']).toBe('4');
  });

  it('publishes an audit event for a mutation, with metadata only', async () => {
    const userId = randomUUID();
    const token = await harness.token({ userId });
    const unitId = randomUUID();
    const responder = respond(harness.stack.nats, harness.stack.prefix, 'portfolio.v1.units.change-status', ({ data }) => ({ ...(data as object) }));
    const response = await request(harness.url)
      .patch(`/api/v1/units/${unitId}/status?secret=s3cr3t`)
      .set('Authorization', `Bearer ${token}`)
      .set('X-Request-ID', 'audit-req-1')
      .send({ status: 'maintenance', reason: 'burst pipe' });
    responder.unsubscribe();
    expect(response.status).toBe(200);

    const manager = await harness.stack.nats.jetstreamManager();
    const stream = eventStreamName(harness.stack.prefix);
    const durable = `audit-spec-${Date.now()}`;
    await manager.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: eventSubject(harness.stack.prefix, AUDIT_RECORDED_EVENT),
    });
    const consumer = await harness.stack.nats.jetstream().consumers.get(stream, durable);
    const codec = JSONCodec<DomainEvent<AuditRecordedPayload>>();
    let event: DomainEvent<AuditRecordedPayload> | undefined;
    for (let attempt = 0; attempt < 20 && !event; attempt += 1) {
      const message = await consumer.next({ expires: 1000 });
      const decoded = message ? codec.decode(message.data) : undefined;
      message?.ack();
      if (decoded?.payload.requestId === 'audit-req-1') event = decoded;
    }
    expect(event).toMatchObject({
      type: AUDIT_RECORDED_EVENT,
      organizationId: harness.organizationId,
      payload: {
        requestId: 'audit-req-1',
        userId,
        userEmail: 'anna@example.de',
        method: 'PATCH',
        path: `/api/v1/units/${unitId}/status`,
        route: '/api/v1/units/:id/status',
        status: 200,
        outcome: 'success',
      },
    });
    expect(JSON.stringify(event)).not.toContain('burst pipe');
    expect(JSON.stringify(event)).not.toContain('s3cr3t');
  });

  it('has the audit entry in its outbox before the client hears of the change', async () => {
    const token = await harness.token();
    const responder = respond(harness.stack.nats, harness.stack.prefix, 'portfolio.v1.units.change-status', ({ data }) => ({ ...(data as object) }));
    const response = await request(harness.url)
      .patch(`/api/v1/units/${randomUUID()}/status`)
      .set('Authorization', `Bearer ${token}`)
      .set('X-Request-ID', 'audit-req-outbox')
      .send({ status: 'maintenance', reason: 'burst pipe' });
    responder.unsubscribe();
    expect(response.status).toBe(200);
    // Read at once: a gateway that died right after answering would still have the entry to relay.
    const rows = await harness.stack.database.query(`SELECT type FROM ${GATEWAY_SCHEMA}.outbox WHERE payload->>'requestId' = $1`, ['audit-req-outbox']);
    expect(rows).toEqual([{ type: AUDIT_RECORDED_EVENT }]);
  });

  it('reports degraded (200) with per-dependency status while domain services are down, ok when all answer', async () => {
    const degraded = await request(harness.url).get('/health');
    expect(degraded.status).toBe(200);
    expect(degraded.body).toEqual({
      status: 'degraded',
      checks: { nats: 'up', identity: 'up', portfolio: 'down', leasing: 'down', workorders: 'down', iot: 'down', valuation: 'down', publishing: 'down', ai: 'down' },
    });

    // An error reply still proves the service is serving.
    const subjects = [
      'portfolio.v1.usage.get',
      'leasing.v1.tenants.list',
      'workorders.v1.workorders.list',
      'iot.v1.devices.list',
      'valuation.v1.valuations.list',
      'publishing.v1.listings.list',
      'ai.v1.sources.list',
    ];
    const services = subjects.map((subject) =>
      respond(harness.stack.nats, harness.stack.prefix, subject, () => {
        throw { status: 401, code: 'UNAUTHENTICATED', message: 'This call needs an authenticated caller' };
      }),
    );
    const up = await request(harness.url).get('/health');
    services.forEach((subscription) => subscription.unsubscribe());
    expect(up.status).toBe(200);
    expect(up.body).toEqual({
      status: 'ok',
      checks: { nats: 'up', identity: 'up', portfolio: 'up', leasing: 'up', workorders: 'up', iot: 'up', valuation: 'up', publishing: 'up', ai: 'up' },
    });
  });

  it('exposes Prometheus metrics with the HTTP histogram', async () => {
    const response = await request(harness.url).get('/metrics');
    expect(response.status).toBe(200);
    expect(response.text).toContain('quartier_http_request_duration_seconds_bucket');
  });

  it('accepts image avatars only (415) within the size limit (413) and forwards them base64-encoded', async () => {
    const token = await harness.token();
    let forwarded: { contentType: string; data: string } | undefined;
    const identity = respond(harness.stack.nats, harness.stack.prefix, 'identity.v1.avatar.set', ({ data }) => {
      forwarded = data as { contentType: string; data: string };
      return { contentType: forwarded.contentType, size: Buffer.from(forwarded.data, 'base64').length };
    });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const ok = await request(harness.url)
      .post('/api/v1/me/avatar')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', png, { filename: 'me.png', contentType: 'image/png' });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ contentType: 'image/png', size: png.length });
    expect(Buffer.from(forwarded?.data ?? '', 'base64')).toEqual(png);

    const text = await request(harness.url)
      .post('/api/v1/me/avatar')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', Buffer.from('hello'), { filename: 'me.txt', contentType: 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const huge = await request(harness.url)
      .post('/api/v1/me/avatar')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', Buffer.alloc(4096, 1), { filename: 'big.png', contentType: 'image/png' });
    identity.unsubscribe();
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
