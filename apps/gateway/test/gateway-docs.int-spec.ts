import { chromium } from 'playwright-core';
import request from 'supertest';
import { GatewayHarness, startGatewayHarness } from './gateway-harness';

interface Operation {
  tags?: string[];
  security?: unknown[];
  responses: Record<string, unknown>;
  requestBody?: unknown;
}

const EXPECTED_OPERATIONS = [
  'post /api/v1/auth/register',
  'post /api/v1/auth/login',
  'post /api/v1/auth/refresh',
  'post /api/v1/auth/logout',
  'get /api/v1/auth/me',
  'get /api/v1/me/profile',
  'patch /api/v1/me/profile',
  'patch /api/v1/me/preferences',
  'patch /api/v1/me/notifications',
  'post /api/v1/me/change-password',
  'post /api/v1/me/avatar',
  'get /api/v1/me/avatar',
  'get /api/v1/organization',
  'patch /api/v1/organization',
  'get /api/v1/organization/members',
  'post /api/v1/organization/members',
  'patch /api/v1/organization/members/{memberId}',
  'delete /api/v1/organization/members/{memberId}',
  'get /api/v1/organization/limits',
  'get /api/v1/audit-logs',
  'get /api/v1/.well-known/jwks.json',
  ...['properties', 'buildings', 'units'].flatMap((collection) => [
    `get /api/v1/${collection}`,
    `post /api/v1/${collection}`,
    `get /api/v1/${collection}/{id}`,
    `put /api/v1/${collection}/{id}`,
    `patch /api/v1/${collection}/{id}`,
    `delete /api/v1/${collection}/{id}`,
  ]),
  'get /api/v1/units/available',
  'get /api/v1/units/{id}/history',
  'patch /api/v1/units/{id}/status',
  'get /health',
  'get /metrics',
];

describe('gateway API documentation', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await startGatewayHarness();
  });

  afterAll(async () => {
    await harness?.teardown();
  });

  it('serves one OpenAPI document at /docs-json and /api/openapi.json listing every route', async () => {
    const [docs, api] = await Promise.all([request(harness.url).get('/docs-json'), request(harness.url).get('/api/openapi.json')]);
    expect(docs.status).toBe(200);
    expect(api.body).toEqual(docs.body);
    const paths = docs.body.paths as Record<string, Record<string, Operation>>;
    const operations = Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`));
    // Other domains add their own routes beside these.
    expect(operations).toEqual(expect.arrayContaining(EXPECTED_OPERATIONS));
    expect(docs.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(docs.body.components.schemas.ProblemDto).toBeDefined();
  });

  it('documents tags, auth, request bodies and problem responses of every route', async () => {
    const { body } = await request(harness.url).get('/docs-json');
    const paths = body.paths as Record<string, Record<string, Operation>>;
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const name = `${method} ${path}`;
        if (!EXPECTED_OPERATIONS.includes(name)) continue;
        expect({ name, tagged: (operation.tags ?? []).length > 0 }).toEqual({ name, tagged: true });
        const throttled = path.startsWith('/api/');
        expect({ name, rateLimited: '429' in operation.responses }).toEqual({ name, rateLimited: throttled });
        const isPublic = path.startsWith('/api/v1/auth/') ? !path.endsWith('/me') : !path.startsWith('/api/v1/') || path.includes('.well-known');
        if (!isPublic) {
          expect({ name, secured: operation.security, unauthorized: '401' in operation.responses }).toEqual({
            name,
            secured: [{ bearer: [] }],
            unauthorized: true,
          });
        }
      }
    }
    expect(paths['/api/v1/properties'].post.requestBody).toBeDefined();
    expect(paths['/api/v1/properties'].post.responses['422']).toBeDefined();
    expect(paths['/api/v1/properties'].post.responses['201']).toBeDefined();
    expect(paths['/api/v1/properties/{id}'].delete.responses['204']).toBeDefined();
  });

  it('renders Swagger UI at /docs and /api/docs in headless Chromium', async () => {
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      for (const path of ['/docs', '/api/docs']) {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`${harness.url}${path}`);
        await page.waitForSelector('.opblock-summary-path', { timeout: 15_000 });
        const text = await page.locator('#swagger-ui').innerText();
        expect(text).toContain('/api/v1/properties');
        expect(text).toContain('/api/v1/auth/login');
        expect(errors).toEqual([]);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});
