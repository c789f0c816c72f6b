export interface ResetThrottlePolicy {
  perEmail: number;
  perIp: number;
  windowMs: number;
}

/** Requests already recorded inside the window, oldest first. */
export interface RecentResetRequests {
  forEmail: Date[];
  forIp: Date[];
}

/**
 * - `send`: record the request and mail a link (if the account exists);
 * - `quiet`: record it and answer as usual, but mail nothing: one inbox is not flooded, and the
 *   answer still says nothing about whether the account exists;
 * - `refuse`: too many requests from this client address (429).
 */
export type ResetDecision = { kind: 'send' } | { kind: 'quiet' } | { kind: 'refuse'; retryAfterSeconds: number };

export function decideReset(recent: RecentResetRequests, policy: ResetThrottlePolicy, now: Date): ResetDecision {
  if (recent.forIp.length >= policy.perIp) {
    const oldest = recent.forIp[recent.forIp.length - policy.perIp];
    return { kind: 'refuse', retryAfterSeconds: Math.max(1, Math.ceil((oldest.getTime() + policy.windowMs - now.getTime()) / 1000)) };
  }
  return recent.forEmail.length >= policy.perEmail ? { kind: 'quiet' } : { kind: 'send' };
}
