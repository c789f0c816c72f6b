/** Per-dependency state as /health reports it. */
export type DependencyState = 'up' | 'down';

export interface HealthReport {
  status: 'ok' | 'down';
  checks: Record<string, DependencyState>;
}

/** A service is up when it answered at all: even an error reply proves it is serving. */
export function isAnswer(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'RpcError') return false;
  const code = (error as Error & { code?: string }).code;
  return code !== 'SERVICE_UNAVAILABLE' && code !== 'UPSTREAM_TIMEOUT';
}

export function healthReport(checks: Record<string, DependencyState>): HealthReport {
  return { status: Object.values(checks).every((state) => state === 'up') ? 'ok' : 'down', checks };
}
