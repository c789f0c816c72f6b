import { createHash } from 'node:crypto';

/** A stored Idempotency-Key, as the rules read it. */
export interface IdempotencyRecord {
  requestHash: string;
  state: 'pending' | 'done';
  /** What the first attempt answered; set once `done`. */
  response: unknown;
  /** Until when the first attempt owns a `pending` key. */
  lockedUntil: Date | null;
}

/** What a request carrying a key that could not be claimed does next. */
export type IdempotencyStep =
  /** The key is free again (the first attempt failed and released it): claim it. */
  | { kind: 'claim' }
  /** The first attempt finished: answer what it answered. */
  | { kind: 'replay'; response: unknown }
  /** The key belongs to another request: 422. */
  | { kind: 'reused' }
  /** The first attempt is still running: wait for it (or answer 503 once the wait is over). */
  | { kind: 'wait' }
  /** The first attempt died without finishing (its lock ran out): run the request again. */
  | { kind: 'take-over' };

/** The rule for a key that is already stored: which request it belongs to decides before its state. */
export function nextStep(record: IdempotencyRecord | undefined, requestHash: string, now: Date): IdempotencyStep {
  if (!record) return { kind: 'claim' };
  if (record.requestHash !== requestHash) return { kind: 'reused' };
  if (record.state === 'done') return { kind: 'replay', response: record.response };
  if (record.lockedUntil !== null && record.lockedUntil.getTime() <= now.getTime()) return { kind: 'take-over' };
  return { kind: 'wait' };
}

/** A stable hash of a request: object keys sorted and undefined fields left out, so field order does not matter. */
export function requestHash(request: unknown): string {
  return createHash('sha256').update(stableJson(request)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
