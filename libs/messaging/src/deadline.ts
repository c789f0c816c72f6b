import { RpcException } from '@nestjs/microservices';
import { MsgHdrs } from 'nats';
import { Caller, CallerHeader, CommonErrorCode } from '@quartier/contracts-shared';
import { rpcError } from './rpc-errors';

/**
 * The absolute deadline (epoch ms) of a call made at `now` with `timeoutMs`. A call made while
 * serving a request never outlives that request's own deadline: its caller would not be waiting.
 */
export function callDeadline(now: number, timeoutMs: number, inherited?: number): number {
  const own = now + timeoutMs;
  return inherited === undefined ? own : Math.min(own, inherited);
}

/** Whether the caller has given up on the work at `now`; no deadline means nobody set one. */
export function isPastDeadline(deadline: number | undefined, now: number): boolean {
  return deadline !== undefined && deadline <= now;
}

/** Milliseconds left until `deadline` (negative once past); Infinity without one. */
export function remainingMs(deadline: number | undefined, now: number): number {
  return deadline === undefined ? Infinity : deadline - now;
}

/**
 * The deadline a request carries. Anything but whole epoch milliseconds is ignored rather than
 * refused: the caller is proven by its signed context, the deadline only saves the callee work.
 */
export function parseDeadline(value: string | undefined): number | undefined {
  return value && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

export function writeDeadline(headers: MsgHdrs, deadline: number): void {
  headers.set(CallerHeader.DEADLINE, String(deadline));
}

export function readDeadline(headers: MsgHdrs | undefined): number | undefined {
  return parseDeadline(headers?.get(CallerHeader.DEADLINE));
}

/** What a service answers for work whose caller has already given up (the caller sees its own 504). */
export function deadlinePassed(): RpcException {
  return rpcError(504, CommonErrorCode.UPSTREAM_TIMEOUT, 'The deadline of this call passed before the work was done');
}

/** For long handlers, between steps: stop spending work on a request nobody waits for any more. */
export function assertWithinDeadline(caller: Caller, now = Date.now()): void {
  if (isPastDeadline(caller.deadline, now)) throw deadlinePassed();
}
