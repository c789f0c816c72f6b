import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { LeasingErrorCode } from '@quartier/contracts-leasing';
import { rpcError } from '@quartier/messaging';

/**
 * `Idempotency-Key` for mutating payment calls: the first result is stored in the same
 * transaction as the change, and a repeated key returns it without doing the work again.
 * The same key with a different request is refused (422) rather than answered with a stale result.
 */
@Injectable()
export class Idempotency {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(organizationId: string, operation: string, key: string | undefined, request: unknown, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      if (key === undefined) return work(manager);
      // Two concurrent requests with one key: the second waits and then sees the first's result.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${organizationId}:${operation}:${key}`]);
      const fingerprint = requestHash(request);
      const stored: { response: T; request_hash: string }[] = await manager.query(
        'SELECT response, request_hash FROM idempotency_keys WHERE organization_id = $1 AND operation = $2 AND key = $3',
        [organizationId, operation, key],
      );
      if (stored.length > 0) {
        if (stored[0].request_hash !== fingerprint) {
          throw rpcError(422, LeasingErrorCode.IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was already used for a different request');
        }
        return stored[0].response;
      }
      const response = await work(manager);
      await manager.query('INSERT INTO idempotency_keys (organization_id, operation, key, response, request_hash) VALUES ($1, $2, $3, $4, $5)', [
        organizationId,
        operation,
        key,
        JSON.stringify(response ?? null),
        fingerprint,
      ]);
      return response;
    });
  }
}

/** A stable hash of the request: object keys sorted, so field order does not matter. */
export function requestHash(request: unknown): string {
  return createHash('sha256').update(stableJson(request)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
