import { JSONCodec, Msg, NatsConnection, Subscription, connect } from 'nats';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Caller, CommonErrorCode } from '@quartier/contracts-shared';
import { LocalBus, startLocalBus } from '../src/bus/local-bus';
import { parseTrustedKeys } from '../src/bus/bus-keys';
import { BusSettings, callerSigner, natsConnectionOptions } from '../src/nats-connection';
import { RpcClient } from '../src/rpc-client';
import { RpcError } from '../src/rpc-errors';

const codec = JSONCodec<{ id: string }>();
const caller: Caller = { requestId: 'r-1', organizationId: 'o-1', userId: 'u-1', roles: ['owner'], scopes: ['read'] };
const TIMEOUT_MS = 4000;

function settingsOf(bus: LocalBus, component: 'gateway' | 'portfolio', prefix: string): BusSettings {
  const env = bus.envFor(component);
  return {
    component,
    url: env.NATS_URL,
    prefix,
    timeoutMs: TIMEOUT_MS,
    seed: env.NATS_NKEY_SEED,
    trustedKeys: parseTrustedKeys(env.NATS_TRUSTED_KEYS),
  };
}

/** A portfolio replica as Nest answers: `{ id, response }`. */
function answer(message: Msg, response: unknown): void {
  message.respond(JSONCodec().encode({ id: codec.decode(message.data).id, response, isDisposed: true }));
}

async function failure(promise: Promise<unknown>): Promise<{ error: RpcError; ms: number }> {
  const started = Date.now();
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (caught: unknown) => caught,
  );
  if (!(error instanceof RpcError)) throw error;
  return { error, ms: Date.now() - started };
}

describe('RpcClient when the bus or a replica fails', () => {
  const prefix = 'rpcfault';
  let dir: string;
  let bus: LocalBus;
  let port: number;
  let gateway: NatsConnection;
  let portfolio: NatsConnection;
  let rpc: RpcClient;

  const subject = `${prefix}.portfolio.v1.units.list`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quartier-rpc-'));
    bus = await startLocalBus({ dir, prefix });
    port = Number(new URL(bus.url).port);
    const settings = settingsOf(bus, 'gateway', prefix);
    gateway = await connect(natsConnectionOptions(settings));
    portfolio = await connect(natsConnectionOptions(settingsOf(bus, 'portfolio', prefix)));
    rpc = new RpcClient(gateway, { prefix, timeoutMs: TIMEOUT_MS, signer: callerSigner(settings) });
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await portfolio?.close();
    await bus?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks a safe read once more when the replica that took it never answers, and a command not', async () => {
    let dying: Subscription | undefined;
    let living: Subscription | undefined;
    // The first replica takes the request and dies with it; only then does the other one join.
    dying = portfolio.subscribe(subject, {
      queue: 'portfolio',
      callback: () => {
        dying?.unsubscribe();
        dying = undefined;
        living = portfolio.subscribe(subject, { queue: 'portfolio', callback: (_, message) => answer(message, { items: ['u-1'] }) });
      },
    });
    await portfolio.flush();
    const started = Date.now();
    await expect(rpc.request('portfolio.v1.units.list', {}, caller, TIMEOUT_MS, { safe: true })).resolves.toEqual({ items: ['u-1'] });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS);
    living?.unsubscribe();

    const swallow = portfolio.subscribe(subject, { queue: 'portfolio', callback: () => undefined });
    await portfolio.flush();
    const { error } = await failure(rpc.request('portfolio.v1.units.list', {}, caller, 1000));
    expect(error.code).toBe(CommonErrorCode.UPSTREAM_TIMEOUT);
    swallow.unsubscribe();
  });

  it('answers 503 at once while the bus is down, fails the calls in flight when it drops, and recovers after', async () => {
    const held = portfolio.subscribe(subject, { queue: 'portfolio', callback: () => undefined });
    await portfolio.flush();
    const inFlight = failure(rpc.request('portfolio.v1.units.list', {}, caller));
    await new Promise((resolve) => setTimeout(resolve, 200));
    held.unsubscribe();
    await bus.stop();

    const dropped = await inFlight;
    expect(dropped.error.status).toBe(503);
    expect(dropped.ms).toBeLessThan(TIMEOUT_MS);

    const whileDown = await failure(rpc.request('portfolio.v1.units.list', {}, caller));
    expect(whileDown.error.status).toBe(503);
    expect(whileDown.error.code).toBe(CommonErrorCode.SERVICE_UNAVAILABLE);
    expect(whileDown.ms).toBeLessThan(TIMEOUT_MS / 2);

    bus = await startLocalBus({ dir, prefix, port });
    portfolio.subscribe(subject, { queue: 'portfolio', callback: (_, message) => answer(message, { items: [] }) });
    const deadline = Date.now() + 20_000;
    let answered: unknown;
    while (answered === undefined && Date.now() < deadline) {
      answered = await rpc.request('portfolio.v1.units.list', {}, caller).catch(async (error: RpcError) => {
        expect(error.status).toBe(503);
        await new Promise((resolve) => setTimeout(resolve, 100));
        return undefined;
      });
    }
    expect(answered).toEqual({ items: [] });
  }, 60_000);
});
