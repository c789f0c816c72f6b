import { Session, bearer } from '../../support/session';

export { sleep } from '../../support/suite';

/** One answer as a client saw it. */
export interface Sample {
  status: number;
  ms: number;
  retryAfter: string | null;
  startedAt: number;
}

/** Sends one request and times it; a request that got no answer at all counts as status 0. */
export async function probe(url: string, session: Session, init: { method?: string; body?: unknown; requestId?: string } = {}): Promise<Sample> {
  const startedAt = Date.now();
  const started = performance.now();
  const headers: Record<string, string> = { ...bearer(session) };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.requestId) headers['x-request-id'] = init.requestId;
  try {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(30_000),
    });
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started, retryAfter: response.headers.get('retry-after'), startedAt };
  } catch {
    return { status: 0, ms: performance.now() - started, retryAfter: null, startedAt };
  }
}

/** Runs `send` from `workers` loops until `durationMs` has passed; returns every answer. */
export async function underLoad(durationMs: number, workers: number, send: () => Promise<Sample>): Promise<Sample[]> {
  const samples: Sample[] = [];
  const until = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (Date.now() < until) samples.push(await send());
    }),
  );
  return samples;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** How many answers had each status, e.g. `{ 200: 310, 503: 4 }`. */
export function statusCounts(samples: Sample[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of samples) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** Prints a figure line of the fault suite (the figures go in the closing note, not in assertions). */
export function report(label: string, samples: Sample[]): void {
  const ms = samples.map((sample) => sample.ms);
  const line = `${label}: n=${samples.length} statuses=${JSON.stringify(statusCounts(samples))} p50=${percentile(ms, 50).toFixed(1)} ms p99=${percentile(ms, 99).toFixed(1)} ms max=${Math.max(...ms).toFixed(1)} ms`;
  process.stdout.write(`[faults] ${line}\n`);
}

