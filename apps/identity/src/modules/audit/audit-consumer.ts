import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { AUDIT_RECORDED_EVENT } from '@quartier/contracts-shared';
import { DurableConsumer, MESSAGING_OPTIONS, MessagingModuleOptions, NATS_CONNECTION } from '@quartier/messaging';
import { AuditService } from './audit.service';

export const AUDIT_CONSUMER_NAME = 'identity-audit';

/** Stores the audit events the gateway publishes for every mutation. */
@Injectable()
export class AuditConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer?: DurableConsumer;

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new DurableConsumer(
      this.connection,
      this.dataSource,
      { prefix: this.options.prefix, name: AUDIT_CONSUMER_NAME, eventTypes: [AUDIT_RECORDED_EVENT] },
      (event, manager) => this.audit.record(event, manager),
    );
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
