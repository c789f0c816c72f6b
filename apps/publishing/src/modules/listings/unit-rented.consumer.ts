import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { DomainEvent } from '@quartier/contracts-shared';
import { LeaseEvent, LeaseLifecyclePayload } from '@quartier/contracts-leasing';
import { PortfolioEvent, UnitStatusChangedPayload } from '@quartier/contracts-portfolio';
import { DurableConsumer, NATS_CONNECTION } from '@quartier/messaging';
import { PUBLISHING_CONFIG, PublishingConfig } from '../../publishing.config';
import { ListingService } from './listing.service';

/** A unit that is rented (its lease activated, or portfolio marks it occupied) is no longer advertised anywhere. */
@Injectable()
export class UnitRentedConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: DurableConsumer;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(NATS_CONNECTION) connection: NatsConnection,
    @Inject(PUBLISHING_CONFIG) config: PublishingConfig,
    private readonly listings: ListingService,
  ) {
    this.consumer = new DurableConsumer(
      connection,
      dataSource,
      { prefix: config.NATS_PREFIX, name: 'publishing-unit-rented', eventTypes: [LeaseEvent.ACTIVATED, PortfolioEvent.UNIT_STATUS_CHANGED] },
      async (event, manager) => {
        const unitId = rentedUnit(event);
        if (unitId) await this.listings.withdrawForUnit(manager, event.organizationId, unitId, `unit rented (${event.type})`);
      },
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}

/** The unit an event says was rented, if it says so. */
export function rentedUnit(event: DomainEvent): string | null {
  if (event.type === LeaseEvent.ACTIVATED) return (event.payload as LeaseLifecyclePayload).unitId;
  if (event.type === PortfolioEvent.UNIT_STATUS_CHANGED) {
    const payload = event.payload as UnitStatusChangedPayload;
    return payload.toStatus === 'occupied' ? payload.unitId : null;
  }
  return null;
}
