import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { LeaseEvent, LeaseLifecyclePayload, LeaseOperations, LeaseView, TenantOperations } from '@quartier/contracts-leasing';
import { AnyOperation, DomainEvent, OrgCaller, RequestOf, ResponseOf } from '@quartier/contracts-shared';
import { InboxEntity, OutboxEntity } from '@quartier/db';
import { DurableConsumer, OperationClient } from '@quartier/messaging';
import { TestStack, startTestStack, testCaller, waitFor } from '@quartier/testing';
import { leasingService } from '../src/leasing.service-app';
import { fakePortfolioUnits } from './support';

/**
 * Lease events reach a durable consumer (standing in for portfolio's, which cannot be imported
 * here) exactly once and in order, including those published while the consumer was down and
 * across a restart of leasing.
 */
describe('leasing: lease lifecycle events on JetStream', () => {
  let stack: TestStack;
  let dataSource: DataSource;
  const owner: OrgCaller = testCaller(randomUUID());
  const units = new Map<string, { propertyId: string }>();
  const received: DomainEvent<LeaseLifecyclePayload>[] = [];

  beforeAll(async () => {
    stack = await startTestStack([], { RENT_JOB_INTERVAL_MS: '0', OUTBOX_INTERVAL_MS: '50' });
    fakePortfolioUnits(stack.nats, stack.prefix, units);
    await stack.start(leasingService);
    // The consumer records handled ids in an inbox table; leasing's own schema has one.
    dataSource = await new DataSource({
      type: 'postgres',
      url: stack.env.DATABASE_URL,
      schema: 'leasing',
      entities: [OutboxEntity, InboxEntity],
      extra: { options: '-c search_path=leasing' },
    }).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await stack.teardown();
  });

  const call = <Operation extends AnyOperation>(operation: Operation, payload: RequestOf<Operation>): Promise<ResponseOf<Operation>> =>
    new OperationClient(stack.rpc).send(operation, payload, owner);
  // One wildcard filter: this NATS server predates multiple filter subjects.
  const consumer = () =>
    new DurableConsumer(
      stack.nats,
      dataSource,
      { prefix: stack.prefix, name: 'portfolio-stand-in', eventTypes: ['leasing.lease.>'] },
      async (event) => {
        received.push(event as DomainEvent<LeaseLifecyclePayload>);
      },
    );

  async function activeLease(email: string): Promise<LeaseView> {
    const tenant = await call(TenantOperations.create, { firstName: 'E', lastName: 'V', email });
    const unitId = randomUUID();
    units.set(unitId, { propertyId: randomUUID() });
    const lease = await call(LeaseOperations.create, { unitId, tenantId: tenant.id, startDate: '2026-01-01', endDate: '2027-12-31', coldRentCents: 1 });
    return call(LeaseOperations.activate, { id: lease.id });
  }

  it('delivers events published while the consumer was down, after a leasing restart, once each and in order', async () => {
    const first = consumer();
    await first.start();
    const a = await activeLease('a@example.com');
    await waitFor(() => received.length === 1);
    await first.stop();

    await call(LeaseOperations.terminate, { id: a.id, date: '2026-06-30', reason: 'moving' });
    await stack.stop('leasing');
    await stack.start(leasingService);
    const b = await activeLease('b@example.com');

    const second = consumer();
    await second.start();
    await waitFor(() => received.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await second.stop();

    expect(received.map((event) => [event.type, event.payload.leaseId])).toEqual([
      [LeaseEvent.ACTIVATED, a.id],
      [LeaseEvent.TERMINATED, a.id],
      [LeaseEvent.ACTIVATED, b.id],
    ]);
    expect(received[1].payload).toMatchObject({ unitId: a.unitId, endDate: '2026-06-30' });
    expect(received.every((event) => event.organizationId === owner.organizationId)).toBe(true);
    const [{ pending }] = await dataSource.query('SELECT count(*)::int AS pending FROM outbox WHERE published_at IS NULL');
    expect(pending).toBe(0);
  });
});
