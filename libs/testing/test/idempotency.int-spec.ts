import { Controller, Injectable, Module } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { CommonErrorCode, EmptyRequest, OrgCaller, defineOperation } from '@quartier/contracts-shared';
import { DatabaseModule, IDEMPOTENCY_TABLE_SQL } from '@quartier/db';
import { createLogger } from '@quartier/observability';
import { CurrentCaller, HandlesOperation, MessagingModule, OpsModule, RpcError, RunningService, busSettings, conflict, startServiceApp } from '@quartier/messaging';
import { TestStack, startTestStack, testCaller } from '../src';

class CreateThingDto {
  @IsString()
  name!: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5000)
  delayMs?: number;

  @IsOptional()
  @IsBoolean()
  failFirst?: boolean;
}

class ThingView {
  id!: string;
  name!: string;
}

class ThingCount {
  count!: number;
}

const ThingOperations = {
  create: defineOperation({
    service: 'workorders',
    subject: 'workorders.v1.things.create',
    request: CreateThingDto,
    response: ThingView,
    access: { scopes: ['write'] },
    paged: false,
    idempotency: 'none',
    errors: { [CommonErrorCode.CONFLICT]: 409 },
  }),
  count: defineOperation({
    service: 'workorders',
    subject: 'workorders.v1.things.count',
    request: EmptyRequest,
    response: ThingCount,
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'safe',
    errors: {},
  }),
};

/** The first request of each name marked failFirst fails after writing nothing, the next one succeeds. */
@Injectable()
class Failures {
  readonly failed = new Set<string>();
}

@Controller()
class ThingsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly failures: Failures,
  ) {}

  @HandlesOperation(ThingOperations.create)
  async create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateThingDto): Promise<ThingView> {
    if (dto.failFirst && !this.failures.failed.has(dto.name)) {
      this.failures.failed.add(dto.name);
      throw conflict('Not this time');
    }
    if (dto.delayMs) await new Promise((resolve) => setTimeout(resolve, dto.delayMs));
    const [row]: ThingView[] = await this.dataSource.query('INSERT INTO things (organization_id, name) VALUES ($1, $2) RETURNING id, name', [caller.organizationId, dto.name]);
    return row;
  }

  @HandlesOperation(ThingOperations.count)
  async count(@CurrentCaller() caller: OrgCaller): Promise<ThingCount> {
    const [row]: { count: number }[] = await this.dataSource.query('SELECT count(*)::int AS count FROM things WHERE organization_id = $1', [caller.organizationId]);
    return row;
  }
}

class CreateThings1700000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    for (const sql of IDEMPOTENCY_TABLE_SQL) await runner.query(sql);
    await runner.query('CREATE TABLE things (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), organization_id uuid NOT NULL, name text NOT NULL)');
  }
  async down(): Promise<void> {
    return undefined;
  }
}

/** The service's own bus deadline: a retry waits for a running first attempt up to half of it (1 s). */
const SERVICE_TIMEOUT_MS = 2000;

async function startThings(env: NodeJS.ProcessEnv): Promise<RunningService> {
  const bus = busSettings(
    { NATS_URL: env.NATS_URL ?? '', NATS_PREFIX: env.NATS_PREFIX ?? '', NATS_TIMEOUT_MS: SERVICE_TIMEOUT_MS, NATS_NKEY_SEED: env.NATS_NKEY_SEED, NATS_TRUSTED_KEYS: env.NATS_TRUSTED_KEYS },
    'workorders',
  );
  @Module({
    imports: [
      DatabaseModule.forRoot({ url: env.DATABASE_URL ?? '', schema: 'things', entities: [], migrations: [CreateThings1700000000000], migrateOnBoot: true }),
      MessagingModule.forRoot(bus),
      OpsModule.forRoot('things'),
    ],
    controllers: [ThingsController],
    providers: [Failures],
  })
  class ThingsModule {}
  return startServiceApp({ name: 'workorders', module: ThingsModule, bus, opsPort: 0, logger: createLogger('things', 'silent') });
}

