import { JSONCodec } from 'nats';
import { randomUUID } from 'node:crypto';
import { LeaseEvent, LeaseLifecyclePayload } from '@quartier/contracts-leasing';
import { PortfolioEvent, UnitOperations, UnitStatusChangedPayload } from '@quartier/contracts-portfolio';
import { DomainEvent, eventSubject } from '@quartier/contracts-shared';
import { publishEvent } from '@quartier/messaging';
import { TestStack, startTestStack } from '@quartier/testing';
import { portfolioService } from '../src/portfolio.service-app';
import { organization, send, startIdentityLimitsStub, waitFor } from './support';

function leaseEvent(type: string, organizationId: string, unitId: string): DomainEvent<LeaseLifecyclePayload> {
  return {
    id: randomUUID(),
    type,
    organizationId,
    occurredAt: new Date().toISOString(),
    payload: { leaseId: randomUUID(), unitId, tenantId: randomUUID(), startDate: '2026-01-01', endDate: '2026-12-31' },
  };
}

describe('portfolio consumes lease events', () => {
  let stack: TestStack;
  let identity: ReturnType<typeof startIdentityLimitsStub>;

  beforeAll(async () => {
    stack = await startTestStack([]);
    identity = startIdentityLimitsStub(stack.nats, stack.prefix);
    await stack.start(portfolioService);
  });
  afterAll(async () => {
    identity.stop();
    await stack.teardown();
  });

  it('marks the unit occupied and vacant, once per event, even across a restart of portfolio', async () => {
    const org = organization(stack);
    const unit = await org.unit((await org.building((await org.property()).id)).id);
    const statusEvents: DomainEvent<UnitStatusChangedPayload>[] = [];
    const subscription = stack.nats.subscribe(eventSubject(stack.prefix, PortfolioEvent.UNIT_STATUS_CHANGED), {
      callback: (_error, message) => statusEvents.push(JSONCodec<DomainEvent<UnitStatusChangedPayload>>().decode(message.data)),
    });
    const getUnit = () => send(stack, UnitOperations.get, { id: unit.id }, org.caller);
    const history = () => send(stack, UnitOperations.history, { id: unit.id }, org.caller);

    const activated = leaseEvent(LeaseEvent.ACTIVATED, org.id, unit.id);
    await publishEvent(stack.nats, stack.prefix, activated);
    expect(await waitFor(getUnit, (u) => u.status === 'occupied')).toMatchObject({ currentLeaseId: activated.payload.leaseId });
    const afterActivation = await history();
    expect(afterActivation.items[0]).toMatchObject({ fromStatus: 'vacant', toStatus: 'occupied', source: 'lease_event', eventId: activated.id });
    expect(afterActivation.items[0].reason).toContain(activated.payload.leaseId);

    // A redelivery of the same event (new message id, so JetStream does not dedupe it) changes nothing.
    await stack.nats.jetstream().publish(eventSubject(stack.prefix, activated.type), JSONCodec().encode(activated), { msgID: randomUUID() });

    await stack.stop('portfolio');
    const terminated = { ...leaseEvent(LeaseEvent.TERMINATED, org.id, unit.id), payload: activated.payload };
    await publishEvent(stack.nats, stack.prefix, terminated);
    await stack.start(portfolioService);

    expect(await waitFor(getUnit, (u) => u.status === 'vacant')).toMatchObject({ currentLeaseId: null });
    const finalHistory = await history();
    expect(finalHistory.items.map((h) => [h.toStatus, h.source, h.eventId])).toEqual([
      ['vacant', 'lease_event', terminated.id],
      ['occupied', 'lease_event', activated.id],
      ['vacant', 'created', null],
    ]);
    await waitFor(async () => statusEvents.length, (count) => count >= 2);
    expect(statusEvents.map((e) => [e.organizationId, e.payload.toStatus, e.payload.eventId])).toEqual([
      [org.id, 'occupied', activated.id],
      [org.id, 'vacant', terminated.id],
    ]);
    subscription.unsubscribe();
  });

  it('keeps a renewed unit occupied when the old lease ends after the new one activated', async () => {
    const org = organization(stack);
    const unit = await org.unit((await org.building((await org.property()).id)).id);
    const getUnit = () => send(stack, UnitOperations.get, { id: unit.id }, org.caller);
    const oldLease = leaseEvent(LeaseEvent.ACTIVATED, org.id, unit.id);
    const newLease = leaseEvent(LeaseEvent.ACTIVATED, org.id, unit.id);
    await publishEvent(stack.nats, stack.prefix, oldLease);
    await publishEvent(stack.nats, stack.prefix, newLease);
    await publishEvent(stack.nats, stack.prefix, { ...leaseEvent(LeaseEvent.EXPIRED, org.id, unit.id), payload: oldLease.payload });
    const marker = leaseEvent(LeaseEvent.ACTIVATED, org.id, unit.id);
    const other = await org.unit((await org.building((await org.property()).id)).id);
    await publishEvent(stack.nats, stack.prefix, { ...marker, payload: { ...marker.payload, unitId: other.id } });
    // Events are handled in order: once the marker on another unit is applied, so is the expiry.
    await waitFor(() => send(stack, UnitOperations.get, { id: other.id }, org.caller), (u) => u.status === 'occupied');
    expect(await getUnit()).toMatchObject({ status: 'occupied', currentLeaseId: newLease.payload.leaseId });

    await publishEvent(stack.nats, stack.prefix, { ...leaseEvent(LeaseEvent.TERMINATED, org.id, unit.id), payload: newLease.payload });
    expect(await waitFor(getUnit, (u) => u.status === 'vacant')).toMatchObject({ currentLeaseId: null });
    const history = await send(stack, UnitOperations.history, { id: unit.id }, org.caller);
    expect(history.items.map((h) => h.toStatus)).toEqual(['vacant', 'occupied', 'vacant']);
  });

  it("ignores events naming another organization's unit or a malformed one, and keeps consuming", async () => {
    const owner = organization(stack);
    const unit = await owner.unit((await owner.building((await owner.property()).id)).id);
    await publishEvent(stack.nats, stack.prefix, leaseEvent(LeaseEvent.ACTIVATED, randomUUID(), unit.id));
    await publishEvent(stack.nats, stack.prefix, leaseEvent(LeaseEvent.EXPIRED, owner.id, randomUUID()));
    await publishEvent(stack.nats, stack.prefix, leaseEvent(LeaseEvent.TERMINATED, owner.id, 'not-a-uuid'));
    const activated = leaseEvent(LeaseEvent.ACTIVATED, owner.id, unit.id);
    await publishEvent(stack.nats, stack.prefix, activated);
    const occupied = await waitFor(
      () => send(stack, UnitOperations.get, { id: unit.id }, owner.caller),
      (u) => u.status === 'occupied',
    );
    expect(occupied.status).toBe('occupied');
    const history = await send(stack, UnitOperations.history, { id: unit.id }, owner.caller);
    expect(history.items.map((h) => h.eventId)).toEqual([activated.id, null]);
  });
});
