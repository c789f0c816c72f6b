// bench/input-guard: what a hostile JSON body costs the gateway, before and after the input guard,
// in one process. "Before" replays the old path (Fastify's JSON parser, then the edge validation
// pipe) on the body; "after" sends it to a running gateway, which refuses it at the shape scan.
// The gateway's event-loop delay is sampled while it answers (the 50,000-key body blocked it 1.1 s).
// Usage: npm run bench:input-guard   (BENCH_ROUNDS to change the run)
import 'reflect-metadata';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parse as secureJsonParse } from 'secure-json-parse';
import { LoginDto } from '@quartier/contracts-identity';
import { startTestStack } from '@quartier/testing';
import { gatewayService } from '../../apps/gateway/src/gateway.service-app';
import { edgeValidationPipe } from '../../apps/gateway/src/platform/validation';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const LOGIN_PATH = '/api/v1/auth/login';

const wide = JSON.stringify(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i])));
const deep = `{"email":${'['.repeat(3000)}${']'.repeat(3000)}}`;
const small = JSON.stringify({ email: 'anna@example.de', password: 'x', unexpected: true });

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The old gateway's work for a body: parse, then validate against the route's class (the answer is a 422). */
async function oldPath(body: string): Promise<{ ms: number; outcome: string }> {
  const started = performance.now();
  let outcome = 'accepted';
  try {
    const parsed: unknown = secureJsonParse(body, { protoAction: 'error', constructorAction: 'error' });
    await edgeValidationPipe().transform(parsed, { type: 'body', metatype: LoginDto });
  } catch (error) {
    const errors = (error as { errors?: unknown[] }).errors;
    outcome = errors ? `422 with ${errors.length} error entries` : `failed: ${(error as Error).name}`;
  }
  return { ms: performance.now() - started, outcome };
}

async function post(url: string, body: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(`${url}${LOGIN_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

async function main(): Promise<void> {
  const stack = await startTestStack([]);
  const gateway = await gatewayService.start({ ...stack.envFor('gateway'), PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: '100000' });
  try {
    const before = [];
    for (let i = 0; i < ROUNDS; i += 1) before.push(await oldPath(wide));
    const deepBefore = await oldPath(deep);

    await post(gateway.url, small);
    const measure = async (body: string): Promise<{ ms: number; status: number; maxLoopDelayMs: number }> => {
      const runs = [];
      const loop = monitorEventLoopDelay({ resolution: 1 });
      loop.enable();
      for (let i = 0; i < ROUNDS; i += 1) runs.push(await post(gateway.url, body));
      loop.disable();
      return { ms: median(runs.map((run) => run.ms)), status: runs[0].status, maxLoopDelayMs: loop.max / 1e6 };
    };
    const baseline = await measure(small);
    const wideAfter = await measure(wide);
    const deepAfter = await measure(deep);
    const wideBefore = median(before.map((run) => run.ms));
    const kb = (text: string): string => `${Math.round(Buffer.byteLength(text) / 1024)} KiB`;
    process.stdout.write(
      [
        `input-guard: POST ${LOGIN_PATH}, ${ROUNDS} rounds, median`,
        `50,000 keys (${kb(wide)})`,
        `  before: parse + edge validation      ${wideBefore.toFixed(1)} ms of blocked event loop (${before[0].outcome})`,
        `  after:  gateway answer over HTTP     ${wideAfter.ms.toFixed(1)} ms, ${wideAfter.status} (${(wideAfter.ms / wideBefore).toFixed(3)}× before), max event-loop delay ${wideAfter.maxLoopDelayMs.toFixed(1)} ms`,
        `3,000 levels (${kb(deep)})`,
        `  before: parse + edge validation      ${deepBefore.ms.toFixed(1)} ms (${deepBefore.outcome})`,
        `  after:  gateway answer over HTTP     ${deepAfter.ms.toFixed(1)} ms, ${deepAfter.status}, max event-loop delay ${deepAfter.maxLoopDelayMs.toFixed(1)} ms`,
        `baseline: small invalid body over HTTP ${baseline.ms.toFixed(1)} ms, ${baseline.status}; the 50,000-key answer is ${(wideAfter.ms / baseline.ms).toFixed(1)}× that`,
        '',
      ].join('\n'),
    );
  } finally {
    await gateway.close();
    await stack.teardown();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
