import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule } from '@quartier/db';
import { MessagingModule, OpsModule, busSettings } from '@quartier/messaging';
import { ChannelsModule } from './modules/channels/channels.module';
import { EventsModule } from './modules/events/events.module';
import { FeedsModule } from './modules/feeds/feeds.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { ListingsModule } from './modules/listings/listings.module';
import { PUBLISHING_CONFIG, PublishingConfig } from './publishing.config';
import { PUBLISHING_ENTITIES, PUBLISHING_MIGRATIONS, PUBLISHING_SCHEMA } from './publishing.schema';

@Module({})
export class AppModule {
  static forRoot(config: PublishingConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          schema: PUBLISHING_SCHEMA,
          entities: PUBLISHING_ENTITIES,
          migrations: PUBLISHING_MIGRATIONS,
          poolSize: config.DB_POOL_SIZE,
          migrateOnBoot: config.MIGRATE_ON_BOOT,
        }),
        MessagingModule.forRoot(busSettings(config, 'publishing')),
        OpsModule.forRoot('publishing'),
        ChannelsModule,
        ListingsModule,
        FeedsModule,
        JobsModule,
        EventsModule,
      ],
      providers: [{ provide: PUBLISHING_CONFIG, useValue: config }],
      exports: [PUBLISHING_CONFIG],
    };
  }
}
