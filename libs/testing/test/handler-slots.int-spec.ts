import { Controller, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IsInt } from 'class-validator';
import { NatsConnection } from 'nats';
import { Caller, CallerHeader, OrgCaller } from '@quartier/contracts-shared';
import { DatabaseModule } from '@quartier/db';
import { createLogger } from '@quartier/observability';
import { TestStack, startTestStack, testCaller, waitFor } from '../src';
import {
  AnyCaller,
  BusSettings,
  CurrentCaller,
  MessagingModule,
  OpsModule,
  RpcClient,
  RpcError,
  RunningService,
  busSettings,
  startServiceApp,
} from '@quartier/messaging';

class MarkDto {
  @IsInt()
  n!: number;
}

/** What the handlers did, seen by the spec: a side effect that must be absent for dropped work. */
const marked: number[] = [];
let holding = false;
let openGate: () => void = () => undefined;

@Controller()
class SlotsController {
  constructor(private readonly rpc: RpcClient) {}

  @MessagePattern('workorders.v1.hold')
  hold(): Promise<string> {
    holding = true;
    return new Promise((resolve) => {
      openGate = () => resolve('held');
    });
  }

  @MessagePattern('workorders.v1.mark')
  mark(@Payload() dto: MarkDto): number[] {
    marked.push(dto.n);
    return marked;
  }

  /** Calls portfolio as the caller it serves: the nested call must inherit the remaining budget. */
  @MessagePattern('workorders.v1.relay')
  async relay(@CurrentCaller() caller: OrgCaller): Promise<{ own?: number; nested: string }> {
    const nested = await this.rpc.request<string>('portfolio.v1.units.get', {}, caller);
    return { own: caller.deadline, nested };
  }

  @MessagePattern('workorders.v1.deadline')
  deadline(@AnyCaller() caller: Caller): { deadline?: number } {
    return { deadline: caller.deadline };
  }
}

function bus(env: NodeJS.ProcessEnv): BusSettings {
  return busSettings(
    { NATS_URL: env.NATS_URL ?? '', NATS_PREFIX: env.NATS_PREFIX ?? '', NATS_TIMEOUT_MS: 5000, NATS_NKEY_SEED: env.NATS_NKEY_SEED, NATS_TRUSTED_KEYS: env.NATS_TRUSTED_KEYS },
    'workorders',
  );
}

async function droppedCount(opsUrl: string, reason: string): Promise<number> {
  const text = await (await fetch(`${opsUrl}/metrics`)).text();
  const line = text
    .split('\n')
    .find((entry) => entry.startsWith('quartier_rpc_dropped_total') && entry.includes('workorders.v1.mark') && entry.includes(`reason="${reason}"`));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('deadlines and handler slots over a real NATS', () => {
  const organizationId = '0b5d1c9e-3f1a-4c55-9a57-2f7f3b1c8d10';
  let stack: TestStack;
  let service: RunningService;
  let portfolio: NatsConnection;

  beforeAll(async () => {
    stack = await startTestStack([]);
    const env = stack.envFor('workorders');
    @Module({
      imports: [
        DatabaseModule.forRoot({ url: env.DATABASE_URL ?? '', schema: 'slots', entities: [], migrations: [], migrateOnBoot: false }),
        MessagingModule.forRoot(bus(env)),
        OpsModule.forRoot('slots'),
      ],
      controllers: [SlotsController],
    })
    class SlotsModule {}
    service = await startServiceApp({
      name: 'workorders',
      module: SlotsModule,
      bus: bus(env),
      opsPort: 0,
      logger: createLogger('slots', 'silent'),
      maxConcurrentHandlers: 1,
      maxQueuedHandlers: 1,
    });
    // Stands in for portfolio: answers with the deadline header the nested call carried.
    portfolio = await stack.connectAs('portfolio');
    portfolio.subscribe(`${stack.prefix}.portfolio.v1.units.get`, {
      queue: 'portfolio',
      callback: (_error, message) => message.respond(JSON.stringify({ response: message.headers?.get(CallerHeader.DEADLINE), isDisposed: true })),
    });
  }, 60_000);

  afterAll(async () => {
    await portfolio?.close();
    await service?.close();
    await stack?.teardown();
  });

  it('refuses a request when the handler queue is full, and never runs one whose caller gave up while it waited', async () => {
    const caller = testCaller(organizationId);
    const held = stack.rpc.request('workorders.v1.hold', {}, caller);
    await waitFor(() => holding);
    // The only slot is taken: this request waits, its caller gives up after 300 ms.
    const abandoned = stack.rpc.request('workorders.v1.mark', { n: 1 }, caller, 300).catch((error: RpcError) => error);
    // The queue (one place) is full: the next request is refused at once, before the other times out.
    const refused = await stack.rpc.request('workorders.v1.mark', { n: 9 }, caller, 300).catch((error: RpcError) => error);
    expect(refused).toBeInstanceOf(RpcError);
    expect((refused as RpcError).body).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    const timedOut = await abandoned;
    expect(timedOut).toBeInstanceOf(RpcError);
    expect((timedOut as RpcError).status).toBe(504);
    openGate();
    expect(await held).toBe('held');
    // Its turn came after the deadline: dropped, counted, and the next request runs as usual.
    await waitFor(async () => (await droppedCount(service.opsUrl, 'deadline')) === 1);
    expect(await droppedCount(service.opsUrl, 'busy')).toBe(1);
    expect(await stack.rpc.request('workorders.v1.mark', { n: 2 }, caller)).toEqual([2]);
    expect(marked).toEqual([2]);
  });

  it('hands a request its deadline, and a call it makes inherits the remaining budget, never more', async () => {
    const caller = testCaller(organizationId);
    const before = Date.now();
    const seen = await stack.rpc.request<{ deadline?: number }>('workorders.v1.deadline', {}, caller, 2000);
    expect(seen.deadline).toBeGreaterThanOrEqual(before + 2000);
    expect(seen.deadline).toBeLessThanOrEqual(Date.now() + 2000);

    // The service's own timeout is 5 s, the request it serves has 1.5 s left: the nested call gets 1.5 s.
    const relayed = await stack.rpc.request<{ own: number; nested: string }>('workorders.v1.relay', {}, caller, 1500);
    expect(Number(relayed.nested)).toBe(relayed.own);
  });
});