describe('Idempotency-Key over a real NATS and Postgres', () => {
  let stack: TestStack;
  let things: RunningService;
  const organizationId = '0e5b7c1a-3a4f-4b8e-9d2c-7f6a5b4c3d2e';
  const otherOrganizationId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

  beforeAll(async () => {
    stack = await startTestStack([]);
    things = await startThings(stack.envFor('workorders'));
  }, 60_000);
  afterAll(async () => {
    await things?.close();
    await stack?.teardown();
  });

  const create = (body: CreateThingDto, key?: string, organization = organizationId, timeoutMs?: number): Promise<ThingView> =>
    stack.rpc.request<ThingView>(ThingOperations.create.subject, body, testCaller(organization, key ? { idempotencyKey: key } : {}), timeoutMs);
  const count = async (organization = organizationId): Promise<number> =>
    (await stack.rpc.request<ThingCount>(ThingOperations.count.subject, {}, testCaller(organization))).count;
  const failure = (call: Promise<unknown>): Promise<RpcError> => call.then(() => Promise.reject(new Error('expected a failure')), (error: RpcError) => error);

  it('replays the stored answer for the same key and request, without running it again', async () => {
    const before = await count();
    const first = await create({ name: 'replay' }, 'key-replay');
    const again = await create({ name: 'replay' }, 'key-replay');
    expect(again).toEqual(first);
    expect(await count()).toBe(before + 1);
    // Without a key, a repeat does it again.
    await create({ name: 'replay' });
    expect(await count()).toBe(before + 2);
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED for the same key with another request, and keeps keys apart per organization', async () => {
    await create({ name: 'first' }, 'key-reused');
    const before = await count();
    const reused = await failure(create({ name: 'second' }, 'key-reused'));
    expect([reused.status, reused.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await count()).toBe(before);
    const elsewhere = await create({ name: 'second' }, 'key-reused', otherOrganizationId);
    expect(elsewhere.name).toBe('second');
  });

  it('lets a retry run again after the first attempt failed (only successes are stored)', async () => {
    const before = await count();
    const failed = await failure(create({ name: 'flaky', failFirst: true }, 'key-flaky'));
    expect(failed.status).toBe(409);
    const retried = await create({ name: 'flaky', failFirst: true }, 'key-flaky');
    expect(retried.name).toBe('flaky');
    expect(await count()).toBe(before + 1);
  });

  it('makes a retry of a call that timed out at the caller (504) answer what the first attempt stored, once', async () => {
    const before = await count();
    const timedOut = await failure(create({ name: 'late', delayMs: 600 }, 'key-late', organizationId, 150));
    expect(timedOut.status).toBe(504);
    // The retry arrives while the first attempt still runs: it waits for it instead of running twice.
    const retried = await create({ name: 'late', delayMs: 600 }, 'key-late');
    expect(retried.name).toBe('late');
    expect(await count()).toBe(before + 1);
    expect(await create({ name: 'late', delayMs: 600 }, 'key-late')).toEqual(retried);
  });

  it('answers concurrent retries with one result and a retry that cannot wait long enough with 503 and Retry-After', async () => {
    const before = await count();
    const attempts = await Promise.all([1, 2, 3].map(() => create({ name: 'together', delayMs: 300 }, 'key-together')));
    expect(new Set(attempts.map((attempt) => attempt.id)).size).toBe(1);
    expect(await count()).toBe(before + 1);

    const slow = create({ name: 'slow', delayMs: 2500 }, 'key-slow');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const busy = await failure(create({ name: 'slow', delayMs: 2500 }, 'key-slow'));
    expect([busy.status, busy.code, busy.body.details]).toEqual([503, 'IDEMPOTENCY_KEY_IN_USE', { retryAfterSeconds: 1 }]);
    const first = await slow;
    expect(await create({ name: 'slow', delayMs: 2500 }, 'key-slow')).toEqual(first);
    expect(await count()).toBe(before + 2);
  });

  it('refuses a malformed key sent on the bus (422) and ignores keys on safe operations', async () => {
    const malformed = await failure(create({ name: 'bad key' }, 'two words'));
    expect([malformed.status, malformed.code]).toEqual([422, 'VALIDATION_FAILED']);
    const counted = (key: string) => stack.rpc.request<ThingCount>(ThingOperations.count.subject, {}, testCaller(organizationId, { idempotencyKey: key }));
    const before = await counted('key-count');
    await create({ name: 'counted' });
    expect((await counted('key-count')).count).toBe(before.count + 1);
  });
});
