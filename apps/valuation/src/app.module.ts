import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule } from '@quartier/db';
import { MessagingModule, OpsModule, busSettings } from '@quartier/messaging';
import { EventsModule } from './modules/events/events.module';
import { MarketDataModule } from './modules/market-data/market-data.module';
import { ModelsModule } from './modules/models/models.module';
import { ValuationsModule } from './modules/valuations/valuations.module';
import { VALUATION_CONFIG, ValuationConfig } from './valuation.config';
import { VALUATION_ENTITIES, VALUATION_MIGRATIONS, VALUATION_SCHEMA } from './valuation.schema';

@Module({})
export class AppModule {
  static forRoot(config: ValuationConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          schema: VALUATION_SCHEMA,
          entities: VALUATION_ENTITIES,
          migrations: VALUATION_MIGRATIONS,
          poolSize: config.DB_POOL_SIZE,
          migrateOnBoot: config.MIGRATE_ON_BOOT,
        }),
        MessagingModule.forRoot(busSettings(config, 'valuation')),
        OpsModule.forRoot('valuation'),
        MarketDataModule,
        ModelsModule,
        ValuationsModule,
        EventsModule,
      ],
      providers: [{ provide: VALUATION_CONFIG, useValue: config }],
      exports: [VALUATION_CONFIG],
    };
  }
}
