import { Controller, Injectable, Module, OnApplicationBootstrap, Provider } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IsInt, Min } from 'class-validator';
import { JSONCodec, NatsConnection } from 'nats';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { OrgCaller } from '@quartier/contracts-shared';
import { DatabaseModule, InboxEntity, MESSAGING_TABLES_SQL, OutboxEntity, addToOutbox } from '@quartier/db';
import { createLogger } from '@quartier/observability';
import { TestStack, startTestStack, testCaller, waitFor } from '../src';
import {
  BusSettings,
  CallerContextSigner,
  CurrentCaller,
  DurableConsumer,
  MessagingModule,
  OpsModule,
  RunningService,
  ServiceAppOptions,
  OutboxRelay,
  RpcClient,
  RpcError,
  conflict,
  busSettings,
  startServiceApp,
} from '@quartier/messaging';

class AddDto {
  @IsInt()
  @Min(0)
  amount!: number;
}

@Controller()
class EchoController {
  @MessagePattern('workorders.v1.whoami')
  whoami(@CurrentCaller() caller: OrgCaller): OrgCaller {
    return caller;
  }

  @MessagePattern('workorders.v1.add')
  add(@Payload() dto: AddDto): { total: number } {
    return { total: dto.amount + 1 };
  }

  @MessagePattern('workorders.v1.conflict')
  conflict(): never {
    throw conflict('Already there', { other: 'x' });
  }

  @MessagePattern('workorders.v1.crash')
  crash(): never {
    throw new Error('secret internal detail');
  }

  @MessagePattern('workorders.v1.slow')
  async slow(): Promise<string> {
    await new Promise((resolve) => setTimeout(resolve, 500));
    return 'late';
  }
}

class CreateMessagingTables1700000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    for (const sql of MESSAGING_TABLES_SQL) await runner.query(sql);
  }
  async down(): Promise<void> {
    return undefined;
  }
}

@Injectable()
class UnreachableBroker implements OnApplicationBootstrap {
  onApplicationBootstrap(): never {
    throw new Error('broker unreachable');
  }
}

/** The echo service answers as workorders: a component the gateway may call. */
function echoBus(env: NodeJS.ProcessEnv): BusSettings {
  return busSettings(
    { NATS_URL: env.NATS_URL ?? '', NATS_PREFIX: env.NATS_PREFIX ?? '', NATS_TIMEOUT_MS: 1000, NATS_NKEY_SEED: env.NATS_NKEY_SEED, NATS_TRUSTED_KEYS: env.NATS_TRUSTED_KEYS },
    'workorders',
  );
}

function echoOptions(env: NodeJS.ProcessEnv, providers: Provider[] = []): ServiceAppOptions {
  const url = env.DATABASE_URL ?? '';
  @Module({
    imports: [
      DatabaseModule.forRoot({ url, schema: 'echo', entities: [], migrations: [CreateMessagingTables1700000000000], migrateOnBoot: true }),
      MessagingModule.forRoot(echoBus(env)),
      OpsModule.forRoot('echo'),
    ],
    controllers: [EchoController],
    providers,
  })
  class EchoModule {}
  return {
    name: 'workorders',
    module: EchoModule,
    bus: echoBus(env),
    opsPort: 0,
    logger: createLogger('echo', 'silent'),
  };
}

