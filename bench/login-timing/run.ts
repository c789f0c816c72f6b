// bench/login-timing: whether a failed login's answer time tells an existing email from an unknown
// one, in one process against a running identity service. The baseline is a wrong password for an
// existing account; the unknown email must cost the same (one argon2 verification of a dummy hash).
// Attempts are interleaved so load on the machine hits both alike; throttling is set out of reach.
// Usage: npm run bench:login-timing   (BENCH_ROUNDS to change the run)
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { AuthOperations } from '@quartier/contracts-identity';
import { OperationClient } from '@quartier/messaging';
import { startTestStack } from '@quartier/testing';
import { identityService } from '../../apps/identity/src/identity.service-app';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const caller = (): { requestId: string; roles: []; scopes: [] } => ({ requestId: randomUUID(), roles: [], scopes: [] });

const percentile = (values: number[], p: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

async function main(): Promise<void> {
  const stack = await startTestStack([identityService], {
    LOGIN_THROTTLE_AFTER_FAILURES: '1000000',
    SIGNING_KEY_ENCRYPTION_SECRET: randomBytes(32).toString('base64url'),
  });
  try {
    const client = new OperationClient(stack.rpc);
    const email = `${randomUUID()}@example.de`;
    await client.send(AuthOperations.register, { email, password: 'correct horse battery', name: 'Anna', organizationName: 'Bench' }, caller());
    const timeFailure = async (loginEmail: string): Promise<number> => {
      const started = performance.now();
      const answered = await client.send(AuthOperations.login, { email: loginEmail, password: 'not the password', clientIp: '192.0.2.1' }, caller()).then(
        () => 'signed in',
        (error: unknown) => String((error as { body?: { code?: string } }).body?.code),
      );
      if (answered !== 'INVALID_CREDENTIALS') throw new Error(`expected INVALID_CREDENTIALS, got ${answered}`);
      return performance.now() - started;
    };
    // Warm-up: connections, JIT, the first argon2 runs.
    for (let i = 0; i < 5; i += 1) await Promise.all([timeFailure(email), timeFailure(`${randomUUID()}@example.de`)]);
    const existing: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      existing.push(await timeFailure(email));
      unknown.push(await timeFailure(`${randomUUID()}@example.de`));
    }
    const row = (label: string, values: number[]): string =>
      `${label}  median ${percentile(values, 0.5).toFixed(1)} ms, p90 ${percentile(values, 0.9).toFixed(1)} ms`;
    const ratio = percentile(unknown, 0.5) / percentile(existing, 0.5);
    process.stdout.write(
      [
        `login-timing: ${ROUNDS} failed logins each, interleaved, over NATS to identity`,
        row('existing email, wrong password (baseline)', existing),
        row('unknown email                            ', unknown),
        `unknown / existing (median)               ${ratio.toFixed(2)}× (target 0.9–1.1) ${ratio >= 0.9 && ratio <= 1.1 ? 'MET' : 'MISSED'}`,
        '',
      ].join('\n'),
    );
  } finally {
    await stack.teardown();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
