import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * `Idempotency-Key` for mutating payment calls: the first result is stored in the same
 * transaction as the change, and a repeated key returns it without doing the work again.
 */
@Injectable()
export class Idempotency {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(organizationId: string, operation: string, key: string | undefined, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      if (key === undefined) return work(manager);
      // Two concurrent requests with one key: the second waits and then sees the first's result.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${organizationId}:${operation}:${key}`]);
      const stored: { response: T }[] = await manager.query(
        'SELECT response FROM idempotency_keys WHERE organization_id = $1 AND operation = $2 AND key = $3',
        [organizationId, operation, key],
      );
      if (stored.length > 0) return stored[0].response;
      const response = await work(manager);
      await manager.query('INSERT INTO idempotency_keys (organization_id, operation, key, response) VALUES ($1, $2, $3, $4)', [
        organizationId,
        operation,
        key,
        JSON.stringify(response ?? null),
      ]);
      return response;
    });
  }
}
