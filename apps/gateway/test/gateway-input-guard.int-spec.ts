import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { Subscription } from 'nats';
import request from 'supertest';
import { GatewayHarness, ReceivedRequest, respond, startGatewayHarness } from './gateway-harness';

const PROBLEM = /application\/problem\+json/;
const MiB = 1024 * 1024;

interface Listener {
  received: ReceivedRequest[];
  subscription: Subscription;
}

interface StreamedUpload {
  status: number;
  contentType: string | undefined;
  body: string;
  /** Bytes written by the client when the answer arrived. */
  sentWhenAnswered: number;
}

/**
 * Sends `total` bytes of JSON in 64 KiB chunks, one every 5 ms, and stops when the answer arrives:
 * a server that reads the whole body first answers only after the last chunk.
 */
function slowUpload(url: string, path: string, total: number, headers: Record<string, string>): Promise<StreamedUpload> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    let answered = false;
    let timer: NodeJS.Timeout | undefined;
    const outgoing = httpRequest(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (response) => {
      answered = true;
      clearTimeout(timer);
      const sentWhenAnswered = sent;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (data: string) => (body += data));
      response.on('end', () => {
        outgoing.destroy();
        resolve({ status: response.statusCode ?? 0, contentType: response.headers['content-type'], body, sentWhenAnswered });
      });
    });
    // Writes after the server closed the connection fail; only the answer matters.
    outgoing.on('error', (error) => (answered ? undefined : reject(error)));
    const writeNext = (): void => {
      if (answered) return;
      if (sent >= total) {
        outgoing.end();
        return;
      }
      outgoing.write(chunk);
      sent += chunk.length;
      timer = setTimeout(writeNext, 5);
    };
    outgoing.flushHeaders();
    writeNext();
  });
}

