import { randomUUID } from 'node:crypto';
import { AiOperations } from '@quartier/contracts-ai';
import { LeasingSubjects } from '@quartier/contracts-leasing';
import { PortfolioSubjects } from '@quartier/contracts-portfolio';
import { WorkOrderSubjects } from '@quartier/contracts-workorders';
import { testCaller } from '@quartier/testing';
import { AiStack, rpcFailure, send, startAiStack } from './support/ai-stack';
import { StandInError, page, standInServices } from './support/services-stand-in';

describe('ai analysis of a property and a tenant', () => {
  let ai: AiStack;
  let services: ReturnType<typeof standInServices>;
  const org = randomUUID();
  const propertyId = randomUUID();
  const tenantId = randomUUID();
  const manager = testCaller(org, { roles: ['manager'], scopes: ['read', 'write'] });
  const notFound = () => new StandInError({ status: 404, code: 'NOT_FOUND', message: 'Not found' });

  beforeAll(async () => {
    ai = await startAiStack();
    services = standInServices(ai.stack.nats, ai.stack.prefix, {
      [PortfolioSubjects.propertiesGet]: (data, seen) => {
        if ((data as { id: string }).id !== propertyId || seen.organizationId !== org) throw notFound();
        return { id: propertyId, name: 'Altbau Mitte', type: 'apartment_building', status: 'active', address: { city: 'Berlin' }, yearBuilt: 1905 };
      },
      [PortfolioSubjects.unitsList]: () =>
        page([
          { number: '1.01', status: 'occupied', targetRent: { amountCents: 90000, currency: 'EUR' } },
          { number: '1.02', status: 'vacant', targetRent: { amountCents: 85000, currency: 'EUR' } },
        ]),
      [WorkOrderSubjects.list]: (data) =>
        (data as { status: string }).status === 'open' ? page([{ title: 'Leaking roof', priority: 'emergency', slaBreached: true }]) : page([]),
      [LeasingSubjects.tenantsGet]: (data) => {
        if ((data as { id: string }).id !== tenantId) throw notFound();
        return { id: tenantId, firstName: 'Lena', lastName: 'Hoffmann', companyName: null, status: 'active', createdAt: '2025-03-01T10:00:00.000Z' };
      },
      [LeasingSubjects.paymentsByTenant]: (_data, seen) => {
        if (seen.roles.includes('agent')) throw new StandInError({ status: 403, code: 'FORBIDDEN', message: 'no' });
        return page([{ amountCents: 90000, refundedCents: 0, status: 'completed', paidOn: '2026-11-03', currency: 'EUR' }]);
      },
      [LeasingSubjects.paymentsOverdue]: () => page([{ tenantId, outstandingCents: 90000, daysOverdue: 5, currency: 'EUR' }]),
    });
  });
  afterAll(async () => {
    services?.stop();
    await ai?.teardown();
  });

  it('assesses a property from its live figures, which the model receives as JSON', async () => {
    const analysis = await send(ai.stack, AiOperations.analyzeProperty, { id: propertyId }, manager);
    expect(analysis).toMatchObject({ subject: 'property', id: propertyId, unavailable: [], model: 'llama3.1:8b' });
    expect(analysis.facts).toMatchObject({ name: 'Altbau Mitte', units: 2, vacancyRatePercent: 50, vacantUnits: ['1.02'], openWorkOrders: 1, workOrdersPastDue: 1 });
    expect(analysis.summary.length).toBeGreaterThan(0);
    const sent = ai.ollama.state.chats[ai.ollama.state.chats.length - 1];
    expect(JSON.parse(sent.messages[1].content)).toEqual(analysis.facts);
    expect(services.seen.filter((seen) => seen.subject === WorkOrderSubjects.list).map((seen) => seen.data)).toEqual([
      { propertyId, status: 'open', size: 100 },
      { propertyId, status: 'assigned', size: 100 },
      { propertyId, status: 'in_progress', size: 100 },
    ]);
  });

  it("assesses a tenant's payments and leaves out what the caller may not read", async () => {
    const full = await send(ai.stack, AiOperations.analyzeTenant, { id: tenantId }, manager);
    expect(full.facts).toMatchObject({ name: 'Lena Hoffmann', payments: 1, paidTotal: ['900.00 EUR'], overdueCharges: 1, longestDaysOverdue: 5 });
    const agent = testCaller(org, { roles: ['agent'], scopes: ['read', 'write'] });
    const partial = await send(ai.stack, AiOperations.analyzeTenant, { id: tenantId }, agent);
    expect(partial.unavailable).toEqual(['payments']);
    expect(partial.facts).not.toHaveProperty('paidTotal');
    expect(ai.ollama.state.chats[ai.ollama.state.chats.length - 1].messages[0].content).toContain('Not available to you: payments');
  });

  it("answers another organization's records as missing and keeps residents out", async () => {
    const outsider = testCaller(randomUUID(), { roles: ['manager'], scopes: ['read', 'write'] });
    expect(await rpcFailure(ai.stack, AiOperations.analyzeProperty, { id: propertyId }, outsider)).toMatchObject({ status: 404 });
    expect(await rpcFailure(ai.stack, AiOperations.analyzeTenant, { id: randomUUID() }, manager)).toMatchObject({ status: 404 });
    const resident = testCaller(org, { roles: ['resident'], scopes: ['read'] });
    expect(await rpcFailure(ai.stack, AiOperations.analyzeProperty, { id: propertyId }, resident)).toMatchObject({ status: 403 });
  });
});
