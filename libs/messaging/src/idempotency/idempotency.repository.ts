import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IdempotencyRecord } from './idempotency.rules';

/** One key of one operation, and the request it is used for. */
export interface IdempotencyKeyRef {
  /** The scope of the key: keys of different organizations never meet. */
  organizationId: string;
  subject: string;
  key: string;
  requestHash: string;
}

interface RecordRow {
  request_hash: string;
  state: 'pending' | 'done';
  response: { value?: unknown } | null;
  locked_until: Date | null;
}

/** $1 scope, $2 subject, $3 key, $4 request hash: the start of every parameter list below. */
const SAME_REQUEST = 'scope = $1 AND subject = $2 AND key = $3 AND request_hash = $4';

/** The `idempotency_records` table of the service's schema (SQL in libs/db IDEMPOTENCY_TABLE_SQL). */
export class IdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Claims an unused key for a first attempt: the attempt's id, or undefined when the key is already stored. */
  async claim(ref: IdempotencyKeyRef, lockMs: number): Promise<string | undefined> {
    const attempt = randomUUID();
    const inserted = await this.affected(
      `INSERT INTO idempotency_records (organization_id, subject, key, request_hash, state, attempt, locked_until)
       VALUES ($1, $2, $3, $4, 'pending', $5, now() + make_interval(secs => $6::double precision / 1000))
       ON CONFLICT (scope, subject, key) DO NOTHING`,
      [ref.organizationId ?? null, ref.subject, ref.key, ref.requestHash, attempt, lockMs],
    );
    return inserted === 1 ? attempt : undefined;
  }

  /** Takes over a pending key whose first attempt's lock ran out; of several retries only one wins. */
  async takeOver(ref: IdempotencyKeyRef, lockMs: number): Promise<string | undefined> {
    const attempt = randomUUID();
    const updated = await this.affected(
      `UPDATE idempotency_records SET attempt = $5, locked_until = now() + make_interval(secs => $6::double precision / 1000)
       WHERE ${SAME_REQUEST} AND state = 'pending' AND locked_until <= now()`,
      [...this.keyParams(ref), attempt, lockMs],
    );
    return updated === 1 ? attempt : undefined;
  }

  async find(ref: IdempotencyKeyRef): Promise<IdempotencyRecord | undefined> {
    const rows: RecordRow[] = await this.dataSource.query(
      'SELECT request_hash, state, response, locked_until FROM idempotency_records WHERE scope = $1 AND subject = $2 AND key = $3',
      this.keyParams(ref).slice(0, 3),
    );
    const row = rows[0];
    if (!row) return undefined;
    return { requestHash: row.request_hash, state: row.state, response: row.response?.value, lockedUntil: row.locked_until };
  }

  /** Stores the answer of the attempt that owns the key, wrapped so that an empty answer stays empty. */
  async complete(ref: IdempotencyKeyRef, attempt: string, response: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_records SET state = 'done', response = $6::jsonb, locked_until = NULL
       WHERE ${SAME_REQUEST} AND attempt = $5 AND state = 'pending'`,
      [...this.keyParams(ref), attempt, JSON.stringify({ value: response })],
    );
  }

  /** Frees the key of a failed attempt, so that a retry runs the operation again. */
  async release(ref: IdempotencyKeyRef, attempt: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_records WHERE ${SAME_REQUEST} AND attempt = $5 AND state = 'pending'`, [
      ...this.keyParams(ref),
      attempt,
    ]);
  }

  /** Deletes the keys older than the retention; returns how many. */
  purge(retentionHours: number): Promise<number> {
    return this.affected('DELETE FROM idempotency_records WHERE created_at < now() - make_interval(hours => $1)', [retentionHours]);
  }

  private keyParams(ref: IdempotencyKeyRef): string[] {
    return [ref.organizationId, ref.subject, ref.key, ref.requestHash];
  }

  private async affected(sql: string, params: unknown[]): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(sql, params, true);
      return result.affected ?? 0;
    } finally {
      await runner.release();
    }
  }
}
