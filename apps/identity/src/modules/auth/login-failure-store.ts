import { EntityManager } from 'typeorm';
import { LoginFailureState } from './login-throttle';

/** One email (SHA-256 of the normalised address) from one client address ('' when unknown). */
export interface LoginFailureKey {
  emailHash: string;
  clientIp: string;
}

interface LoginFailureRow {
  failed_count: number;
  last_failed_at: Date;
}

/**
 * The failures of one key, with a transaction-scoped lock on the key, so parallel guesses from one
 * address cannot outrun the counter (and unknown emails, which have no row to lock, are serialised too).
 */
export async function lockLoginFailures(manager: EntityManager, key: LoginFailureKey): Promise<LoginFailureState> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`identity-login:${key.emailHash}:${key.clientIp}`]);
  const rows: LoginFailureRow[] = await manager.query(
    'SELECT failed_count, last_failed_at FROM login_failures WHERE email_hash = $1 AND client_ip = $2',
    [key.emailHash, key.clientIp],
  );
  return rows.length ? { failedCount: rows[0].failed_count, lastFailedAt: rows[0].last_failed_at } : { failedCount: 0, lastFailedAt: null };
}

export async function saveLoginFailures(manager: EntityManager, key: LoginFailureKey, state: LoginFailureState): Promise<void> {
  await manager.query(
    `INSERT INTO login_failures (email_hash, client_ip, failed_count, last_failed_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (email_hash, client_ip) DO UPDATE SET failed_count = EXCLUDED.failed_count, last_failed_at = EXCLUDED.last_failed_at`,
    [key.emailHash, key.clientIp, state.failedCount, state.lastFailedAt],
  );
}

/** Counts whose last failure is older than `cutoff` restart anyway, so their rows can go. */
export async function deleteLoginFailuresBefore(manager: EntityManager, cutoff: Date): Promise<void> {
  await manager.query('DELETE FROM login_failures WHERE last_failed_at < $1', [cutoff]);
}

export async function clearLoginFailures(manager: EntityManager, key: LoginFailureKey): Promise<void> {
  await manager.query('DELETE FROM login_failures WHERE email_hash = $1 AND client_ip = $2', [key.emailHash, key.clientIp]);
}

/** After a password reset the owner has proven themselves: no address waits any more for this email. */
export async function clearLoginFailuresOfEmail(manager: EntityManager, emailHash: string): Promise<void> {
  await manager.query('DELETE FROM login_failures WHERE email_hash = $1', [emailHash]);
}
