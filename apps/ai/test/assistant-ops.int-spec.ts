import { randomUUID } from 'node:crypto';
import { AiOperations } from '@quartier/contracts-ai';
import { LeasingSubjects } from '@quartier/contracts-leasing';
import { PortfolioSubjects } from '@quartier/contracts-portfolio';
import { WorkOrderSubjects } from '@quartier/contracts-workorders';
import { testCaller } from '@quartier/testing';
import { AiStack, rpcFailure, send, startAiStack } from './support/ai-stack';
import { StandInError, page, standInServices } from './support/services-stand-in';

describe('ai with a cloud LLM: ask, health, insights', () => {
  let ai: AiStack;
  let services: ReturnType<typeof standInServices>;
  const org = randomUUID();
  const manager = testCaller(org, { roles: ['manager'], scopes: ['read', 'write', 'delete'] });

  beforeAll(async () => {
    ai = await startAiStack();
    services = standInServices(ai.stack.nats, ai.stack.prefix, {
      [PortfolioSubjects.unitsAvailable]: () => page([{ number: '1A' }, { number: '2B' }], 2),
      [LeasingSubjects.paymentsOverdue]: (_data, seen) => {
        if (seen.roles.includes('agent')) throw new StandInError({ status: 403, code: 'FORBIDDEN', message: 'no' });
        return page([
          { currency: 'EUR', outstandingCents: 85000, daysOverdue: 12 },
          { currency: 'EUR', outstandingCents: 5000, daysOverdue: 40 },
        ]);
      },
      [WorkOrderSubjects.urgent]: () => page([{ slaBreached: true }, { slaBreached: false }, { slaBreached: false }]),
    });
  });
  afterAll(async () => {
    services?.stop();
    await ai?.teardown();
  });

  it('answers general questions through the OpenAI-compatible client, with no organization data', async () => {
    const answer = await send(ai.stack, AiOperations.ask, { question: 'How do I write a rent reminder?', context: 'Answer in German.' }, manager);
    expect(answer).toEqual({ answer: 'Cloud answer to: How do I write a rent reminder?', model: 'stand-in-model' });
    const [request] = ai.openai.requests;
    expect(request.body.model).toBe('stand-in-model');
    expect(request.body.messages[0]).toMatchObject({ role: 'system', content: expect.stringContaining('Answer in German.') });
  });

  it('reports Ollama, Qdrant and the cloud LLM, and the chunks of the organization', async () => {
    await send(ai.stack, AiOperations.ingest, { title: 'Note', text: 'The caretaker is Mr. Weber.' }, manager);
    const health = await send(ai.stack, AiOperations.health, {}, manager);
    expect(health).toEqual({
      ollama: true,
      qdrant: true,
      collectionExists: true,
      cloudLlmConfigured: true,
      cloudLlm: true,
      organizationChunkCount: 1,
      chatModel: 'llama3.1:8b',
      embeddingModel: 'nomic-embed-text',
    });
    const other = await send(ai.stack, AiOperations.health, {}, testCaller(randomUUID()));
    expect(other.organizationChunkCount).toBe(0);
  });

  it('summarises vacancies, overdue rent and urgent work orders as insights', async () => {
    const insights = await send(ai.stack, AiOperations.insights, {}, manager);
    expect(insights.unavailable).toEqual([]);
    expect(insights.items.map((item) => [item.kind, item.severity, item.count])).toEqual([
      ['overdue_rent', 'critical', 2],
      ['urgent_work_orders', 'critical', 3],
      ['vacancy', 'info', 2],
    ]);
    expect(insights.items[0].detail).toBe('900.00 EUR outstanding; the oldest is 40 days overdue. Send reminders.');
  });

  it("leaves out what the caller may not read instead of failing", async () => {
    const agent = testCaller(org, { roles: ['agent'], scopes: ['read', 'write'] });
    const insights = await send(ai.stack, AiOperations.insights, {}, agent);
    expect(insights.unavailable).toEqual(['overdue rent']);
    expect(insights.items.map((item) => item.kind)).not.toContain('overdue_rent');
  });

  it('reports unreachable backends in health', async () => {
    await ai.qdrant.close();
    await ai.openai.close();
    const health = await send(ai.stack, AiOperations.health, {}, manager);
    expect(health).toMatchObject({ ollama: true, qdrant: false, collectionExists: false, cloudLlm: false, organizationChunkCount: 0 });
    expect(await rpcFailure(ai.stack, AiOperations.chat, { message: 'Who is the caretaker?' }, manager)).toMatchObject({
      status: 503,
      code: 'VECTOR_STORE_UNAVAILABLE',
    });
  });
});

describe('ai without a cloud LLM and with a small request budget', () => {
  let ai: AiStack;
  const org = randomUUID();
  const manager = testCaller(org, { roles: ['manager'], scopes: ['read', 'write', 'delete'] });

  beforeAll(async () => {
    ai = await startAiStack({ AI_REQUESTS_PER_MINUTE: '3' }, false);
  });
  afterAll(async () => {
    await ai?.teardown();
  });

  it('answers 503 LLM_NOT_CONFIGURED to questions for the cloud LLM', async () => {
    expect(await rpcFailure(ai.stack, AiOperations.ask, { question: 'Hello?' }, manager)).toMatchObject({ status: 503, code: 'LLM_NOT_CONFIGURED' });
    const health = await send(ai.stack, AiOperations.health, {}, manager);
    expect(health).toMatchObject({ cloudLlmConfigured: false, cloudLlm: null });
  });

  it('limits AI requests per organization per minute with 429, other organizations unaffected', async () => {
    // The 503 above used one request of this minute's budget of 3 (unless the minute just turned).
    const results: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      try {
        await send(ai.stack, AiOperations.chat, { message: `Question ${i}` }, manager);
        results.push(200);
      } catch (error) {
        results.push((error as { status: number }).status);
      }
    }
    expect(results).toContain(429);
    const limited = await rpcFailure(ai.stack, AiOperations.chat, { message: 'Again' }, manager);
    expect(limited).toMatchObject({ status: 429, code: 'AI_RATE_LIMITED' });
    expect(limited.body.details).toMatchObject({ limit: 3, retryAfterSeconds: expect.any(Number) });
    const other = testCaller(randomUUID(), { roles: ['manager'], scopes: ['read', 'write'] });
    await expect(send(ai.stack, AiOperations.chat, { message: 'Hello' }, other)).resolves.toMatchObject({ answer: 'I do not know.' });
  });
});
