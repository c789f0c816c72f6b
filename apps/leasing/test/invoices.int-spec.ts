import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { InvoiceOperations, LeaseOperations, LeaseView, TenantOperations, TenantView } from '@quartier/contracts-leasing';
import { AnyOperation, OrgCaller, RequestOf, ResponseOf } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';
import { TestStack, startTestStack, testCaller, waitFor } from '@quartier/testing';
import { leasingService } from '../src/leasing.service-app';
import { addMonths, monthStart, todayIn } from '../src/modules/shared/iso-date';
import { failure, fakePortfolioUnits } from './support';

interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A local SMTP server that accepts everything and keeps what it received. */
async function startSmtp(): Promise<{ server: SMTPServer; port: number; mails: ReceivedMail[] }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port, mails };
}

describe('leasing: invoices over NATS', () => {
  let stack: TestStack;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const organizationId = randomUUID();
  const owner: OrgCaller = testCaller(organizationId);
  const units = new Map<string, { propertyId: string }>();
  const today = todayIn('Europe/Berlin');
  const year = Number(today.slice(0, 4));

  beforeAll(async () => {
    smtp = await startSmtp();
    stack = await startTestStack([], { RENT_JOB_INTERVAL_MS: '0', SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Hausverwaltung <rent@quartier.test>' });
    fakePortfolioUnits(stack.nats, stack.prefix, units);
    await stack.start(leasingService);
  });
  afterAll(async () => {
    await stack.teardown();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  const call = <Operation extends AnyOperation>(operation: Operation, payload: RequestOf<Operation>, caller: OrgCaller = owner): Promise<ResponseOf<Operation>> =>
    new OperationClient(stack.rpc).send(operation, payload, caller);

  async function tenantWithLease(email: string): Promise<{ tenant: TenantView; lease: LeaseView }> {
    const tenant = await call(TenantOperations.create, { firstName: 'Ina', lastName: 'Voice', email });
    const unitId = randomUUID();
    units.set(unitId, { propertyId: randomUUID() });
    const created = await call(LeaseOperations.create, {
      unitId,
      tenantId: tenant.id,
      startDate: addMonths(monthStart(today), -1),
      coldRentCents: 70_000,
      serviceChargeCents: 10_000,
    });
    return { tenant, lease: await call(LeaseOperations.activate, { id: created.id }) };
  }

  it('numbers invoices per organization and year without gaps, even when created concurrently or when one fails', async () => {
    const { tenant } = await tenantWithLease('numbers@example.com');
    const line = { tenantId: tenant.id, lines: [{ description: 'Key replacement', amountCents: 4_500 }] };
    expect(await failure(call(InvoiceOperations.create, { tenantId: tenant.id, chargeIds: [randomUUID()] }))).toMatchObject({ status: 409 });
    expect(await failure(call(InvoiceOperations.create, { tenantId: tenant.id }))).toMatchObject({ status: 422, code: 'INVOICE_EMPTY' });
    const created = await Promise.all(Array.from({ length: 8 }, () => call(InvoiceOperations.create, line)));
    expect(created.map((invoice) => invoice.number).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `${year}-${String(i + 1).padStart(6, '0')}`));
    const elsewhere = testCaller(randomUUID());
    const otherTenant = await call(TenantOperations.create, { firstName: 'O', lastName: 'O', email: 'o@example.com' }, elsewhere);
    const first = await call(InvoiceOperations.create, { ...line, tenantId: otherTenant.id }, elsewhere);
    expect(first.number).toBe(`${year}-000001`);
    expect(await failure(call(InvoiceOperations.get, { id: created[0].id }, elsewhere))).toMatchObject({ status: 404 });
  });

  it('refuses malformed lines and a total beyond the amount column with 422, and stores nothing', async () => {
    const { tenant } = await tenantWithLease('bounds@example.com');
    const line = (amountCents: number) => ({ description: 'Roof', amountCents });
    const before = (await call(InvoiceOperations.byTenant, { id: tenant.id })).items.length;
    for (const lines of [[[]], [null], [{ description: 'Roof', amountCents: 2_147_483_648 }], [{ description: 'Roof', amountCents: 1e-7 }]]) {
      const malformed = { tenantId: tenant.id, lines } as unknown as RequestOf<typeof InvoiceOperations.create>;
      expect(await failure(call(InvoiceOperations.create, malformed))).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });
    }
    const tooLarge = { tenantId: tenant.id, lines: [line(2_000_000_000), line(2_000_000_000)] };
    expect(await failure(call(InvoiceOperations.create, tooLarge))).toMatchObject({ status: 422, code: 'INVOICE_TOTAL_TOO_LARGE' });
    expect((await call(InvoiceOperations.byTenant, { id: tenant.id })).items).toHaveLength(before);
  });

  it('invoices the open charges of a lease, which locks them, and pays the invoice', async () => {
    const { tenant, lease } = await tenantWithLease('charges@example.com');
    const invoice = await call(InvoiceOperations.create, { tenantId: tenant.id, leaseId: lease.id });
    expect(invoice.lines).toHaveLength(2);
    expect(invoice.totalCents).toBe(160_000);
    const charges = (await call(LeaseOperations.charges, { id: lease.id })).items;
    expect(charges.every((charge) => charge.invoiceId === invoice.id)).toBe(true);
    expect(await failure(call(InvoiceOperations.create, { tenantId: tenant.id, chargeIds: [charges[0].id] }))).toMatchObject({
      status: 409,
      code: 'CHARGE_ALREADY_INVOICED',
    });
    const paid = await call(InvoiceOperations.pay, { id: invoice.id, method: 'bank_transfer' }, { ...owner, idempotencyKey: 'pay-1' });
    expect(paid.status).toBe('paid');
    const again = await call(InvoiceOperations.pay, { id: invoice.id, method: 'bank_transfer' }, { ...owner, idempotencyKey: 'pay-1' });
    expect(again.paidAt).toBe(paid.paidAt);
    const after = (await call(LeaseOperations.charges, { id: lease.id })).items;
    expect(after.every((charge) => charge.status === 'paid')).toBe(true);
    expect(await failure(call(InvoiceOperations.pay, { id: invoice.id }))).toMatchObject({ status: 409 });
  });

  it('renders the PDF and sends it by SMTP to the tenant', async () => {
    const { tenant, lease } = await tenantWithLease('mail@example.com');
    const invoice = await call(InvoiceOperations.create, { tenantId: tenant.id, leaseId: lease.id });
    const pdf = await call(InvoiceOperations.pdf, { id: invoice.id });
    expect(pdf.filename).toBe(`invoice-${invoice.number}.pdf`);
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    const sent = await call(InvoiceOperations.send, { id: invoice.id });
    expect(sent.status).toBe('sent');
    expect(sent.sentAt).not.toBeNull();
    await waitFor(() => smtp.mails.some((mail) => mail.to.includes('mail@example.com')));
    const mail = smtp.mails.find((candidate) => candidate.to.includes('mail@example.com'));
    expect(mail?.from).toBe('rent@quartier.test');
    expect(mail?.raw).toContain(`Subject: Invoice ${invoice.number}`);
    expect(mail?.raw).toMatch(/Content-Type: application\/pdf; name=invoice-\d{4}-\d{6}\.pdf/);
  });

  it('lists invoices by tenant and overdue ones, voids instead of deleting, and hides others from residents', async () => {
    const userId = randomUUID();
    const { tenant } = await tenantWithLease('list@example.com');
    await call(TenantOperations.update, { id: tenant.id, userId });
    const overdue = await call(InvoiceOperations.create, {
      tenantId: tenant.id,
      lines: [{ description: 'Old repair', amountCents: 9_900 }],
      issueDate: addMonths(today, -2),
      dueDate: addMonths(today, -1),
    });
    const listed = await call(InvoiceOperations.byTenant, { id: tenant.id });
    expect(listed.items.map((invoice) => invoice.id)).toEqual([overdue.id]);
    const late = await call(InvoiceOperations.overdue, { size: 100 });
    expect(late.items.map((invoice) => invoice.id)).toContain(overdue.id);

    const resident = testCaller(organizationId, { userId, roles: ['resident'], scopes: ['read'] });
    const visible = await call(InvoiceOperations.list, { size: 100 }, resident);
    expect(visible.items.map((invoice) => invoice.id)).toEqual([overdue.id]);
    const someoneElses = (await call(InvoiceOperations.list, { size: 100 })).items.find((invoice) => invoice.tenantId !== tenant.id);
    if (!someoneElses) throw new Error('Expected an invoice of another tenant');
    expect(await failure(call(InvoiceOperations.get, { id: someoneElses.id }, resident))).toMatchObject({ status: 404 });

    const voided = await call(InvoiceOperations.remove, { id: overdue.id });
    expect(voided).toMatchObject({ status: 'void', number: overdue.number });
  });
});
