/** Per-dependency state as /health reports it. */
export type DependencyState = 'up' | 'down';

/**
 * ok: everything answers. degraded: a domain service is down, so its routes answer 503 while
 * the rest of the API works. down: a dependency every request needs (NATS, identity) is down.
 */
export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  checks: Record<string, DependencyState>;
}

/** A service is up when it answered at all: even an error reply proves it is serving. */
export function isAnswer(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'RpcError') return false;
  const code = (error as Error & { code?: string }).code;
  return code !== 'SERVICE_UNAVAILABLE' && code !== 'UPSTREAM_TIMEOUT';
}

export function healthReport(checks: Record<string, DependencyState>, critical: readonly string[]): HealthReport {
  const down = Object.keys(checks).filter((name) => checks[name] !== 'up');
  const status = down.length === 0 ? 'ok' : down.some((name) => critical.includes(name)) ? 'down' : 'degraded';
  return { status, checks };
}
