import { RpcException } from '@nestjs/microservices';
import { AiErrorCode } from '@quartier/contracts-ai';
import { rpcError } from '@quartier/messaging';

/** True for the abort of a request that passed its deadline. */
export function isTimeout(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  const cause = (error as { cause?: { name?: string } } | null)?.cause?.name;
  return name === 'TimeoutError' || cause === 'TimeoutError';
}

/** A failed model call as the caller sees it: 504 when it was too slow, 503 otherwise (no provider details). */
export function modelFailure(provider: 'Ollama' | 'The cloud LLM', error: unknown): RpcException {
  if (isTimeout(error)) return rpcError(504, AiErrorCode.LLM_TIMEOUT, `${provider} did not answer in time`);
  return rpcError(503, AiErrorCode.LLM_UNAVAILABLE, `${provider} is not available`);
}

export function vectorStoreFailure(): RpcException {
  return rpcError(503, AiErrorCode.VECTOR_STORE_UNAVAILABLE, 'The document index (Qdrant) is not available');
}

/** fetch with a deadline, for clients that accept their own fetch. */
export function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init) => fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs) });
}
