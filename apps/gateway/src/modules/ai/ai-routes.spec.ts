import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AI_OPERATIONS, AI_UPLOAD_MAX_BYTES, AiSubjects } from '@quartier/contracts-ai';
import { isComponentName } from '@quartier/contracts-shared';
import { RunningSuite, SuiteOptions, startSuite } from '@quartier/launcher';
import { GatewayHarness, ReceivedRequest, respond, startGatewayHarness } from '../../../test/gateway-harness';

const MISSING = '00000000-0000-4000-8000-000000000000';

/** The /api/v1/ai and /llm routes against stand-in ai responders. */
describe('ai routes', () => {
  let harness: GatewayHarness;
  let token: string;
  const seen: Record<string, ReceivedRequest[]> = {};

  beforeAll(async () => {
    harness = await startGatewayHarness();
    token = await harness.token({ roles: ['manager'] });
    for (const { subject } of AI_OPERATIONS) {
      respond(harness.stack.nats, harness.stack.prefix, subject, (received) => {
        (seen[subject] ??= []).push(received);
        if ((received.data as { id?: string }).id === MISSING) throw { status: 404, code: 'NOT_FOUND', message: 'Source not found' };
        if (subject === AiSubjects.ask) throw { status: 503, code: 'LLM_NOT_CONFIGURED', message: 'No cloud LLM is configured' };
        if ((received.data as { message?: string }).message === 'busy') {
          throw { status: 429, code: 'AI_RATE_LIMITED', message: 'The organization used its 60 AI requests of this minute', details: { limit: 60, retryAfterSeconds: 17 } };
        }
        return { subject, data: received.data };
      });
    }
  });
  afterAll(async () => {
    await harness?.teardown();
  });

  const last = (subject: string) => seen[subject]?.[seen[subject].length - 1];
  const call = (method: 'get' | 'post' | 'delete', path: string, body?: object, bearer = token) => {
    const pending = request(harness.url)[method](`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`);
    return body ? pending.send(body) : pending;
  };

  it('maps every route to its subject', async () => {
    const id = randomUUID();
    const cases: [Parameters<typeof call>[0], string, object | undefined, string, unknown, number][] = [
      ['post', '/ai/chat', { message: 'Vacant units?', conversationId: id }, AiSubjects.chat, { message: 'Vacant units?', conversationId: id }, 200],
      ['post', '/ai/ingest', { title: 'Rules', text: 'No pets.', visibility: 'residents' }, AiSubjects.ingest, { title: 'Rules', text: 'No pets.', visibility: 'residents' }, 201],
      ['get', '/ai/sources?status=ready&size=5', undefined, AiSubjects.sourcesList, { status: 'ready', size: 5 }, 200],
      ['get', `/ai/sources/${id}`, undefined, AiSubjects.sourcesGet, { id }, 200],
      ['get', '/ai/conversations?page=2', undefined, AiSubjects.conversationsList, { page: 2 }, 200],
      ['get', `/ai/conversations/${id}`, undefined, AiSubjects.conversationsGet, { id }, 200],
      ['get', '/ai/insights', undefined, AiSubjects.insights, {}, 200],
      ['post', `/ai/analyze/property/${id}`, undefined, AiSubjects.analyzeProperty, { id }, 200],
      ['post', `/ai/analyze/tenant/${id}`, undefined, AiSubjects.analyzeTenant, { id }, 200],
      ['get', '/ai/health', undefined, AiSubjects.health, {}, 200],
    ];
    for (const [method, path, body, subject, payload, status] of cases) {
      const response = await call(method, path, body);
      expect([method, path, response.status]).toEqual([method, path, status]);
      expect([path, last(subject)?.data]).toEqual([path, payload]);
    }
    expect(last(AiSubjects.chat)?.caller.organizationId).toBe(harness.organizationId);
    expect((await call('delete', `/ai/sources/${id}`)).status).toBe(204);
    expect((await call('delete', `/ai/conversations/${id}`)).status).toBe(204);
    expect((await call('delete', '/ai/conversations')).status).toBe(200);
    expect(last(AiSubjects.conversationsClear)?.data).toEqual({});
  });

  it('sends an uploaded file with its fields as base64', async () => {
    const response = await request(harness.url)
      .post('/api/v1/ai/upload')
      .set('Authorization', `Bearer ${token}`)
      .field('title', 'House rules')
      .field('visibility', 'residents')
      .attach('file', Buffer.from('# Rules\n\nNo pets.'), { filename: 'rules.md', contentType: 'text/markdown' });
    expect(response.status).toBe(201);
    expect(last(AiSubjects.upload)?.data).toEqual({
      title: 'House rules',
      visibility: 'residents',
      fileName: 'rules.md',
      contentType: 'text/markdown',
      data: Buffer.from('# Rules\n\nNo pets.').toString('base64'),
    });
  });

  it('refuses uploads that are too large, not multipart, without a file or with invalid fields, sending nothing', async () => {
    const before = seen[AiSubjects.upload]?.length ?? 0;
    const upload = () => request(harness.url).post('/api/v1/ai/upload').set('Authorization', `Bearer ${token}`);
    const tooLarge = await upload().attach('file', Buffer.alloc(AI_UPLOAD_MAX_BYTES + 1, 97), { filename: 'big.txt', contentType: 'text/plain' });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect((await upload().send({ text: 'x' })).status).toBe(415);
    expect((await upload().field('title', 'x')).status).toBe(422);
    const badField = await upload().field('visibility', 'public').attach('file', Buffer.from('x'), { filename: 'a.txt', contentType: 'text/plain' });
    expect(badField.status).toBe(422);
    expect(badField.body.errors.map((error: { field: string }) => error.field)).toEqual(['visibility']);
    expect(seen[AiSubjects.upload]?.length ?? 0).toBe(before);
  });

  it('validates at the edge and passes problems through', async () => {
    expect((await call('post', '/ai/chat', { message: '' })).status).toBe(422);
    expect((await call('post', '/ai/chat', { message: 'x'.repeat(4001) })).status).toBe(422);
    expect((await call('post', '/ai/ingest', { text: 'no title' })).status).toBe(422);
    expect((await call('get', '/ai/sources/not-a-uuid')).status).toBe(422);
    const missing = await call('get', `/ai/sources/${MISSING}`);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    const limited = await call('post', '/ai/chat', { message: 'busy' });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('17');
    expect(limited.body).toMatchObject({ code: 'AI_RATE_LIMITED' });
    const ask = await call('post', '/llm/ask', { question: 'Hello?' });
    expect(ask.status).toBe(503);
    expect(ask.body).toMatchObject({ code: 'LLM_NOT_CONFIGURED' });
  });

  it('lets residents and viewers chat but only staff with write scope feed the index', async () => {
    const resident = await harness.token({ roles: ['resident'] });
    const viewer = await harness.token({ roles: ['viewer'] });
    expect((await call('post', '/ai/chat', { message: 'Quiet hours?' }, resident)).status).toBe(200);
    expect(last(AiSubjects.chat)?.caller.roles.join(',')).toBe('resident');
    expect((await call('post', '/ai/chat', { message: 'Quiet hours?' }, viewer)).status).toBe(200);
    expect((await call('post', '/ai/ingest', { title: 'x', text: 'y' }, resident)).status).toBe(403);
    expect((await call('post', '/ai/ingest', { title: 'x', text: 'y' }, viewer)).status).toBe(403);
    expect((await call('delete', `/ai/sources/${randomUUID()}`, undefined, viewer)).status).toBe(403);
  });
});

