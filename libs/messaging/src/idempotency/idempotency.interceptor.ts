import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NatsContext } from '@nestjs/microservices';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { MsgHdrs } from 'nats';
import { Observable, defer, lastValueFrom, throwError } from 'rxjs';
import { AnyOperation, CallerHeader, CommonErrorCode, IDEMPOTENCY_KEY_RULE, isValidIdempotencyKey } from '@quartier/contracts-shared';
import { provenCaller } from '../caller-headers';
import { OPERATION_METADATA } from '../handles-operation.decorator';
import { rpcError, validationFailed } from '../rpc-errors';
import { IdempotencyKeyRef, IdempotencyRepository } from './idempotency.repository';
import { nextStep, requestHash } from './idempotency.rules';

/** How long a dead first attempt keeps its key beyond the operation's deadline before a retry may take it over. */
const TAKE_OVER_GRACE_MS = 60_000;
/** Pauses between looks at a key whose first attempt is still running: short first, then 200 ms. */
const FIRST_PAUSE_MS = 25;
const MAX_PAUSE_MS = 200;
/** What the 503 of a retry that arrived while the first attempt runs suggests. */
const RETRY_AFTER_SECONDS = 1;

export interface IdempotencyOptions {
  /** The bus deadline (NATS_TIMEOUT_MS): a retry waits for a running first attempt up to half of it. */
  timeoutMs: number;
}

/**
 * `Idempotency-Key` for every handler whose operation is not `safe` (ARCHITECTURE §7): the first
 * request with a key runs and its answer is stored per (organization, subject, key); the
 * same key and request again gets that answer without running anything; another request with the
 * key gets 422. A retry arriving while the first attempt runs waits for it, or gets 503 with
 * Retry-After. Only successes are stored: a failed attempt frees the key so a retry runs again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    private readonly reflector: Reflector,
    private readonly records: IdempotencyRepository,
    private readonly options: IdempotencyOptions,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const rpc = context.switchToRpc();
    const headers: MsgHdrs | undefined = rpc.getContext<NatsContext>().getHeaders();
    const key = headers?.get(CallerHeader.IDEMPOTENCY_KEY);
    if (!key) return next.handle();
    const operation = this.reflector.get<AnyOperation | undefined>(OPERATION_METADATA, context.getHandler());
    const subject = operation?.subject ?? this.patternOf(context);
    if (operation?.idempotency === 'safe' || subject === undefined) return next.handle();
    if (!isValidIdempotencyKey(key)) return throwError(() => validationFailed([{ field: 'Idempotency-Key', message: IDEMPOTENCY_KEY_RULE }]));
    const { organizationId } = provenCaller(headers);
    // Anonymous calls (login, register, refresh) answer with credentials, which are never stored.
    if (organizationId === undefined) return next.handle();
    const ref: IdempotencyKeyRef = { organizationId, subject, key, requestHash: requestHash(rpc.getData()) };
    const lockMs = Math.max(operation?.timeoutMs ?? 0, this.options.timeoutMs) + TAKE_OVER_GRACE_MS;
    return defer(() => this.execute(ref, lockMs, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }

  private async execute(ref: IdempotencyKeyRef, lockMs: number, handle: () => Promise<unknown>): Promise<unknown> {
    const waitUntil = Date.now() + this.options.timeoutMs / 2;
    for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, MAX_PAUSE_MS)) {
      const claimed = await this.records.claim(ref, lockMs);
      if (claimed) return this.runFirst(ref, claimed, handle);
      const step = nextStep(await this.records.find(ref), ref.requestHash, new Date());
      if (step.kind === 'replay') return step.response;
      if (step.kind === 'reused') {
        throw rpcError(422, CommonErrorCode.IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was already used for a different request');
      }
      if (step.kind === 'take-over') {
        const attempt = await this.records.takeOver(ref, lockMs);
        if (attempt) return this.runFirst(ref, attempt, handle);
      }
      if (step.kind === 'wait') {
        if (Date.now() + pause > waitUntil) {
          throw rpcError(503, CommonErrorCode.IDEMPOTENCY_KEY_IN_USE, 'A request with this Idempotency-Key is still running; retry shortly', {
            retryAfterSeconds: RETRY_AFTER_SECONDS,
          });
        }
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  private async runFirst(ref: IdempotencyKeyRef, attempt: string, handle: () => Promise<unknown>): Promise<unknown> {
    let response: unknown;
    try {
      response = await handle();
    } catch (error) {
      await this.records.release(ref, attempt).catch((releaseError: Error) => this.logger.warn(`Could not free key of ${ref.subject}: ${releaseError.message}`));
      throw error;
    }
    // The work is done: the client gets its answer even if storing it fails (a retry then runs again after the lock).
    await this.records.complete(ref, attempt, response).catch((storeError: Error) => this.logger.error(`Could not store the answer of ${ref.subject}: ${storeError.message}`));
    return response;
  }

  private patternOf(context: ExecutionContext): string | undefined {
    const patterns = this.reflector.get<unknown>(PATTERN_METADATA, context.getHandler());
    const [pattern] = Array.isArray(patterns) ? patterns : [patterns];
    return typeof pattern === 'string' ? pattern : undefined;
  }
}
