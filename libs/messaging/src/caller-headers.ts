import { MsgHdrs, headers as natsHeaders } from 'nats';
import { Caller, CallerHeader, CommonErrorCode } from '@quartier/contracts-shared';
import { CallerContextSigner } from './bus/caller-context';
import { rpcError } from './rpc-errors';

/** Writes the request id, the trace, the Idempotency-Key and the caller context signed for `audience` (ARCHITECTURE §3). */
export function callerToHeaders(caller: Caller, signer: CallerContextSigner, audience: string): MsgHdrs {
  const result = natsHeaders();
  result.set(CallerHeader.REQUEST_ID, caller.requestId);
  result.set(CallerHeader.CONTEXT, signer.sign(caller, audience));
  if (caller.traceparent) result.set(CallerHeader.TRACEPARENT, caller.traceparent);
  if (caller.idempotencyKey) result.set(CallerHeader.IDEMPOTENCY_KEY, caller.idempotencyKey);
  return result;
}

/**
 * Callers proven by the service's NATS server before any handler runs, keyed by the request's
 * headers object (the one every Nest handler, guard and interceptor of that request sees).
 */
const provenCallers = new WeakMap<MsgHdrs, Caller>();

export function rememberProvenCaller(headers: MsgHdrs, caller: Caller): void {
  provenCallers.set(headers, caller);
}

/** The proven caller of a NATS request; a request that reached a handler without one is refused. */
export function provenCaller(headers: MsgHdrs | undefined): Caller {
  const caller = headers ? provenCallers.get(headers) : undefined;
  if (!caller) throw rpcError(401, CommonErrorCode.UNAUTHENTICATED, 'This call needs a proven caller');
  return caller;
}