describe('messaging over a real NATS', () => {
  let stack: TestStack;
  const organizationId = '5f0c8a4e-8a43-4d8e-9c61-1a1b6f1d2c3e';

  let echo: RunningService;

  beforeAll(async () => {
    stack = await startTestStack([]);
    echo = await startServiceApp(echoOptions(stack.envFor('workorders')));
  });
  afterAll(async () => {
    await echo.close();
    await stack.teardown();
  });

  it('carries the caller in a signed context', async () => {
    const caller = testCaller(organizationId, { roles: ['viewer'], scopes: ['read'] });
    const seen = await stack.rpc.request<OrgCaller>('workorders.v1.whoami', {}, caller);
    expect(seen).toMatchObject({ organizationId, userId: caller.userId, requestId: caller.requestId, roles: ['viewer'], scopes: ['read'] });
  });

  it('rejects an anonymous caller on organization-scoped handlers', async () => {
    const error = await stack.rpc.request('workorders.v1.whoami', {}, { requestId: 'r', roles: [], scopes: [] }).catch((e: RpcError) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).status).toBe(401);
  });

  it('validates payloads and reports the invalid fields (422)', async () => {
    expect(await stack.rpc.request('workorders.v1.add', { amount: 2 }, testCaller(organizationId))).toEqual({ total: 3 });
    const error = (await stack.rpc.request('workorders.v1.add', { amount: -1, extra: true }, testCaller(organizationId)).catch((e) => e)) as RpcError;
    expect(error.body).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });
    expect(error.body.errors?.map((e) => e.field).sort()).toEqual(['amount', 'extra']);
  });

  it('passes coded errors through and hides unexpected ones', async () => {
    const coded = (await stack.rpc.request('workorders.v1.conflict', {}, testCaller(organizationId)).catch((e) => e)) as RpcError;
    expect(coded.body).toEqual({ status: 409, code: 'CONFLICT', message: 'Already there', details: { other: 'x' } });
    const crash = (await stack.rpc.request('workorders.v1.crash', {}, testCaller(organizationId)).catch((e) => e)) as RpcError;
    expect(crash.body).toEqual({ status: 500, code: 'INTERNAL', message: 'Internal server error' });
  });

  it('never joins the queue group when start-up fails', async () => {
    const prefix = `${stack.prefix}-broken`;
    await expect(startServiceApp(echoOptions({ ...stack.envFor('workorders'), NATS_PREFIX: prefix }, [UnreachableBroker]))).rejects.toThrow('broker unreachable');
    const rpc = new RpcClient(stack.nats, { prefix, timeoutMs: 1000, signer: new CallerContextSigner('gateway', stack.bus.keys.gateway.seed, 5000) });
    const error = (await rpc.request('workorders.v1.whoami', {}, testCaller(organizationId)).catch((e) => e)) as RpcError;
    expect(error.status).toBe(503);
  });

  it('times out (504) and reports missing services (503)', async () => {
    const slow = (await stack.rpc.request('workorders.v1.slow', {}, testCaller(organizationId), 100).catch((e) => e)) as RpcError;
    expect(slow.status).toBe(504);
    const missing = (await stack.rpc.request('ai.v1.home', {}, testCaller(organizationId)).catch((e) => e)) as RpcError;
    expect(missing.status).toBe(503);
  });

  it('reaches a service that subscribes just after the request was sent (a replica coming up)', async () => {
    const pending = stack.rpc.request<{ id: string }>('iot.v1.ping', {}, testCaller(organizationId));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const late = stack.nats.subscribe(`${stack.prefix}.iot.v1.ping`, {
      callback: (_error, message) => {
        const packet = JSONCodec<{ id: string }>().decode(message.data);
        message.respond(JSONCodec().encode({ id: packet.id, response: { id: 'pong' }, isDisposed: true }));
      },
    });
    expect(await pending).toEqual({ id: 'pong' });
    late.unsubscribe();
  });

  it('relays outbox events to a durable consumer exactly once, across a consumer restart', async () => {
    const dataSource = new DataSource({ type: 'postgres', url: stack.env.DATABASE_URL, schema: 'echo', entities: [OutboxEntity, InboxEntity], extra: { options: '-c search_path=echo' } });
    await dataSource.initialize();
    const nats: NatsConnection = stack.nats;
    const relay = new OutboxRelay(dataSource, nats, { prefix: stack.prefix });
    const handled: string[] = [];
    const makeConsumer = (): DurableConsumer =>
      new DurableConsumer(nats, dataSource, { prefix: stack.prefix, name: 'echo-test', eventTypes: ['echo.thing.happened', 'echo.other.happened'] }, async (event) => {
        handled.push((event.payload as { n: number }).n.toString());
      });

    const first = makeConsumer();
    await first.start();
    await dataSource.transaction((manager) => addToOutbox(manager, organizationId, 'echo.thing.happened', { n: 1 }));
    expect(await relay.flush()).toBe(1);
    await waitFor(() => handled.length === 1);
    await first.stop();

    // Published while the consumer is down: delivered when it comes back.
    await dataSource.transaction((manager) => addToOutbox(manager, organizationId, 'echo.thing.happened', { n: 2 }));
    await dataSource.transaction((manager) => addToOutbox(manager, organizationId, 'echo.other.happened', { n: 3 }));
    await dataSource.transaction((manager) => addToOutbox(manager, organizationId, 'echo.unrelated.happened', { n: 4 }));
    await relay.flush();
    const second = makeConsumer();
    await second.start();
    await waitFor(() => handled.length === 3);
    await second.stop();
    expect(handled.sort()).toEqual(['1', '2', '3']);
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM inbox');
    expect(count).toBe(3);
    await dataSource.destroy();
  });

  it('believes an event only when its type is the subject it arrived on', async () => {
    const dataSource = new DataSource({ type: 'postgres', url: stack.env.DATABASE_URL, schema: 'echo', entities: [OutboxEntity, InboxEntity], extra: { options: '-c search_path=echo' } });
    await dataSource.initialize();
    const handled: string[] = [];
    const consumer = new DurableConsumer(stack.nats, dataSource, { prefix: stack.prefix, name: 'echo-subjects', eventTypes: ['echo.proof.happened'] }, async (event) => {
      handled.push(event.id);
    });
    await consumer.start();
    const publish = (type: string, id: string) =>
      stack.nats.jetstream().publish(`${stack.prefix}.events.echo.proof.happened`, JSONCodec().encode({ id, type, organizationId, occurredAt: new Date().toISOString(), payload: {} }));
    // Published where echo's events go, but claiming to be another service's event.
    await publish('leasing.lease.activated', 'a3f0c1de-0000-4000-8000-000000000001');
    await publish('echo.proof.happened', 'a3f0c1de-0000-4000-8000-000000000002');
    await waitFor(() => handled.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await consumer.stop();
    await dataSource.destroy();
    expect(handled).toEqual(['a3f0c1de-0000-4000-8000-000000000002']);
  });

  it('exposes readiness and metrics on the ops port', async () => {
    const ready = await fetch(`${echo.opsUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, nats: { status: 'up' } } });
    const metrics = await (await fetch(`${echo.opsUrl}/metrics`)).text();
    expect(metrics).toMatch(/quartier_rpc_duration_seconds_count{[^}]*subject="t[a-z0-9]+\.workorders\.v1\.whoami"/);
  });
});
