import request from 'supertest';
import { E2eSuite, startE2eSuite } from './support/suite';
import { PASSWORD, Session, bearer, login, propertyBody, registerOrganization } from './support/session';

interface Problem {
  status: number;
  code: string;
  detail: string;
  details?: Record<string, unknown>;
  errors?: { field: string }[];
}

/** Shifts an ISO date by whole days (UTC calendar). */
function addDays(date: string, days: number): string {
  const shifted = new Date(`${date}T00:00:00Z`);
  shifted.setUTCDate(shifted.getUTCDate() + days);
  return shifted.toISOString().slice(0, 10);
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

const ids = (items: { id: string }[]): string[] => items.map((item) => item.id);

/**
 * Leasing through the gateway as a property manager and a resident use it: identity, portfolio,
 * leasing, workorders and the gateway as separate processes on the real Postgres and NATS.
 */
describe('leasing end to end', () => {
  let suite: E2eSuite;
  let owner: Session;
  let other: Session;
  let resident: Session;
  // Leasing decides "today" in its time zone; UTC keeps the dates here in step with it.
  const today = new Date().toISOString().slice(0, 10);
  const monthsAgo = (() => {
    const start = new Date(`${today.slice(0, 8)}01T00:00:00Z`);
    start.setUTCMonth(start.getUTCMonth() - 3);
    return start.toISOString().slice(0, 10);
  })();
  let propertyId: string;
  const units: string[] = [];
  const tenants: Record<'rita' | 'nils', string> = { rita: '', nils: '' };
  let ritaLease: string;
  let nilsLease: string;
  let ritaPayment: string;
  let nilsPayment: string;
  let ritaInvoice: string;
  let nilsInvoice: string;
  let billId: string;

  const api = (session: Session) => {
    const agent = request(suite.baseUrl);
    const auth = bearer(session);
    return {
      get: (path: string) => agent.get(path).set(auth),
      post: (path: string, body: object = {}) => agent.post(path).set(auth).send(body),
      put: (path: string, body: object) => agent.put(path).set(auth).send(body),
      patch: (path: string, body: object) => agent.patch(path).set(auth).send(body),
      delete: (path: string) => agent.delete(path).set(auth),
    };
  };
  const unitStatus = async (unitId: string): Promise<string> => (await api(owner).get(`/units/${unitId}`).expect(200)).body.status;

  beforeAll(async () => {
    suite = await startE2eSuite(
      { LEASING_TIME_ZONE: 'UTC', RENT_JOB_INTERVAL_MS: '0', OUTBOX_INTERVAL_MS: '100', RATE_LIMIT_PER_MINUTE: '10000' },
      ['identity', 'portfolio', 'leasing', 'workorders', 'gateway'],
    );
    owner = await registerOrganization(suite.baseUrl, 'Schmidt Hausverwaltung');
    other = await registerOrganization(suite.baseUrl, 'Konkurrenz GmbH');
    propertyId = (await api(owner).post('/properties', propertyBody()).expect(201)).body.id;
    const buildingId = (await api(owner).post('/buildings', { propertyId, name: 'Vorderhaus', floors: 4 }).expect(201)).body.id;
    for (const number of ['1.01', '1.02', '2.01']) {
      units.push((await api(owner).post('/units', { buildingId, number, floor: Number(number[0]), type: 'apartment', area: 58, rooms: 2 }).expect(201)).body.id);
    }
  });

  afterAll(() => suite?.stop());

  describe('tenants', () => {
    it('creates, finds, updates and deletes tenants; a duplicate email is 409', async () => {
      const rita = await api(owner).post('/tenants', { firstName: 'Rita', lastName: 'Rentner', email: 'rita@example.de' }).expect(201);
      expect(rita.body).toMatchObject({ status: 'applicant', email: 'rita@example.de', userId: null });
      tenants.rita = rita.body.id;
      tenants.nils = (await api(owner).post('/tenants', { firstName: 'Nils', lastName: 'Nachbar', email: 'nils@example.de' }).expect(201)).body.id;

      const duplicate = await api(owner).post('/tenants', { firstName: 'R', lastName: 'R', email: 'rita@example.de' }).expect(409);
      expect(duplicate.headers['content-type']).toContain('application/problem+json');
      expect((duplicate.body as Problem).code).toBe('TENANT_EMAIL_TAKEN');

      const found = await api(owner).get('/tenants?search=nach').expect(200);
      expect(found.body).toMatchObject({ total: 1, page: 1, size: 20, pages: 1 });
      expect(ids(found.body.items)).toEqual([tenants.nils]);
      expect(ids((await api(owner).get('/tenants?sort=-lastName').expect(200)).body.items)).toEqual([tenants.rita, tenants.nils]);
      await api(owner).get('/tenants?sort=shoeSize').expect(422);
      await api(owner).patch(`/tenants/${tenants.rita}`, { phone: '+49 30 555' }).expect(200);
      expect((await api(owner).get(`/tenants/${tenants.rita}`).expect(200)).body.phone).toBe('+49 30 555');

      const brief = await api(owner).post('/tenants', { firstName: 'Kurt', lastName: 'Kurz', email: 'kurt@example.de' }).expect(201);
      await api(owner).delete(`/tenants/${brief.body.id}`).expect(204);
      await api(owner).get(`/tenants/${brief.body.id}`).expect(404);
      expect((await api(owner).get('/tenants').expect(200)).body.total).toBe(2);
    });
  });

  describe('leases', () => {
    const leaseBody = (tenantId: string, unitId: string, startDate: string, endDate?: string) => ({
      tenantId,
      unitId,
      startDate,
      endDate,
      coldRentCents: 90_000,
      serviceChargeCents: 20_000,
      dueDay: 3,
      graceDays: 5,
    });

    it('creates a lease for a real unit, and refuses an unknown unit (404) and an end before the start (422)', async () => {
      const unknown = await api(owner).post('/leases', leaseBody(tenants.rita, '00000000-0000-4000-8000-000000000001', monthsAgo)).expect(404);
      expect((unknown.body as Problem).code).toBe('UNIT_NOT_FOUND');
      const backwards = await api(owner).post('/leases', leaseBody(tenants.rita, units[0], '2026-05-01', '2026-04-30')).expect(422);
      expect((backwards.body as Problem).errors?.map((error) => error.field)).toEqual(['endDate']);

      const created = await api(owner).post('/leases', leaseBody(tenants.rita, units[0], monthsAgo, addDays(today, 20))).expect(201);
      expect(created.body).toMatchObject({ status: 'pending', unitId: units[0], tenantId: tenants.rita, coldRentCents: 90_000 });
      ritaLease = created.body.id;
    });

    it('refuses an overlapping lease on the same unit, naming the conflicting lease (409)', async () => {
      const clash = await api(owner).post('/leases', leaseBody(tenants.nils, units[0], today, addDays(today, 365))).expect(409);
      expect(clash.body as Problem).toMatchObject({ code: 'LEASE_OVERLAP', details: { conflictingLeaseId: ritaLease, startDate: monthsAgo } });
      expect((clash.body as Problem).detail).toContain(ritaLease);
    });

    it('activates a lease: portfolio marks the unit occupied and its history names the lease', async () => {
      const activated = await api(owner).post(`/leases/${ritaLease}/activate`).expect(200);
      expect(activated.body.status).toBe('active');
      expect(await until(() => unitStatus(units[0]), (status) => status === 'occupied')).toBe('occupied');
      const history = await api(owner).get(`/units/${units[0]}/history`).expect(200);
      expect(history.body.items[0]).toMatchObject({ fromStatus: 'vacant', toStatus: 'occupied' });
      expect(history.body.items[0].reason).toContain(ritaLease);
    });

    it('terminates a lease: the unit becomes vacant again', async () => {
      nilsLease = (await api(owner).post('/leases', leaseBody(tenants.nils, units[1], addDays(today, -30), addDays(today, 365))).expect(201)).body.id;
      await api(owner).post(`/leases/${nilsLease}/activate`).expect(200);
      expect(await until(() => unitStatus(units[1]), (status) => status === 'occupied')).toBe('occupied');
      const terminated = await api(owner).post(`/leases/${nilsLease}/terminate`, { date: today, reason: 'Eigenbedarf' }).expect(200);
      expect(terminated.body).toMatchObject({ status: 'terminated', terminationDate: today, endDate: today });
      expect(await until(() => unitStatus(units[1]), (status) => status === 'vacant')).toBe('vacant');
      const history = await api(owner).get(`/units/${units[1]}/history`).expect(200);
      expect(history.body.items[0]).toMatchObject({ fromStatus: 'occupied', toStatus: 'vacant' });
      expect(history.body.items[0].reason).toContain(nilsLease);
    });

    it('lists active and expiring leases, and a renewal moves the lease out of the expiring window', async () => {
      expect(ids((await api(owner).get('/leases/active').expect(200)).body.items)).toEqual([ritaLease]);
      expect(ids((await api(owner).get('/leases/expiring?days=30').expect(200)).body.items)).toEqual([ritaLease]);
      const newEnd = addDays(today, 400);
      const renewed = await api(owner).post(`/leases/${ritaLease}/renew`, { endDate: newEnd, coldRentCents: 95_000 }).expect(200);
      expect(renewed.body).toMatchObject({ status: 'active', endDate: newEnd });
      expect(renewed.body.renewals).toEqual([expect.objectContaining({ previousEndDate: addDays(today, 20), startDate: addDays(today, 21), endDate: newEnd, coldRentCents: 95_000 })]);
      expect((await api(owner).get('/leases/expiring?days=30').expect(200)).body.total).toBe(0);
    });
  });

  describe('payments and invoices', () => {
    it('lists the unpaid rent of past months as overdue', async () => {
      const overdue = await api(owner).get('/payments/overdue').expect(200);
      const rita = (overdue.body.items as { leaseId: string; daysOverdue: number; outstandingCents: number }[]).filter((item) => item.leaseId === ritaLease);
      expect(rita.length).toBeGreaterThanOrEqual(2);
      expect(rita.every((item) => item.daysOverdue > 0 && item.outstandingCents > 0)).toBe(true);
    });

    it('records a manual payment once when the same Idempotency-Key is sent twice', async () => {
      const body = { tenantId: tenants.rita, leaseId: ritaLease, amountCents: 110_000, method: 'bank_transfer', paidOn: today, reference: 'Miete' };
      const first = await api(owner).post('/payments', body).set('Idempotency-Key', 'rita-rent-1').expect(201);
      const again = await api(owner).post('/payments', body).set('Idempotency-Key', 'rita-rent-1').expect(201);
      expect(again.body.id).toBe(first.body.id);
      expect(first.body.allocations.length).toBeGreaterThan(0);
      ritaPayment = first.body.id;
      const page = await api(owner).get(`/payments?tenantId=${tenants.rita}`).expect(200);
      expect(ids(page.body.items)).toEqual([ritaPayment]);
      const reused = await api(owner).post('/payments', { ...body, amountCents: 1 }).set('Idempotency-Key', 'rita-rent-1').expect(422);
      expect((reused.body as Problem).code).toBe('IDEMPOTENCY_KEY_REUSED');
      nilsPayment = (await api(owner).post('/payments', { tenantId: tenants.nils, amountCents: 5_000, method: 'cash', paidOn: today }).expect(201)).body.id;
    });

    it('creates invoices and serves their PDF', async () => {
      const invoice = await api(owner).post('/invoices', { tenantId: tenants.rita, lines: [{ description: 'Treppenhausreinigung', amountCents: 4_500 }] }).expect(201);
      expect(invoice.body).toMatchObject({ tenantId: tenants.rita, totalCents: 4_500, status: 'open' });
      expect(invoice.body.number).toMatch(/^\d{4}-\d+$/);
      ritaInvoice = invoice.body.id;
      nilsInvoice = (await api(owner).post('/invoices', { tenantId: tenants.nils, lines: [{ description: 'Schlüssel', amountCents: 2_000 }] }).expect(201)).body.id;

      const pdf = await api(owner)
        .get(`/invoices/${ritaInvoice}/pdf`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    it('creates a utility bill for the property', async () => {
      const bill = await api(owner)
        .post('/utilities/bills', { propertyId, type: 'water', periodStart: '2026-01-01', periodEnd: '2026-01-31', amountCents: 12_345, dueDate: '2026-02-15', consumption: 42, consumptionUnit: 'm3' })
        .expect(201);
      billId = bill.body.id;
      expect((await api(owner).get(`/utilities/bills/property/${propertyId}`).expect(200)).body.total).toBe(1);
      const unknownProperty = await api(owner)
        .post('/utilities/bills', { propertyId: '6f1c1c2e-0d5b-4c53-9a43-2f1d1b1e0a11', type: 'water', periodStart: '2026-01-01', periodEnd: '2026-01-31', amountCents: 1, dueDate: '2026-02-15' })
        .expect(404);
      expect(unknownProperty.body.code).toBe('PROPERTY_NOT_FOUND');
    });
  });

  describe('organization isolation', () => {
    it("answers 404 for another organization's tenants, leases, payments, invoices and utility bills", async () => {
      const routes: [method: 'get' | 'put' | 'patch' | 'delete', path: string, body?: object][] = [
        ['get', `/tenants/${tenants.rita}`],
        ['put', `/tenants/${tenants.rita}`, { phone: '1' }],
        ['patch', `/tenants/${tenants.rita}`, { phone: '1' }],
        ['delete', `/tenants/${tenants.rita}`],
        ['get', `/tenants/${tenants.rita}/leases`],
        ['get', `/leases/${ritaLease}`],
        ['put', `/leases/${ritaLease}`, { notes: 'mine' }],
        ['patch', `/leases/${ritaLease}`, { notes: 'mine' }],
        ['delete', `/leases/${ritaLease}`],
        ['get', `/payments/${ritaPayment}`],
        ['put', `/payments/${ritaPayment}`, { reference: 'mine' }],
        ['delete', `/payments/${ritaPayment}`],
        ['get', `/invoices/${ritaInvoice}`],
        ['put', `/invoices/${ritaInvoice}`, { notes: 'mine' }],
        ['patch', `/invoices/${ritaInvoice}`, { notes: 'mine' }],
        ['delete', `/invoices/${ritaInvoice}`],
        ['get', `/invoices/${ritaInvoice}/pdf`],
        ['get', `/utilities/bills/${billId}`],
        ['put', `/utilities/bills/${billId}`, { notes: 'mine' }],
        ['patch', `/utilities/bills/${billId}`, { notes: 'mine' }],
        ['delete', `/utilities/bills/${billId}`],
      ];
      const foreign = api(other);
      for (const [method, path, body] of routes) {
        const response = await (method === 'get' || method === 'delete' ? foreign[method](path) : foreign[method](path, body ?? {}));
        expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
      }
      for (const list of ['/tenants', '/leases', '/payments', '/invoices', '/utilities/bills']) {
        expect({ list, total: (await foreign.get(list).expect(200)).body.total }).toEqual({ list, total: 0 });
      }
      // Nothing changed for the owner.
      expect((await api(owner).get(`/leases/${ritaLease}`).expect(200)).body).toMatchObject({ status: 'active', notes: null });
      expect((await api(owner).get(`/tenants/${tenants.rita}`).expect(200)).body.phone).toBe('+49 30 555');
      expect((await api(owner).get(`/utilities/bills/${billId}`).expect(200)).body.notes).toBeNull();
    });

    it("cannot reference another organization's units or tenants, nor reach their payments through an Idempotency-Key", async () => {
      const foreign = api(other);
      const mine = (await foreign.post('/tenants', { firstName: 'Fritz', lastName: 'Fremd', email: 'rita@example.de' }).expect(201)).body.id;
      expect((await foreign.post('/leases', { tenantId: mine, unitId: units[2], startDate: today, coldRentCents: 1_000 }).expect(404)).body.code).toBe('UNIT_NOT_FOUND');
      await foreign.post('/leases', { tenantId: tenants.rita, unitId: units[2], startDate: today, coldRentCents: 1_000 }).expect(404);
      await foreign.post('/payments', { tenantId: tenants.rita, amountCents: 100, method: 'cash', paidOn: today }).expect(404);
      await foreign.post('/invoices', { tenantId: tenants.rita, lines: [{ description: 'x', amountCents: 1 }] }).expect(404);
      // The same key in another organization is another payment.
      const body = { tenantId: mine, amountCents: 110_000, method: 'bank_transfer', paidOn: today, reference: 'Miete' };
      const theirs = await foreign.post('/payments', body).set('Idempotency-Key', 'rita-rent-1').expect(201);
      expect(theirs.body.id).not.toBe(ritaPayment);
      expect(theirs.body.tenantId).toBe(mine);
    });
  });

  describe('the resident', () => {
    let ownOrder: string;

    it('is invited as a member, linked to their tenant record, and logs in', async () => {
      const email = `rita-${Date.now()}@example.de`;
      const member = await api(owner).post('/organization/members', { email, role: 'resident', name: 'Rita Rentner', password: PASSWORD }).expect(201);
      await api(owner).patch(`/tenants/${tenants.rita}`, { userId: member.body.userId }).expect(200);
      resident = await login(suite.baseUrl, email, PASSWORD);
      expect(resident.userId).toBe(member.body.userId);
    });

    it('reads and updates their own tenant record through /tenants/me', async () => {
      expect((await api(resident).get('/tenants/me').expect(200)).body).toMatchObject({ id: tenants.rita, email: 'rita@example.de' });
      expect((await api(resident).put('/tenants/me', { phone: '+49 170 1234' }).expect(200)).body.phone).toBe('+49 170 1234');
      expect((await api(owner).get(`/tenants/${tenants.rita}`).expect(200)).body.phone).toBe('+49 170 1234');
    });

    it('sees only their own tenant record, leases, payments and invoices', async () => {
      const me = api(resident);
      expect(ids((await me.get('/tenants').expect(200)).body.items)).toEqual([tenants.rita]);
      expect(ids((await me.get('/leases').expect(200)).body.items)).toEqual([ritaLease]);
      expect(ids((await me.get('/payments').expect(200)).body.items)).toEqual([ritaPayment]);
      expect(ids((await me.get('/invoices').expect(200)).body.items)).toEqual([ritaInvoice]);
      await me.get(`/leases/${ritaLease}`).expect(200);
      for (const path of [
        `/tenants/${tenants.nils}`,
        `/tenants/${tenants.nils}/leases`,
        `/tenants/${tenants.nils}/payments`,
        `/leases/${nilsLease}`,
        `/leases/${nilsLease}/charges`,
        `/payments/${nilsPayment}`,
        `/payments/tenant/${tenants.nils}`,
        `/invoices/${nilsInvoice}`,
        `/invoices/${nilsInvoice}/pdf`,
        `/invoices/tenant/${tenants.nils}`,
      ]) {
        expect({ path, status: (await me.get(path)).status }).toEqual({ path, status: 404 });
      }
    });

    it('sees only their own leases and charges in the active, expiring and overdue lists', async () => {
      const nilsAgain = (await api(owner).post('/leases', { tenantId: tenants.nils, unitId: units[2], startDate: today, endDate: addDays(today, 100), coldRentCents: 70_000 }).expect(201)).body.id;
      await api(owner).post(`/leases/${nilsAgain}/activate`).expect(200);
      expect(ids((await api(owner).get('/leases/expiring?days=730').expect(200)).body.items)).toEqual([nilsAgain, ritaLease]);
      const me = api(resident);
      expect(ids((await me.get('/leases/active').expect(200)).body.items)).toEqual([ritaLease]);
      expect(ids((await me.get('/leases/expiring?days=730').expect(200)).body.items)).toEqual([ritaLease]);
      const overdue = (await me.get('/payments/overdue').expect(200)).body.items as { tenantId: string }[];
      expect(overdue.every((charge) => charge.tenantId === tenants.rita)).toBe(true);
      expect(ids((await me.get(`/payments/tenant/${tenants.rita}`).expect(200)).body.items)).toEqual([ritaPayment]);
      expect(ids((await me.get(`/invoices/tenant/${tenants.rita}`).expect(200)).body.items)).toEqual([ritaInvoice]);
      // Reading is all a resident does with money: recording a payment is staff work, utility bills are landlord data.
      await me.post('/payments', { tenantId: tenants.rita, amountCents: 100, method: 'cash', paidOn: today }).expect(403);
      await me.get('/utilities/bills').expect(403);
    });

    it('files a work order for the unit of their active lease (201), not for another unit (422)', async () => {
      const filed = await api(resident).post('/workorders', { title: 'Fenster schließt nicht', unitId: units[0] }).expect(201);
      expect(filed.body).toMatchObject({ unitId: units[0], requestedByUserId: resident.userId, status: 'open' });
      ownOrder = filed.body.id;
      const refused = await api(resident).post('/workorders', { title: 'Tür beim Nachbarn', unitId: units[1] }).expect(422);
      expect((refused.body as Problem).errors?.map((error) => error.field)).toEqual(['unitId']);
    });

    it('sees only their own work orders', async () => {
      const staffOrder = (await api(owner).post('/workorders', { title: 'Dachinspektion', propertyId }).expect(201)).body.id;
      expect(ids((await api(resident).get('/workorders').expect(200)).body.items)).toEqual([ownOrder]);
      await api(resident).get(`/workorders/${staffOrder}`).expect(404);
      expect(ids((await api(owner).get('/workorders').expect(200)).body.items)).toEqual(expect.arrayContaining([ownOrder, staffOrder]));
    });
  });
});
