import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { InvoiceOperations, TenantOperations } from '@quartier/contracts-leasing';
import { AnyOperation, OrgCaller, RequestOf, ResponseOf } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';
import { TestStack, startTestStack, testCaller } from '@quartier/testing';
import { leasingService } from '../src/leasing.service-app';

interface NinjaRequest {
  path: string;
  token?: string;
  body: Record<string, unknown>;
}

/** A local stand-in for Invoice Ninja v5: token-checked JSON endpoints answering `{ data: { id } }`. */
async function startFakeInvoiceNinja(): Promise<{ server: Server; url: string; requests: NinjaRequest[] }> {
  const requests: NinjaRequest[] = [];
  const server = createServer(async (request, response) => {
    const body = JSON.parse((await read(request)) || '{}') as Record<string, unknown>;
    const token = request.headers['x-api-token'] as string | undefined;
    requests.push({ path: request.url ?? '', token, body });
    response.setHeader('content-type', 'application/json');
    if (token !== 'ninja-token') return response.writeHead(403).end(JSON.stringify({ message: 'Invalid token' }));
    if (request.url === '/api/v1/invoices/bulk') return response.writeHead(200).end(JSON.stringify({ data: (body.ids as string[]).map((id) => ({ id })) }));
    const prefix = request.url === '/api/v1/clients' ? 'client' : 'invoice';
    response.writeHead(200).end(JSON.stringify({ data: { id: `${prefix}_${requests.length}` } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

function read(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

describe('leasing: Invoice Ninja sync', () => {
  let stack: TestStack;
  let ninja: Awaited<ReturnType<typeof startFakeInvoiceNinja>>;
  const owner: OrgCaller = testCaller(randomUUID());

  beforeAll(async () => {
    ninja = await startFakeInvoiceNinja();
    stack = await startTestStack([leasingService], { RENT_JOB_INTERVAL_MS: '0', INVOICE_NINJA_URL: ninja.url, INVOICE_NINJA_TOKEN: 'ninja-token' });
  });
  afterAll(async () => {
    await stack.teardown();
    await new Promise((resolve) => ninja.server.close(resolve));
  });

  const call = <Operation extends AnyOperation>(operation: Operation, payload: RequestOf<Operation>): Promise<ResponseOf<Operation>> =>
    new OperationClient(stack.rpc).send(operation, payload, owner);

  it('pushes new invoices once, creating the tenant as a client once', async () => {
    const tenant = await call(TenantOperations.create, { firstName: 'Nina', lastName: 'Ninja', email: 'nina@example.com' });
    const lines = [{ description: 'Garage rent', amountCents: 12_345 }];
    const first = await call(InvoiceOperations.create, { tenantId: tenant.id, lines });
    await call(InvoiceOperations.create, { tenantId: tenant.id, lines });

    const result = await call(InvoiceOperations.sync, {});
    expect(result).toMatchObject({ configured: true, pushed: 2, failed: 0 });
    expect(ninja.requests.map((r) => r.path)).toEqual(['/api/v1/clients', '/api/v1/invoices', '/api/v1/invoices']);
    expect(ninja.requests[0].body).toMatchObject({ name: 'Nina Ninja', contacts: [{ email: 'nina@example.com' }] });
    expect(ninja.requests[1].body).toMatchObject({
      client_id: 'client_1',
      number: first.number,
      line_items: [{ notes: 'Garage rent', cost: 123.45, quantity: 1 }],
    });
    expect((await call(InvoiceOperations.get, { id: first.id })).externalId).toBe('invoice_2');

    expect(await call(InvoiceOperations.sync, {})).toMatchObject({ pushed: 0, statusesUpdated: 0, failed: 0 });
    expect(ninja.requests).toHaveLength(3);
  });

  it('brings paid and voided invoices up to date in Invoice Ninja, once', async () => {
    const tenant = await call(TenantOperations.create, { firstName: 'Paul', lastName: 'Payer', email: 'paul@example.com' });
    const lines = [{ description: 'Parking', amountCents: 5_000 }];
    const paid = await call(InvoiceOperations.create, { tenantId: tenant.id, lines });
    const voided = await call(InvoiceOperations.create, { tenantId: tenant.id, lines });
    await call(InvoiceOperations.create, { tenantId: tenant.id, lines });
    await call(InvoiceOperations.sync, {});
    const externalId = async (id: string) => (await call(InvoiceOperations.get, { id })).externalId;
    const [paidExternal, voidedExternal] = [await externalId(paid.id), await externalId(voided.id)];

    await call(InvoiceOperations.pay, { id: paid.id });
    await call(InvoiceOperations.remove, { id: voided.id });
    const before = ninja.requests.length;
    expect(await call(InvoiceOperations.sync, {})).toMatchObject({ pushed: 0, statusesUpdated: 2, failed: 0 });
    const bulk = ninja.requests.slice(before);
    expect(bulk.map((r) => r.path)).toEqual(['/api/v1/invoices/bulk', '/api/v1/invoices/bulk']);
    expect(bulk.map((r) => r.body)).toEqual(
      expect.arrayContaining([
        { action: 'mark_paid', ids: [paidExternal] },
        { action: 'cancel', ids: [voidedExternal] },
      ]),
    );

    expect(await call(InvoiceOperations.sync, {})).toMatchObject({ pushed: 0, statusesUpdated: 0, failed: 0 });
    expect(ninja.requests).toHaveLength(before + 2);
  });
});

describe('leasing: Invoice Ninja not configured', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack([leasingService], { RENT_JOB_INTERVAL_MS: '0' });
  });
  afterAll(() => stack.teardown());

  it('says clearly that the sync is not configured', async () => {
    const result = await new OperationClient(stack.rpc).send(InvoiceOperations.sync, {}, testCaller(randomUUID()));
    expect(result).toEqual({ configured: false, message: expect.stringContaining('INVOICE_NINJA_URL'), pushed: 0, statusesUpdated: 0, failed: 0 });
  });
});
