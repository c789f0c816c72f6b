import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { AiOperations } from '@quartier/contracts-ai';
import { testCaller } from '@quartier/testing';
import { aiService } from '../src/ai.service-app';
import { AiStack, rpcFailure, send, startAiStack } from './support/ai-stack';

const SECRET_TEXT = 'Tenant Zacharias Quentin owes the landlord a gambling debt';
const SECRET_QUESTION = 'Does Zacharias Quentin have debts?';

describe('ai logs', () => {
  let ai: AiStack;
  const lines: string[] = [];
  const capture = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });

  beforeAll(async () => {
    ai = await startAiStack({ LOG_LEVEL: 'debug' }, true, { name: 'ai', start: (env) => aiService.start(env, capture) });
  });
  afterAll(async () => {
    await ai?.teardown();
  });

  it('never contain document text, questions, answers or the cloud LLM key, even when things fail', async () => {
    const manager = testCaller(randomUUID(), { roles: ['manager'], scopes: ['read', 'write', 'delete'] });
    await send(ai.stack, AiOperations.ingest, { title: 'Ledger note', text: SECRET_TEXT }, manager);
    const answer = await send(ai.stack, AiOperations.chat, { message: SECRET_QUESTION }, manager);
    expect(answer.answer).toContain('gambling debt');
    await send(ai.stack, AiOperations.ask, { question: SECRET_QUESTION }, manager);
    await ai.qdrant.close();
    await rpcFailure(ai.stack, AiOperations.chat, { message: SECRET_QUESTION }, manager);
    await rpcFailure(ai.stack, AiOperations.ingest, { title: 'Again', text: SECRET_TEXT }, manager);
    await ai.ollama.close();
    await rpcFailure(ai.stack, AiOperations.chat, { message: SECRET_QUESTION }, manager);

    const logged = lines.join('');
    expect(logged).toContain('Ingested source');
    expect(logged).toContain('Qdrant call failed');
    for (const secret of ['Zacharias', 'gambling', 'test-key']) expect(logged).not.toContain(secret);
  });
});