/** The variables of `env` that are set, as the launcher takes them. */
function setVariables(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Nothing listens here: Ollama, Qdrant and the cloud LLM are unreachable or absent for these routes. */
const NOWHERE = 'http://127.0.0.1:9';

/**
 * Routes through the gateway to the real ai service (its own process, as `npm start` runs it, on
 * the harness's database and NATS prefix), on what it answers without a language model: the
 * caller's own conversations, its staff rule and its coded errors, not an echo.
 */
describe('ai routes against the ai service', () => {
  let harness: GatewayHarness;
  let ai: RunningSuite;
  let manager: string;

  beforeAll(async () => {
    harness = await startGatewayHarness();
    // The launcher joins the app to the harness's bus with the ai key (suite.js `options.bus`).
    const options: SuiteOptions = {
      services: ['ai'],
      quiet: true,
      env: { ...harness.stack.env, OLLAMA_URL: NOWHERE, QDRANT_URL: NOWHERE, LLM_BASE_URL: '', LLM_API_KEY: '' },
      bus: { url: harness.stack.bus.url, envFor: (app) => (isComponentName(app) ? setVariables(harness.stack.envFor(app)) : {}), stop: async () => undefined },
    };
    ai = await startSuite(options);
    manager = await harness.token({ roles: ['manager'] });
  }, 120_000);
  afterAll(async () => {
    await ai?.stop();
    await harness?.teardown();
  });

  const api = (bearer: string) => ({
    get: (path: string) => request(harness.url).get(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`),
    post: (path: string, body: object) => request(harness.url).post(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`).send(body),
    delete: (path: string) => request(harness.url).delete(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`),
  });

  it('answers the caller’s own conversations with the service’s bodies and statuses', async () => {
    expect((await api(manager).get('/ai/conversations?size=5')).body).toEqual({ items: [], total: 0, page: 1, size: 5, pages: 0 });
    const missing = await api(manager).get(`/ai/conversations/${MISSING}`);
    expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await api(manager).delete(`/ai/conversations/${MISSING}`)).status).toBe(404);
    const cleared = await api(manager).delete('/ai/conversations');
    expect([cleared.status, cleared.body]).toEqual([200, { deleted: 0 }]);
  });

  it('passes the service’s staff rule and coded errors through as problems', async () => {
    expect((await api(manager).get('/ai/sources')).body).toMatchObject({ items: [], total: 0 });
    // The gateway lets a resident read; the service keeps its document index to the staff.
    const resident = await harness.token({ roles: ['resident'] });
    expect((await api(resident).get('/ai/sources')).status).toBe(403);
    const ask = await api(manager).post('/llm/ask', { question: 'How do I write a rent reminder?' });
    expect([ask.status, ask.body.code, ask.headers['content-type']]).toEqual([503, 'LLM_NOT_CONFIGURED', expect.stringMatching(/application\/problem\+json/)]);
  });
});
