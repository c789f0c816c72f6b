import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AnyOperation, OrgCaller, RequestOf, ResponseOf } from '@quartier/contracts-shared';
import { BootableService, OperationClient, RpcError } from '@quartier/messaging';
import { TestStack, startTestStack } from '@quartier/testing';
import { aiService } from '../../src/ai.service-app';
import { startOllamaStandIn } from './ollama-stand-in';
import { startOpenAiStandIn } from './openai-stand-in';
import { startQdrantStandIn } from './qdrant-stand-in';

export const DIMENSION = 64;

export interface AiStack {
  stack: TestStack;
  ollama: Awaited<ReturnType<typeof startOllamaStandIn>>;
  qdrant: Awaited<ReturnType<typeof startQdrantStandIn>>;
  openai: Awaited<ReturnType<typeof startOpenAiStandIn>>;
  collection: string;
  /** Reads the ai schema directly, to check what was stored. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  teardown(): Promise<void>;
}

/** The ai service on real Postgres and NATS, with Ollama, Qdrant and the cloud LLM as local stand-ins. */
export async function startAiStack(env: Record<string, string> = {}, withCloudLlm = true, service: BootableService = aiService): Promise<AiStack> {
  const ollama = await startOllamaStandIn(DIMENSION);
  const qdrant = await startQdrantStandIn();
  const openai = await startOpenAiStandIn();
  const collection = `chunks_${randomUUID().slice(0, 8)}`;
  const stack = await startTestStack([service], {
    OLLAMA_URL: ollama.url,
    QDRANT_URL: qdrant.url,
    QDRANT_COLLECTION: collection,
    EMBEDDING_DIMENSION: String(DIMENSION),
    ...(withCloudLlm ? { LLM_BASE_URL: openai.baseUrl, LLM_API_KEY: 'test-key', LLM_MODEL: 'stand-in-model' } : {}),
    CHUNK_SIZE: '300',
    CHUNK_OVERLAP: '60',
    RETRIEVAL_MIN_SCORE: '15',
    LLM_TIMEOUT_MS: '4000',
    ...env,
  });
  const db = new Client({ connectionString: stack.database.url });
  await db.connect();
  return {
    stack,
    query: async <T,>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[],
    ollama,
    qdrant,
    openai,
    collection,
    teardown: async () => {
      await db.end();
      await stack.teardown();
      await Promise.all([ollama.close(), qdrant.close(), openai.close()]);
    },
  };
}

/** Calls an operation of the ai service for `caller`, within the operation's own deadline. */
export function send<Operation extends AnyOperation>(stack: TestStack, operation: Operation, payload: RequestOf<Operation>, caller: OrgCaller): Promise<ResponseOf<Operation>> {
  return new OperationClient(stack.rpc).send(operation, payload, caller);
}

/** Calls an operation and returns the RpcError it fails with. */
export async function rpcFailure<Operation extends AnyOperation>(stack: TestStack, operation: Operation, payload: RequestOf<Operation>, caller: OrgCaller): Promise<RpcError> {
  try {
    await new OperationClient(stack.rpc).send(operation, payload, caller, { timeoutMs: 10_000 });
  } catch (error) {
    if (error instanceof RpcError) return error;
    throw error;
  }
  throw new Error(`${operation.subject} succeeded, but a failure was expected`);
}
