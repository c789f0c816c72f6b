import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { LeasingSubjects } from '@quartier/contracts-leasing';
import { isComponentName } from '@quartier/contracts-shared';
import { RunningSuite, SuiteOptions, startSuite } from '@quartier/launcher';
import { GatewayHarness, ReceivedRequest, respond, startGatewayHarness } from '../../../test/gateway-harness';

const MISSING = '00000000-0000-4000-8000-000000000000';
const PDF = Buffer.from('%PDF-1.3 fake invoice');

/** The /api/v1 leasing routes against stand-in leasing responders (the gateway cannot boot leasing itself). */
describe('leasing routes', () => {
  let harness: GatewayHarness;
  let token: string;
  const seen: Record<string, ReceivedRequest> = {};

  beforeAll(async () => {
    harness = await startGatewayHarness();
    token = await harness.token({ roles: ['manager'] });
    for (const subject of Object.values(LeasingSubjects)) {
      respond(harness.stack.nats, harness.stack.prefix, subject, (received) => {
        seen[subject] = received;
        const data = received.data as { id?: string };
        if (data.id === MISSING) throw { status: 404, code: 'NOT_FOUND', message: 'Lease not found' };
        if (subject === LeasingSubjects.invoicesPdf) return { filename: 'invoice-2026-000001.pdf', contentType: 'application/pdf', base64: PDF.toString('base64') };
        if (subject === LeasingSubjects.stripeWebhook) return { received: true, eventId: 'evt_1', type: 'payment_intent.succeeded', handled: true };
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
    const tenantLease = { unitId: id, tenantId: id, startDate: '2026-01-01', coldRentCents: 90_000 };
    const cases: [Parameters<typeof call>[0], string, object | undefined, string, unknown, number][] = [
      ['get', '/tenants?search=erika&status=active', undefined, LeasingSubjects.tenantsList, { search: 'erika', status: 'active' }, 200],
      ['post', '/tenants', { firstName: 'E', lastName: 'M', email: 'e@example.com' }, LeasingSubjects.tenantsCreate, { firstName: 'E', lastName: 'M', email: 'e@example.com' }, 201],
      ['get', '/tenants/me', undefined, LeasingSubjects.tenantsMe, {}, 200],
      ['put', '/tenants/me', { phone: '1' }, LeasingSubjects.tenantsMeUpdate, { phone: '1' }, 200],
      ['get', `/tenants/${id}`, undefined, LeasingSubjects.tenantsGet, { id }, 200],
      ['patch', `/tenants/${id}`, { status: 'former' }, LeasingSubjects.tenantsUpdate, { status: 'former', id }, 200],
      ['get', `/tenants/${id}/leases?size=5`, undefined, LeasingSubjects.tenantsLeases, { size: 5, id }, 200],
      ['get', `/tenants/${id}/payments`, undefined, LeasingSubjects.tenantsPayments, { id }, 200],
      ['get', '/leases?status=active', undefined, LeasingSubjects.leasesList, { status: 'active' }, 200],
      ['post', '/leases', tenantLease, LeasingSubjects.leasesCreate, tenantLease, 201],
      ['get', '/leases/expiring?days=60', undefined, LeasingSubjects.leasesExpiring, { days: 60 }, 200],
      ['get', '/leases/active', undefined, LeasingSubjects.leasesActive, {}, 200],
      ['post', '/leases/rent-run', { asOf: '2026-03-01' }, LeasingSubjects.rentRun, { asOf: '2026-03-01' }, 200],
      ['post', '/leases/lifecycle-run', {}, LeasingSubjects.lifecycleRun, {}, 200],
      ['get', `/leases/${id}`, undefined, LeasingSubjects.leasesGet, { id }, 200],
      ['put', `/leases/${id}`, { notes: 'n' }, LeasingSubjects.leasesUpdate, { notes: 'n', id }, 200],
      ['post', `/leases/${id}/activate`, {}, LeasingSubjects.leasesActivate, { id }, 200],
      ['post', `/leases/${id}/renew`, { endDate: '2028-12-31', coldRentCents: 95_000 }, LeasingSubjects.leasesRenew, { endDate: '2028-12-31', coldRentCents: 95_000, id }, 200],
      ['post', `/leases/${id}/terminate`, { date: '2026-06-30', reason: 'r' }, LeasingSubjects.leasesTerminate, { date: '2026-06-30', reason: 'r', id }, 200],
      ['get', `/leases/${id}/charges`, undefined, LeasingSubjects.leasesCharges, { id }, 200],
      ['get', '/payments?method=cash&from=2026-01-01', undefined, LeasingSubjects.paymentsList, { method: 'cash', from: '2026-01-01' }, 200],
      ['get', '/payments/overdue', undefined, LeasingSubjects.paymentsOverdue, {}, 200],
      ['get', '/payments/reports/summary?from=2026-01-01&to=2026-12-31', undefined, LeasingSubjects.paymentsSummary, { from: '2026-01-01', to: '2026-12-31' }, 200],
      ['get', `/payments/tenant/${id}`, undefined, LeasingSubjects.paymentsByTenant, { id }, 200],
      ['get', `/payments/${id}`, undefined, LeasingSubjects.paymentsGet, { id }, 200],
      ['put', `/payments/${id}`, { reference: 'x' }, LeasingSubjects.paymentsUpdate, { reference: 'x', id }, 200],
      ['post', `/payments/${id}/refund`, { amountCents: 100 }, LeasingSubjects.paymentsRefund, { amountCents: 100, id }, 200],
      ['post', `/payments/${id}/intent`, {}, LeasingSubjects.paymentsIntent, { id }, 200],
      ['get', '/invoices?status=open', undefined, LeasingSubjects.invoicesList, { status: 'open' }, 200],
      ['post', '/invoices', { tenantId: id, leaseId: id }, LeasingSubjects.invoicesCreate, { tenantId: id, leaseId: id }, 201],
      ['get', '/invoices/sync', undefined, LeasingSubjects.invoicesSync, {}, 200],
      ['get', '/invoices/overdue', undefined, LeasingSubjects.invoicesOverdue, {}, 200],
      ['get', `/invoices/tenant/${id}`, undefined, LeasingSubjects.invoicesByTenant, { id }, 200],
      ['get', `/invoices/${id}`, undefined, LeasingSubjects.invoicesGet, { id }, 200],
      ['patch', `/invoices/${id}`, { notes: 'n' }, LeasingSubjects.invoicesUpdate, { notes: 'n', id }, 200],
      ['delete', `/invoices/${id}`, undefined, LeasingSubjects.invoicesDelete, { id }, 200],
      ['post', `/invoices/${id}/send`, {}, LeasingSubjects.invoicesSend, { id }, 200],
      ['post', `/invoices/${id}/pay`, { method: 'cash' }, LeasingSubjects.invoicesPay, { method: 'cash', id }, 200],
      ['get', '/utilities/bills?type=water', undefined, LeasingSubjects.utilityBillsList, { type: 'water' }, 200],
      ['get', '/utilities/bills/overdue', undefined, LeasingSubjects.utilityBillsOverdue, {}, 200],
      ['get', `/utilities/bills/property/${id}`, undefined, LeasingSubjects.utilityBillsByProperty, { id }, 200],
      ['get', `/utilities/bills/${id}`, undefined, LeasingSubjects.utilityBillsGet, { id }, 200],
      ['post', `/utilities/bills/${id}/pay`, {}, LeasingSubjects.utilityBillsPay, { id }, 200],
      ['get', `/utilities/usage/analytics?propertyId=${id}`, undefined, LeasingSubjects.utilityUsageAnalytics, { propertyId: id }, 200],
      ['get', '/utilities/costs/forecast?months=6', undefined, LeasingSubjects.utilityCostForecast, { months: 6 }, 200],
      ['get', '/utilities/providers', undefined, LeasingSubjects.utilityProvidersList, {}, 200],
      ['post', '/utilities/providers', { name: 'SW', types: ['gas'] }, LeasingSubjects.utilityProvidersCreate, { name: 'SW', types: ['gas'] }, 201],
    ];
    for (const [method, path, body, subject, payload, status] of cases) {
      const response = await call(method, path, body);
      expect([method, path, response.status]).toEqual([method, path, status]);
      expect([path, seen[subject]?.data]).toEqual([path, payload]);
    }
    expect(seen[LeasingSubjects.leasesCreate].caller.organizationId).toBe(harness.organizationId);
    for (const path of [`/tenants/${id}`, `/leases/${id}`, `/payments/${id}`, `/utilities/bills/${id}`, `/utilities/providers/${id}`]) {
      expect([path, (await call('delete', path)).status]).toEqual([path, 204]);
    }
  });

  it('forwards Idempotency-Key as a header on mutating routes, generated and hand-written, never in the payload', async () => {
    const tenantId = randomUUID();
    const response = await call('post', '/payments', { tenantId, amountCents: 100, method: 'cash', paidOn: '2026-03-01' }).set('Idempotency-Key', 'abc-1');
    expect(response.status).toBe(201);
    expect(seen[LeasingSubjects.paymentsCreate].data).toEqual({ tenantId, amountCents: 100, method: 'cash', paidOn: '2026-03-01' });
    expect(seen[LeasingSubjects.paymentsCreate].headers['idempotency-key']).toBe('abc-1');
    await call('delete', `/payments/${tenantId}`).set('Idempotency-Key', 'abc-2');
    expect(seen[LeasingSubjects.paymentsDelete]).toMatchObject({ data: { id: tenantId }, headers: { 'idempotency-key': 'abc-2' } });
    await call('put', `/tenants/${tenantId}`, { firstName: 'Ada' }).set('Idempotency-Key', 'abc-3');
    expect(seen[LeasingSubjects.tenantsUpdate].headers['idempotency-key']).toBe('abc-3');
    await call('get', `/payments/${tenantId}`).set('Idempotency-Key', 'abc-4');
    expect(seen[LeasingSubjects.paymentsGet].headers['idempotency-key']).toBeUndefined();
  });

  it('serves invoice PDFs as application/pdf downloads', async () => {
    const response = await call('get', `/invoices/${randomUUID()}/pdf`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="invoice-2026-000001.pdf"');
    expect(Buffer.compare(response.body as Buffer, PDF)).toBe(0);
  });

  it('passes the Stripe webhook body through byte for byte, without authentication', async () => {
    const raw = '{\n  "id": "evt_1",\n  "type": "payment_intent.succeeded"\n}';
    const response = await request(harness.url)
      .post('/api/v1/payments/webhooks/stripe')
      .set('Content-Type', 'application/json; charset=utf-8')
      .set('Stripe-Signature', 't=1,v1=abc')
      .send(raw);
    expect(response.status).toBe(200);
    const forwarded = seen[LeasingSubjects.stripeWebhook].data as { rawBody: string; signature: string };
    expect(Buffer.from(forwarded.rawBody, 'base64').toString('utf8')).toBe(raw);
    expect(forwarded.signature).toBe('t=1,v1=abc');
    const unsigned = await request(harness.url).post('/api/v1/payments/webhooks/stripe').set('Content-Type', 'application/json').send('{}');
    expect(unsigned.status).toBe(400);
  });

  it('validates at the edge (422), passes 404 problems through, and keeps residents and viewers to reading', async () => {
    const invalid = await call('post', '/leases', { unitId: 'x', startDate: '01.01.2026', coldRentCents: -1 });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['coldRentCents', 'startDate', 'tenantId', 'unitId']);
    expect((await call('get', '/leases/not-a-uuid')).status).toBe(422);
    const missing = await call('get', `/leases/${MISSING}`);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    const resident = await harness.token({ roles: ['resident'] });
    expect((await call('get', '/leases', undefined, resident)).status).toBe(200);
    expect((await call('put', '/tenants/me', { phone: '2' }, resident)).status).toBe(200);
    expect((await call('post', '/payments', { tenantId: randomUUID(), amountCents: 1, method: 'cash', paidOn: '2026-01-01' }, resident)).status).toBe(403);
    const viewer = await harness.token({ roles: ['viewer'] });
    expect((await call('post', `/leases/${randomUUID()}/terminate`, { date: '2026-06-30', reason: 'r' }, viewer)).status).toBe(403);
    expect((await call('post', '/leases/rent-run', {}, await harness.token({ roles: ['agent'] }))).status).toBe(403);
  });

  it('documents the leasing routes and their response shapes in OpenAPI', async () => {
    const docs = await request(harness.url).get('/docs-json');
    expect(docs.status).toBe(200);
    const paths = docs.body.paths as Record<string, Record<string, { tags?: string[]; responses: Record<string, unknown> }>>;
    for (const path of ['/api/v1/tenants/me', '/api/v1/leases/{id}/renew', '/api/v1/payments/{id}/refund', '/api/v1/payments/webhooks/stripe', '/api/v1/invoices/{id}/pdf', '/api/v1/utilities/costs/forecast']) {
      expect([path, Object.keys(paths[path] ?? {}).length > 0]).toEqual([path, true]);
    }
    expect(paths['/api/v1/leases'].post.responses['409']).toBeDefined();
    expect(paths['/api/v1/payments/webhooks/stripe'].post.responses['400']).toBeDefined();
    expect(Object.keys(docs.body.components.schemas)).toEqual(expect.arrayContaining(['LeaseView', 'LeasePageView', 'PaymentView', 'InvoiceView', 'CostForecastView', 'CreateLeaseDto']));
  });
});

/** What suite.js accepts as `options.bus` (not in its type declarations yet). */
interface SuiteBus {
  url: string;
  envFor(app: string): NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/**
 * Tenant and payment routes through the gateway to the real leasing service (its own process, as
 * `npm start` runs it, on the harness's database and NATS prefix): generated and hand-written
 * routes, the service's answers, its errors and its Idempotency-Key handling, not an echo.
 */
describe('leasing routes against the leasing service', () => {
  let harness: GatewayHarness;
  let leasing: RunningSuite;
  let manager: string;

  beforeAll(async () => {
    harness = await startGatewayHarness();
    // The launcher joins the app to the harness's bus with the leasing key (suite.js `options.bus`).
    const options: SuiteOptions & { bus: SuiteBus } = {
      services: ['leasing'],
      quiet: true,
      env: { ...harness.stack.env, RENT_JOB_INTERVAL_MS: '0' },
      bus: { url: harness.stack.bus.url, envFor: (app) => (isComponentName(app) ? harness.stack.envFor(app) : {}), stop: async () => undefined },
    };
    leasing = await startSuite(options);
    manager = await harness.token({ roles: ['manager'] });
  }, 120_000);
  afterAll(async () => {
    await leasing?.stop();
    await harness?.teardown();
  });

  const api = (bearer: string) => ({
    get: (path: string) => request(harness.url).get(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`),
    post: (path: string, body: object) => request(harness.url).post(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`).send(body),
    patch: (path: string, body: object) => request(harness.url).patch(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`).send(body),
    delete: (path: string) => request(harness.url).delete(`/api/v1${path}`).set('Authorization', `Bearer ${bearer}`),
  });

  it('creates, lists, updates and deletes tenants with the service’s answers, statuses and errors', async () => {
    const created = await api(manager).post('/tenants', { firstName: 'Erika', lastName: 'Muster', email: 'erika@example.com' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ firstName: 'Erika', lastName: 'Muster', email: 'erika@example.com', status: 'applicant' });
    const duplicate = await api(manager).post('/tenants', { firstName: 'E', lastName: 'M', email: 'erika@example.com' });
    expect([duplicate.status, duplicate.body.code]).toEqual([409, 'TENANT_EMAIL_TAKEN']);

    const listed = await api(manager).get('/tenants?search=muster');
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 1, page: 1, items: [{ id: created.body.id }] });
    expect((await api(manager).get('/tenants?sort=shoeSize')).body).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });

    const updated = await api(manager).patch(`/tenants/${created.body.id}`, { phone: '+49 30 1234' });
    expect([updated.status, updated.body.phone]).toEqual([200, '+49 30 1234']);
    expect((await api(manager).get(`/tenants/${created.body.id}`)).body).toEqual(updated.body);

    const deleted = await api(manager).delete(`/tenants/${created.body.id}`);
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    expect((await api(manager).get(`/tenants/${created.body.id}`)).status).toBe(404);
    expect((await api(manager).get(`/tenants/${MISSING}/leases`)).status).toBe(404);
  });

  it('records a payment once per Idempotency-Key, taken from the header only', async () => {
    const tenant = await api(manager).post('/tenants', { firstName: 'Paul', lastName: 'Payer', email: 'paul@example.com' });
    const payment = { tenantId: tenant.body.id, amountCents: 10_000, method: 'bank_transfer', paidOn: '2026-03-01' };
    const first = await api(manager).post('/payments', payment).set('Idempotency-Key', 'pay-1');
    expect(first.status).toBe(201);
    const again = await api(manager).post('/payments', payment).set('Idempotency-Key', 'pay-1');
    expect([again.status, again.body.id]).toEqual([201, first.body.id]);
    const reused = await api(manager).post('/payments', { ...payment, amountCents: 20_000 }).set('Idempotency-Key', 'pay-1');
    expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect((await api(manager).post('/payments', { ...payment, idempotencyKey: 'pay-2' })).status).toBe(422);

    const paid = await api(manager).get(`/payments/tenant/${tenant.body.id}`);
    expect(paid.body).toMatchObject({ total: 1, items: [{ id: first.body.id, amountCents: 10_000 }] });
    const viewer = await harness.token({ roles: ['viewer'] });
    expect((await api(viewer).post('/payments', payment)).status).toBe(403);
  });
});
