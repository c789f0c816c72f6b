import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource, EntityManager } from 'typeorm';
import { LeaseEvent, LeaseLifecyclePayload } from '@quartier/contracts-leasing';
import { DomainEvent } from '@quartier/contracts-shared';
import { OrgScopedRepository } from '@quartier/db';
import { DurableConsumer, MESSAGING_OPTIONS, MessagingModuleOptions, NATS_CONNECTION } from '@quartier/messaging';
import { recordStatusChange } from '../units/unit-status.recorder';
import { UnitEntity } from '../units/unit.entity';
import { LEASE_EVENT_REASONS, occupancyAfter } from './lease-occupancy';

export const LEASE_EVENTS_CONSUMER = 'portfolio-lease-events';
export const LEASE_EVENTS_MAX_DELIVER = Symbol('LEASE_EVENTS_MAX_DELIVER');
/**
 * One wildcard filter instead of one per event type: servers before NATS 2.10 (like the local one)
 * reject `filter_subjects`; the handler ignores lease events other than activated/terminated/expired.
 */
const LEASE_EVENTS_FILTER = `${LeaseEvent.ACTIVATED.slice(0, LeaseEvent.ACTIVATED.lastIndexOf('.'))}.*`;

/**
 * Marks units occupied or vacant as their leases activate, end or expire. Durable and
 * inbox-idempotent: events published while portfolio is down are applied once when it returns.
 */
@Injectable()
export class LeaseEventsConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('LeaseEvents');
  private readonly consumer: DurableConsumer;

  constructor(
    @Inject(NATS_CONNECTION) connection: NatsConnection,
    @Inject(MESSAGING_OPTIONS) options: MessagingModuleOptions,
    @Inject(LEASE_EVENTS_MAX_DELIVER) maxDeliver: number,
    dataSource: DataSource,
  ) {
    this.consumer = new DurableConsumer(
      connection,
      dataSource,
      { prefix: options.prefix, name: LEASE_EVENTS_CONSUMER, eventTypes: [LEASE_EVENTS_FILTER], maxDeliver },
      (event, manager) => this.apply(event as DomainEvent<LeaseLifecyclePayload>, manager),
    );
  }

  onApplicationBootstrap(): Promise<void> {
    return this.consumer.start();
  }

  /** Stops before the database and NATS connections close, so no event is cut off halfway. */
  onModuleDestroy(): Promise<void> {
    return this.consumer.stop();
  }

  private async apply(event: DomainEvent<LeaseLifecyclePayload>, manager: EntityManager): Promise<void> {
    if (!isUuid(event.payload?.unitId) || !isUuid(event.payload?.leaseId) || !isUuid(event.organizationId)) {
      // Redelivering a malformed event cannot fix it.
      this.logger.warn(`${event.type} ${event.id} has no valid unitId/leaseId/organizationId; ignored`);
      return;
    }
    const units = new OrgScopedRepository(UnitEntity, manager);
    const unit = await units
      .query(event.organizationId, 'u')
      .andWhere('u.id = :id', { id: event.payload.unitId })
      .setLock('pessimistic_write')
      .getOne();
    if (!unit) {
      // Deleted since, or not this organization's: nothing to update, and retrying would not help.
      this.logger.warn(`${event.type} ${event.id} names unknown unit ${event.payload.unitId}; ignored`);
      return;
    }
    const next = occupancyAfter({ status: unit.status, leaseId: unit.currentLeaseId }, { type: event.type, leaseId: event.payload.leaseId });
    if (!next) return;
    if (next.status === unit.status) {
      // Same status, another lease (a renewal): only the link moves, no history entry.
      unit.currentLeaseId = next.leaseId;
      await units.save(unit.organizationId, unit);
      return;
    }
    await recordStatusChange(manager, unit, {
      to: next.status,
      leaseId: next.leaseId,
      source: 'lease_event',
      reason: `${LEASE_EVENT_REASONS[event.type]} (lease ${event.payload.leaseId})`,
      eventId: event.id,
    });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
