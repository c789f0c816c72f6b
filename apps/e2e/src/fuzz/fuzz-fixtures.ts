import { randomUUID } from 'node:crypto';
import { Session, bearer, propertyBody } from '../support/session';
import { IdPools } from './fuzz-arbitraries';

type Ids = Record<string, string>;

/** One resource the fuzzer creates before it starts, from the ids created before it. */
interface Fixture {
  kind: string;
  path: string;
  body: (ids: Ids) => object;
  headers?: Record<string, string>;
}

const today = new Date().toISOString().slice(0, 10);

/** A small organization: the portfolio, a renter with a lease, maintenance, a device, a contact and a listing. */
const FIXTURES: Fixture[] = [
  { kind: 'property', path: '/properties', body: () => propertyBody() },
  { kind: 'building', path: '/buildings', body: (ids) => ({ propertyId: ids.property, name: 'Vorderhaus', floors: 4 }) },
  {
    kind: 'unit',
    path: '/units',
    body: (ids) => ({ buildingId: ids.building, number: '1.01', floor: 1, type: 'apartment', area: 58, rooms: 2, targetRent: { amountCents: 95_000, currency: 'EUR' } }),
  },
  { kind: 'tenant', path: '/tenants', body: () => ({ firstName: 'Rita', lastName: 'Rentner', email: `rita-${randomUUID()}@example.de` }) },
  { kind: 'lease', path: '/leases', body: (ids) => ({ unitId: ids.unit, tenantId: ids.tenant, startDate: today, coldRentCents: 95_000 }) },
  {
    kind: 'payment',
    path: '/payments',
    body: (ids) => ({ tenantId: ids.tenant, amountCents: 95_000, method: 'bank_transfer', paidOn: today }),
    headers: { 'idempotency-key': randomUUID() },
  },
  { kind: 'invoice', path: '/invoices', body: (ids) => ({ tenantId: ids.tenant, lines: [{ description: 'Treppenhausreinigung', amountCents: 4_500 }] }) },
  {
    kind: 'bill',
    path: '/utilities/bills',
    body: (ids) => ({ propertyId: ids.property, type: 'water', periodStart: '2025-01-01', periodEnd: '2025-03-31', amountCents: 12_000, dueDate: '2025-04-30' }),
  },
  { kind: 'provider', path: '/utilities/providers', body: () => ({ name: 'Stadtwerke', types: ['water', 'electricity'] }) },
  { kind: 'contractor', path: '/contractors', body: () => ({ name: 'Müller Sanitär GmbH', trade: 'plumbing', hourlyRateCents: 6_500 }) },
  { kind: 'workorder', path: '/workorders', body: (ids) => ({ title: 'Tap is leaking', priority: 'high', category: 'plumbing', unitId: ids.unit, estimatedCostCents: 20_000 }) },
  { kind: 'board', path: '/boards', body: () => ({ name: 'Sanierung' }) },
  { kind: 'task', path: '/tasks', body: (ids) => ({ title: 'Angebote einholen', boardId: ids.board }) },
  { kind: 'device', path: '/iot/devices', body: (ids) => ({ name: 'Wasserzähler', type: 'meter', unitId: ids.unit }) },
  {
    kind: 'rule',
    path: '/iot/automation/rules',
    body: (ids) => ({
      name: 'Leak',
      trigger: { type: 'threshold', deviceId: ids.device, metric: 'flow', operator: 'gt', value: 10 },
      actions: [{ type: 'alert', severity: 'high' }],
    }),
  },
  { kind: 'contact', path: '/contacts', body: () => ({ type: 'person', firstName: 'Lena', lastName: 'Hoffmann', emails: [{ address: 'lena@example.de' }] }) },
  { kind: 'folder', path: '/documents/folders', body: () => ({ name: 'Verträge' }) },
  { kind: 'listing', path: '/listings', body: (ids) => ({ propertyId: ids.property, unitId: ids.unit, marketingType: 'rent', title: '2-Zimmer-Altbau' }) },
  { kind: 'source', path: '/ai/ingest', body: () => ({ title: 'Hausordnung', text: 'Haustiere sind mit Zustimmung erlaubt.' }) },
];

/**
 * Creates the fixtures as `session`, returning their ids by kind (the user's own id as `user`).
 * A fixture the API refuses is left out and named in `refused`, so later fixtures and the fuzz
 * run go on without it.
 */
export async function createFixtures(baseUrl: string, session: Session): Promise<{ ids: Ids; refused: string[] }> {
  const ids: Ids = {};
  const refused: string[] = [];
  for (const fixture of FIXTURES) {
    const response = await fetch(`${baseUrl}${fixture.path}`, {
      method: 'POST',
      headers: { ...bearer(session), 'content-type': 'application/json', ...fixture.headers },
      body: JSON.stringify(fixture.body(ids)),
    });
    const body = (await response.json()) as { id?: string; code?: string };
    if (response.status === 201 && body.id) ids[fixture.kind] = body.id;
    else refused.push(`${fixture.kind}: ${response.status} ${body.code ?? ''}`);
  }
  return { ids, refused };
}

/** Id pools for the fuzzer: the own organization's by kind, the other's as one list. */
export function idPools(own: Ids, foreign: Ids): IdPools {
  return {
    own: Object.fromEntries(Object.entries(own).map(([kind, id]) => [kind, [id]])),
    foreign: Object.values(foreign),
  };
}
