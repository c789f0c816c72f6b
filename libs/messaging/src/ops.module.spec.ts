import { Global, Module } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { NATS_CONNECTION } from './messaging.module';
import { OpsModule } from './ops.module';

/** Stand-ins for the database and NATS, switched up or down per test. */
const database = { up: true };
const nats = { up: true, closed: false };

@Global()
@Module({
  providers: [
    { provide: DataSource, useValue: { query: () => (database.up ? Promise.resolve([]) : Promise.reject(new Error('refused'))) } },
    {
      provide: NATS_CONNECTION,
      useValue: { isClosed: () => nats.closed, flush: () => (nats.up ? Promise.resolve() : Promise.reject(new Error('timeout'))) },
    },
  ],
  exports: [DataSource, NATS_CONNECTION],
})
class DependenciesModule {}

describe('OpsModule health', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [DependenciesModule, OpsModule.forRoot('ops-spec')] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());
  beforeEach(() => {
    database.up = true;
    Object.assign(nats, { up: true, closed: false });
  });

  const get = async (url: string): Promise<{ status: number; body: unknown }> => {
    const response = await app.inject({ method: 'GET', url });
    return { status: response.statusCode, body: response.json() };
  };

  it('is live without checking dependencies', async () => {
    database.up = false;
    expect(await get('/health/live')).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok' }) });
  });

  it('is ready with 200 when the database and NATS answer', async () => {
    expect(await get('/health/ready')).toEqual({
      status: 200,
      body: expect.objectContaining({ status: 'ok', details: { database: { status: 'up' }, nats: { status: 'up' } } }),
    });
  });

  it('answers 503 and names the dependency that is down', async () => {
    database.up = false;
    expect(await get('/health/ready')).toEqual({
      status: 503,
      body: expect.objectContaining({ status: 'error', error: { database: { status: 'down' } }, details: { database: { status: 'down' }, nats: { status: 'up' } } }),
    });
    database.up = true;
    nats.closed = true;
    expect(await get('/health/ready')).toMatchObject({ status: 503, body: { details: { database: { status: 'up' }, nats: { status: 'down' } } } });
    nats.closed = false;
    nats.up = false;
    expect(await get('/health/ready')).toMatchObject({ status: 503, body: { details: { nats: { status: 'down' } } } });
  });
});
