import { randomUUID } from 'node:crypto';
import { AiOperations, SourceView } from '@quartier/contracts-ai';
import { LeasingSubjects } from '@quartier/contracts-leasing';
import { PortfolioSubjects } from '@quartier/contracts-portfolio';
import { WorkOrderSubjects } from '@quartier/contracts-workorders';
import { testCaller } from '@quartier/testing';
import { AiStack, rpcFailure, send, startAiStack } from './support/ai-stack';
import { StandInError, page, standInServices } from './support/services-stand-in';

const forbidden = () => new StandInError({ status: 403, code: 'FORBIDDEN', message: 'Residents cannot list units' });

describe('ai chat: retrieval per organization, citations, history and tools', () => {
  let ai: AiStack;
  let services: ReturnType<typeof standInServices>;
  const orgA = randomUUID();
  const orgB = randomUUID();
  const managerA = testCaller(orgA, { roles: ['manager'], scopes: ['read', 'write', 'delete'] });
  const managerB = testCaller(orgB, { roles: ['manager'], scopes: ['read', 'write', 'delete'] });
  const residentA = testCaller(orgA, { roles: ['resident'], scopes: ['read', 'write'] });
  let rulesA: SourceView;
  let rulesB: SourceView;

  const chat = (caller: typeof managerA, message: string, conversationId?: string) =>
    send(ai.stack, AiOperations.chat, { message, ...(conversationId ? { conversationId } : {}) }, caller);

  beforeAll(async () => {
    ai = await startAiStack();
    ai.ollama.state.toolRules.push(
      { pattern: /vacant/i, tool: 'list_vacant_units', arguments: { limit: 5 } },
      { pattern: /overdue/i, tool: 'list_overdue_payments', arguments: {} },
      { pattern: /nonsense tool/i, tool: 'list_units', arguments: { status: 'haunted' } },
      { pattern: /open work orders/i, tool: 'list_open_work_orders', arguments: { priority: 'high', limit: 3 } },
      { pattern: /properties in Berlin/i, tool: 'list_properties', arguments: { city: 'Berlin' } },
    );
    services = standInServices(ai.stack.nats, ai.stack.prefix, {
      [PortfolioSubjects.unitsAvailable]: (_data, seen) => {
        if (seen.roles.includes('resident')) throw forbidden();
        return page([{ id: randomUUID(), number: seen.organizationId === orgA ? 'A-1.02' : 'B-9.99', propertyId: randomUUID(), status: 'vacant', area: 64, rooms: 2, targetRent: { amountCents: 95000, currency: 'EUR' } }]);
      },
      [LeasingSubjects.paymentsOverdue]: () =>
        page([{ chargeId: randomUUID(), leaseId: randomUUID(), tenantId: randomUUID(), kind: 'rent', periodStart: '2026-11-01', dueDate: '2026-11-03', daysOverdue: 33, outstandingCents: 91050, currency: 'EUR' }]),
      [WorkOrderSubjects.urgent]: () => page([]),
      [WorkOrderSubjects.list]: (data) => {
        const { status } = data as { status: string };
        const dueAt = { open: '2026-12-09T00:00:00.000Z', assigned: '2026-12-07T00:00:00.000Z', in_progress: '2026-12-08T00:00:00.000Z' }[status];
        return page([{ id: randomUUID(), title: `Leak (${status})`, status, priority: 'high', unitId: null, dueAt, slaBreached: false }], 4);
      },
      [PortfolioSubjects.propertiesList]: () => page([{ id: randomUUID(), name: 'Altbau Mitte', status: 'active', address: { city: 'Berlin' } }]),
    });
    rulesA = await send(ai.stack,
      AiOperations.ingest,
      { title: 'House rules A', text: 'Pets such as cats and dogs are allowed with written consent of the manager.' },
      managerA,
    );
    rulesB = await send(ai.stack,
      AiOperations.ingest,
      { title: 'House rules B', text: 'Pets such as cats and dogs are strictly forbidden in every apartment.' },
      managerB,
    );
    await send(ai.stack, AiOperations.ingest, { title: 'Resident FAQ A', text: 'Pets need a registration form at the front desk.', visibility: 'residents' }, managerA);
  });
  afterAll(async () => {
    services?.stop();
    await ai?.teardown();
  });

  it("answers from the organization's own documents with citations, never from another organization's", async () => {
    const answerA = await chat(managerA, 'Are pets like cats and dogs allowed?');
    expect(answerA.answer).toContain('[1]');
    expect(answerA.citations[0]).toMatchObject({ index: 1, sourceId: rulesA.id, title: 'House rules A', chunk: 0 });
    expect(answerA.citations.map((citation) => citation.sourceId)).not.toContain(rulesB.id);
    const answerB = await chat(managerB, 'Are pets like cats and dogs allowed?');
    expect(answerB.citations.map((citation) => citation.sourceId)).toEqual([rulesB.id]);
    expect(answerB.answer).toContain('strictly forbidden');
    // The model never saw organization A's text while answering B.
    expect(ai.ollama.state.chats[ai.ollama.state.chats.length - 1].messages[0].content).not.toContain('written consent');
    for (const search of ai.qdrant.searches) {
      expect(search.filter?.must).toEqual(expect.arrayContaining([{ key: 'organization_id', match: { value: expect.any(String) } }]));
    }
  });

  it('gives residents only the sources shared with residents', async () => {
    const answer = await chat(residentA, 'Are pets like cats and dogs allowed?');
    expect(answer.citations.map((citation) => citation.title)).toEqual(['Resident FAQ A']);
    expect(answer.answer).toContain('registration form');
  });

  it('keeps the history of a conversation for its user only', async () => {
    const first = await chat(managerA, 'Hello, I manage the Lindenstraße building.');
    const second = await chat(managerA, 'Which pets are allowed?', first.conversationId);
    expect(second.conversationId).toBe(first.conversationId);
    const sent = ai.ollama.state.chats[ai.ollama.state.chats.length - 1].messages.map((message) => message.content);
    expect(sent).toContain('Hello, I manage the Lindenstraße building.');
    const conversation = await send(ai.stack, AiOperations.conversationsGet, { id: first.conversationId }, managerA);
    expect(conversation).toMatchObject({ title: 'Hello, I manage the Lindenstraße building.', messageCount: 4 });
    expect(conversation.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(conversation.messages[3].citations).toEqual(second.citations);
    expect(second.citations.length).toBeGreaterThan(0);
    for (const citation of second.citations) expect(citation.title.endsWith(' A')).toBe(true);
    expect(conversation.messages[3].content).toBe(second.answer);
    const colleague = testCaller(orgA, { roles: ['manager'], scopes: ['read', 'write'] });
    expect(await rpcFailure(ai.stack, AiOperations.conversationsGet, { id: first.conversationId }, colleague)).toMatchObject({ status: 404 });
    expect(await rpcFailure(ai.stack, AiOperations.chat, { message: 'hi', conversationId: first.conversationId }, managerB)).toMatchObject({ status: 404 });
    expect((await send(ai.stack, AiOperations.conversationsList, {}, colleague)).total).toBe(0);
    await send(ai.stack, AiOperations.conversationsDelete, { id: first.conversationId }, managerA);
    expect(await rpcFailure(ai.stack, AiOperations.conversationsGet, { id: first.conversationId }, managerA)).toMatchObject({ status: 404 });
    // Clearing the history removes only the caller's own conversations.
    const colleagues = await chat(colleague, 'Hello from a colleague');
    await chat(managerA, 'One more question');
    const mine = (await send(ai.stack, AiOperations.conversationsList, {}, managerA)).total;
    expect(await send(ai.stack, AiOperations.conversationsClear, {}, managerA)).toEqual({ deleted: mine });
    expect((await send(ai.stack, AiOperations.conversationsList, {}, managerA)).total).toBe(0);
    expect((await send(ai.stack, AiOperations.conversationsGet, { id: colleagues.conversationId }, colleague)).messageCount).toBe(2);
  });

  it("fetches live data through tools with the caller's own headers", async () => {
    services.seen.length = 0;
    const answer = await chat(managerA, 'Which units are vacant right now?');
    expect(answer.toolCalls).toEqual([{ name: 'list_vacant_units', arguments: { limit: 5 }, ok: true }]);
    expect(answer.answer).toContain('A-1.02');
    expect(answer.answer).not.toContain('B-9.99');
    expect(services.seen).toEqual([
      { subject: PortfolioSubjects.unitsAvailable, data: { size: 5 }, organizationId: orgA, userId: managerA.userId, roles: ['manager'] },
    ]);
  });

  it('gets a resident no more through the assistant than through the API', async () => {
    const answer = await chat(residentA, 'Which units are vacant right now?');
    expect(answer.toolCalls).toEqual([{ name: 'list_vacant_units', arguments: { limit: 5 }, ok: false }]);
    expect(answer.answer).not.toContain('A-1.02');
    expect(answer.answer).toContain('not allowed');
  });

  it('maps each tool to its service call and hands the model compact results', async () => {
    services.seen.length = 0;
    const orders = await chat(managerA, 'Show the open work orders');
    expect(services.seen.map((seen) => [seen.subject, seen.data])).toEqual([
      [WorkOrderSubjects.list, { status: 'open', priority: 'high', size: 3 }],
      [WorkOrderSubjects.list, { status: 'assigned', priority: 'high', size: 3 }],
      [WorkOrderSubjects.list, { status: 'in_progress', priority: 'high', size: 3 }],
    ]);
    const result = JSON.parse(orders.answer.split('list_open_work_orders: ')[1]) as { total: number; items: { title: string }[] };
    expect(result.total).toBe(12);
    // Soonest due first, across the three statuses.
    expect(result.items.map((item) => item.title)).toEqual(['Leak (assigned)', 'Leak (in_progress)', 'Leak (open)']);

    const overdue = await chat(managerA, 'Who is overdue with rent?');
    expect(overdue.toolCalls).toEqual([{ name: 'list_overdue_payments', arguments: { limit: 20 }, ok: true }]);
    expect(overdue.answer).toContain('"daysOverdue":33,"outstanding":"910.50 EUR"');
    const properties = await chat(managerA, 'List our properties in Berlin');
    expect(properties.answer).toContain('"name":"Altbau Mitte","status":"active","city":"Berlin"');
    expect(services.seen.find((seen) => seen.subject === PortfolioSubjects.propertiesList)?.data).toEqual({ city: 'Berlin', size: 20 });
  });

  it('refuses invalid tool arguments without calling any service', async () => {
    services.seen.length = 0;
    const answer = await chat(managerA, 'Call the nonsense tool please');
    expect(answer.toolCalls).toEqual([{ name: 'list_units', arguments: {}, ok: false }]);
    expect(services.seen).toEqual([]);
  });

  it('validates the message and answers 504 when the model is too slow', async () => {
    expect(await rpcFailure(ai.stack, AiOperations.chat, { message: 'x'.repeat(4001) }, managerA)).toMatchObject({ status: 422 });
    const withNul = await chat(managerA, 'Are\u0000 pets allowed?');
    expect((await send(ai.stack, AiOperations.conversationsGet, { id: withNul.conversationId }, managerA)).title).toBe('Are pets allowed?');
    const conversations = () => send(ai.stack, AiOperations.conversationsList, {}, managerA);
    const before = (await conversations()).total;
    ai.ollama.state.delayMs = 6000;
    try {
      expect(await rpcFailure(ai.stack, AiOperations.chat, { message: 'Are pets allowed?' }, managerA)).toMatchObject({ status: 504, code: 'LLM_TIMEOUT' });
    } finally {
      ai.ollama.state.delayMs = 0;
    }
    // The failed first turn left no empty conversation behind.
    expect((await conversations()).total).toBe(before);
  });
});
