import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource, EntityManager } from 'typeorm';
import { PortfolioEvent } from '@quartier/contracts-portfolio';
import { DomainEvent } from '@quartier/contracts-shared';
import { DurableConsumer, MESSAGING_OPTIONS, MessagingModuleOptions, NATS_CONNECTION } from '@quartier/messaging';
import { LeadScoringService } from './lead-scoring.service';

export const INVENTORY_EVENTS_CONSUMER = 'portfolio-contact-scores';

/**
 * A unit let, vacated or back from maintenance changes what the organization can offer: its lead
 * scores are recomputed right away, so grade changes are announced without waiting for a read.
 * Other inventory edits (new units, prices) emit no event; reads notice them by the fingerprint.
 */
@Injectable()
export class InventoryEventsConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('InventoryEvents');
  private readonly consumer: DurableConsumer;

  constructor(
    @Inject(NATS_CONNECTION) connection: NatsConnection,
    @Inject(MESSAGING_OPTIONS) options: MessagingModuleOptions,
    dataSource: DataSource,
    private readonly scoring: LeadScoringService,
  ) {
    this.consumer = new DurableConsumer(
      connection,
      dataSource,
      { prefix: options.prefix, name: INVENTORY_EVENTS_CONSUMER, eventTypes: [PortfolioEvent.UNIT_STATUS_CHANGED] },
      (event, manager) => this.apply(event, manager),
    );
  }

  onApplicationBootstrap(): Promise<void> {
    return this.consumer.start();
  }

  private async apply(event: DomainEvent, manager: EntityManager): Promise<void> {
    if (!UUID.test(String(event.organizationId))) {
      // Redelivering a malformed event cannot fix it.
      this.logger.warn(`${event.type} ${event.id} has no valid organizationId; ignored`);
      return;
    }
    await this.scoring.refreshStaleIn(manager, event.organizationId);
  }

  /** Stops before the database and NATS connections close, so no refresh is cut off halfway. */
  onModuleDestroy(): Promise<void> {
    return this.consumer.stop();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