describe('gateway input guard: malformed input is a 4xx problem and reaches no service', () => {
  let harness: GatewayHarness;
  let token: string;
  const listeners: Listener[] = [];

  /** Records what a service would receive on `subject`, so a test can assert that nothing did. */
  function listen(subject: string, answer: unknown = {}): ReceivedRequest[] {
    const received: ReceivedRequest[] = [];
    const subscription = respond(harness.stack.nats, harness.stack.prefix, subject, (incoming) => {
      received.push(incoming);
      return answer;
    });
    listeners.push({ received, subscription });
    return received;
  }

  function expectProblem(response: request.Response, status: number, code: string): void {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ status, code, requestId: expect.any(String) });
  }

  function fields(response: request.Response): string[] {
    return (response.body.errors as { field: string }[]).map((error) => error.field);
  }

  beforeAll(async () => {
    harness = await startGatewayHarness({ NATS_TIMEOUT_MS: '1000', RATE_LIMIT_PER_MINUTE: '1000' });
    token = await harness.token();
  }, 120_000);

  afterEach(() => {
    for (const listener of listeners.splice(0)) listener.subscription.unsubscribe();
  });

  afterAll(async () => {
    await harness?.teardown();
  }, 60_000);

  const property = { name: 'Haus am See', type: 'apartment_building', address: { street: 'Seestr. 1', postalCode: '10115', city: 'Berlin' } };

  it('refuses NUL in a body string and in a query value, naming the field', async () => {
    const created = listen('portfolio.v1.properties.create');
    const body = await request(harness.url).post('/api/v1/properties').set('Authorization', `Bearer ${token}`).send({ ...property, name: 'Haus\u0000' });
    expectProblem(body, 422, 'VALIDATION_FAILED');
    expect(body.body.errors).toEqual([{ field: 'name', message: 'name contains a NUL character' }]);

    const listed = listen('portfolio.v1.properties.list', { items: [], total: 0, page: 1, size: 20, pages: 0 });
    const query = await request(harness.url).get('/api/v1/properties?sort=name%00').set('Authorization', `Bearer ${token}`);
    expectProblem(query, 422, 'VALIDATION_FAILED');
    expect(fields(query)).toEqual(['sort']);

    const path = await request(harness.url).get('/api/v1/properties/%00').set('Authorization', `Bearer ${token}`);
    expectProblem(path, 422, 'VALIDATION_FAILED');
    expect(fields(path)).toEqual(['id']);
    expect(created).toHaveLength(0);
    expect(listed).toHaveLength(0);
  });

  it('answers a lone surrogate in the email of /auth/register with 422, not 500', async () => {
    const registered = listen('identity.v1.auth.register');
    const response = await request(harness.url)
      .post('/api/v1/auth/register')
      .send({ email: 'anna\uD800@example.de', password: 'correct horse battery', name: 'Anna', organizationName: 'Schmidt GmbH' });
    expectProblem(response, 422, 'VALIDATION_FAILED');
    expect(response.body.errors).toEqual([{ field: 'email', message: 'email contains a lone UTF-16 surrogate (U+D800)' }]);
    expect(registered).toHaveLength(0);
  });

  it('keeps a listing description with a vertical tab or form feed out of publishing (it would break the OpenImmo feed)', async () => {
    const created = listen('publishing.v1.listings.create');
    const updated = listen('publishing.v1.listings.update');
    const listing = { propertyId: randomUUID(), marketingType: 'rent', title: 'Helle 3-Zimmer-Wohnung' };
    const create = await request(harness.url)
      .post('/api/v1/listings')
      .set('Authorization', `Bearer ${token}`)
      .send({ ...listing, description: 'Aus Word kopiert:\u000Bneue Zeile' });
    expectProblem(create, 422, 'VALIDATION_FAILED');
    expect(create.body.errors).toEqual([{ field: 'description', message: 'description contains U+000B, a character XML 1.0 does not allow' }]);

    const update = await request(harness.url)
      .patch(`/api/v1/listings/${randomUUID()}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ description: 'Seite 1\u000CSeite 2', title: 'Nicht\uFFFE' });
    expectProblem(update, 422, 'VALIDATION_FAILED');
    expect(fields(update)).toEqual(['description', 'title']);
    expect(created).toHaveLength(0);
    expect(updated).toHaveLength(0);

    const fine = await request(harness.url)
      .post('/api/v1/listings')
      .set('Authorization', `Bearer ${token}`)
      .send({ ...listing, description: 'Zeile 1\r\nZeile 2\tmit Tab – schön 🏡' });
    expect(fine.status).toBe(201);
    expect(created).toHaveLength(1);
    expect(created[0].data).toMatchObject({ description: 'Zeile 1\r\nZeile 2\tmit Tab – schön 🏡' });
  });

  it('guards multipart fields and the file name of an upload the same way', async () => {
    const uploaded = listen('ai.v1.sources.upload');
    const response = await request(harness.url)
      .post('/api/v1/ai/upload')
      .set('Authorization', `Bearer ${token}`)
      .field('title', 'Hausordnung\u000B2024')
      .attach('file', Buffer.from('Ruhezeiten 22-6 Uhr'), { filename: 'haus\u0000ordnung.txt', contentType: 'text/plain' });
    expectProblem(response, 422, 'VALIDATION_FAILED');
    expect(fields(response)).toEqual(['title', 'file']);
    expect(uploaded).toHaveLength(0);
  });

  it('answers 413 to JSON nested 3,000 levels deep, on /auth/login too, instead of overflowing the stack', async () => {
    const login = listen('identity.v1.auth.login');
    const deep = `{"email":${'['.repeat(3000)}${']'.repeat(3000)}}`;
    const response = await request(harness.url).post('/api/v1/auth/login').set('Content-Type', 'application/json').send(deep);
    expectProblem(response, 413, 'PAYLOAD_TOO_LARGE');
    expect(response.body.detail).toBe('The JSON body is nested deeper than 32 levels');
    expect(login).toHaveLength(0);
  });

  it('answers 413 to 50,000 keys without listing them', async () => {
    const created = listen('portfolio.v1.properties.create');
    const wide = JSON.stringify(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i])));
    const response = await request(harness.url)
      .post('/api/v1/properties')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send(wide);
    expectProblem(response, 413, 'PAYLOAD_TOO_LARGE');
    expect(response.body.detail).toBe('An object of the JSON body has more than 100 members');
    expect(response.body.errors).toEqual([]);
    expect(created).toHaveLength(0);
  });

  it('caps the error list of a body of many unknown fields at 50 entries and says how many more', async () => {
    const unknown = Object.fromEntries(Array.from({ length: 90 }, (_, i) => [`extra${i}`, i]));
    const response = await request(harness.url)
      .post('/api/v1/properties')
      .set('Authorization', `Bearer ${token}`)
      .send({ ...property, ...unknown });
    expectProblem(response, 422, 'VALIDATION_FAILED');
    expect(response.body.errors).toHaveLength(51);
    expect(response.body.errors[50]).toEqual({ field: '*', message: '40 more errors not listed' });
  });

  it('refuses prototype-poisoning keys with 400', async () => {
    const response = await request(harness.url)
      .post('/api/v1/properties')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send(`{"name":"Haus","\\u005f_proto__":{"admin":true}}`);
    expectProblem(response, 400, 'BAD_REQUEST');
  });

  it('answers 422 to page=1e308 and page=99999999999999999999 before any SQL', async () => {
    const listed = listen('portfolio.v1.properties.list', { items: [], total: 0, page: 1, size: 20, pages: 0 });
    for (const page of ['1e308', '99999999999999999999']) {
      const response = await request(harness.url).get(`/api/v1/properties?page=${page}`).set('Authorization', `Bearer ${token}`);
      expectProblem(response, 422, 'VALIDATION_FAILED');
      expect(fields(response)).toEqual(['page']);
    }
    expect(listed).toHaveLength(0);
  });

  it('refuses a number that parses to Infinity, naming the field', async () => {
    const created = listen('publishing.v1.listings.create');
    const response = await request(harness.url)
      .post('/api/v1/listings')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send(`{"propertyId":"${randomUUID()}","marketingType":"rent","title":"Wohnung","priceCents":1e999}`);
    expectProblem(response, 422, 'VALIDATION_FAILED');
    expect(response.body.errors).toEqual([{ field: 'priceCents', message: 'priceCents must be a finite number' }]);
    expect(created).toHaveLength(0);
  });

  it('answers a 5 MiB Stripe webhook with 413 at the limit, before the upload is finished', async () => {
    const webhook = listen('leasing.v1.payments.webhooks.stripe', { received: true });
    const announced = await slowUpload(harness.url, '/api/v1/payments/webhooks/stripe', 5 * MiB, {
      'stripe-signature': 't=1,v1=x',
      'content-length': String(5 * MiB),
    });
    expect(announced.status).toBe(413);
    expect(announced.contentType).toMatch(PROBLEM);
    expect(JSON.parse(announced.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    // Content-Length over the limit: answered before more than the first chunk was read.
    expect(announced.sentWhenAnswered).toBeLessThan(MiB);

    const chunked = await slowUpload(harness.url, '/api/v1/payments/webhooks/stripe', 5 * MiB, { 'stripe-signature': 't=1,v1=x' });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    // Without a length: reading stops at the 1 MiB limit, long before the 5 MiB are sent.
    expect(chunked.sentWhenAnswered).toBeLessThan(4 * MiB);
    expect(webhook).toHaveLength(0);
  });

  it('still hands the Stripe webhook the exact bytes it was sent', async () => {
    const webhook = listen('leasing.v1.payments.webhooks.stripe', { received: true });
    const raw = '{ "id": "evt_1",\n  "type": "payment_intent.succeeded" }';
    const response = await request(harness.url)
      .post('/api/v1/payments/webhooks/stripe')
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', 't=1,v1=abc')
      .send(raw);
    expect(response.status).toBe(200);
    expect(webhook).toHaveLength(1);
    expect(webhook[0].data).toEqual({ rawBody: Buffer.from(raw).toString('base64'), signature: 't=1,v1=abc' });
  });
});
