import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule, InboxEntity, OutboxEntity } from '@quartier/db';
import { MessagingModule, OpsModule, OutboxRelayModule, busSettings } from '@quartier/messaging';
import { portfolioMigrations } from './migrations';
import { PORTFOLIO_ENTITIES, PORTFOLIO_SCHEMA } from './portfolio.entities';
import { PortfolioConfig } from './portfolio.config';
import { BuildingsModule } from './modules/buildings/buildings.module';
import { ContactsModule } from './modules/contacts/contacts.module';
import { DocumentsModule } from './modules/documents/documents.module';
import { LeaseEventsModule } from './modules/lease-events/lease-events.module';
import { PropertiesModule } from './modules/properties/properties.module';
import { UnitsModule } from './modules/units/units.module';
import { UsageModule } from './modules/usage/usage.module';

@Module({})
export class AppModule {
  static forRoot(config: PortfolioConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          schema: PORTFOLIO_SCHEMA,
          entities: [...PORTFOLIO_ENTITIES, OutboxEntity, InboxEntity],
          migrations: portfolioMigrations,
          poolSize: config.DB_POOL_SIZE,
          migrateOnBoot: config.MIGRATE_ON_BOOT,
        }),
        MessagingModule.forRoot(busSettings(config, 'portfolio')),
        OpsModule.forRoot('portfolio'),
        PropertiesModule,
        BuildingsModule,
        UnitsModule,
        UsageModule,
        ContactsModule,
        DocumentsModule.forRoot(config),
        LeaseEventsModule.forRoot(config.LEASE_EVENTS_MAX_DELIVER),
        OutboxRelayModule.forRoot(),
      ],
    };
  }
}
