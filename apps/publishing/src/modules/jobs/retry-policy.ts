/** A failure the portal will answer the same way next time (bad data, rejected credentials): retrying is pointless. */
export interface AttemptFailure {
  message: string;
  retryable: boolean;
}

export interface RetryPolicy {
  backoffMs: number;
  backoffMaxMs: number;
}

/** Wait before attempt `attempts + 1`: base, then doubling, capped. */
export function backoffDelayMs(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.backoffMaxMs, policy.backoffMs * 2 ** Math.max(0, attempts - 1));
}

/** After a failed attempt: try again later, or fail the job for good. */
export function afterFailure(attempts: number, maxAttempts: number, failure: AttemptFailure, policy: RetryPolicy): { retryInMs: number } | { fail: true } {
  if (!failure.retryable || attempts >= maxAttempts) return { fail: true };
  return { retryInMs: backoffDelayMs(attempts, policy) };
}
