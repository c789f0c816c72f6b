// bench/caller-context: what proving the caller costs per request, beside the plain headers it
// replaced, in one process: the gateway signs a context (Ed25519), the service verifies it.
// Usage: npm run bench:caller-context   (BENCH_ITERATIONS to change the run)
import { performance } from 'node:perf_hooks';
import { headers as natsHeaders } from 'nats';
import { Caller, CallerHeader } from '@quartier/contracts-shared';
import { CallerContextSigner, CallerContextVerifier, formatTrustedKeys, generateBusKeys, parseTrustedKeys } from '@quartier/messaging';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 20000);
const keys = generateBusKeys();
const signer = new CallerContextSigner('gateway', keys.gateway.seed, 10_000);
const verifier = new CallerContextVerifier('portfolio', parseTrustedKeys(formatTrustedKeys(keys)));
const caller: Caller = {
  requestId: '7d0d9a43-2f5b-4c8e-9a43-2f5b4c8e9a43',
  organizationId: '5f0c8a4e-8a43-4d8e-9c61-1a1b6f1d2c3e',
  userId: '0b7e3a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  roles: ['manager'],
  scopes: ['read', 'write', 'delete'],
};

/** The headers of the old call layer: the caller asserted in plain text, read back without proof. */
function plainHeaders(): string | undefined {
  const written = natsHeaders();
  written.set(CallerHeader.REQUEST_ID, caller.requestId);
  written.set('x-organization-id', caller.organizationId ?? '');
  written.set('x-user-id', caller.userId ?? '');
  written.set('x-roles', caller.roles.join(','));
  written.set('x-scopes', caller.scopes.join(','));
  return written.get('x-organization-id');
}

function provenHeaders(): string | undefined {
  const written = natsHeaders();
  written.set(CallerHeader.REQUEST_ID, caller.requestId);
  written.set(CallerHeader.CONTEXT, signer.sign(caller, 'portfolio'));
  return verifier.verify(written).organizationId;
}

function microsPerCall(run: () => string | undefined): number {
  for (let i = 0; i < 1000; i += 1) run();
  const started = performance.now();
  for (let i = 0; i < ITERATIONS; i += 1) if (run() !== caller.organizationId) throw new Error('wrong caller');
  return ((performance.now() - started) * 1000) / ITERATIONS;
}

const rounds = [0, 1, 2].map(() => ({ plain: microsPerCall(plainHeaders), proven: microsPerCall(provenHeaders) }));
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[1];
const plain = median(rounds.map((round) => round.plain));
const proven = median(rounds.map((round) => round.proven));
const added = proven - plain;
process.stdout.write(
  [
    `caller-context: ${ITERATIONS} calls × 3 rounds, median`,
    `plain caller headers (before)       ${plain.toFixed(1)} µs per request`,
    `signed + verified context (after)   ${proven.toFixed(1)} µs per request (${(proven / plain).toFixed(1)}× plain)`,
    `added by proving the caller         ${(added / 1000).toFixed(3)} ms per request (target ≤ 0.3 ms) ${added <= 300 ? 'MET' : 'MISSED'}`,
    '',
  ].join('\n'),
);
