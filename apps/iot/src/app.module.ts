import { DynamicModule, Global, Module } from '@nestjs/common';
import { DatabaseModule, InboxEntity, OutboxEntity } from '@quartier/db';
import { MessagingModule, OpsModule, OutboxRelayModule, busSettings } from '@quartier/messaging';
import { IOT_CONFIG, IotConfig } from './iot.config';
import { IOT_ENTITIES, IOT_MIGRATIONS, IOT_SCHEMA } from './iot.schema';
import { AlertsModule } from './modules/alerts/alerts.module';
import { CommandsModule } from './modules/commands/commands.module';
import { DevicesModule } from './modules/devices/devices.module';
import { IngestionModule } from './modules/ingestion/ingestion.module';
import { MqttModule } from './modules/mqtt/mqtt.module';
import { ReadingsModule } from './modules/readings/readings.module';
import { RulesModule } from './modules/rules/rules.module';

@Global()
@Module({})
class IotConfigModule {
  static forRoot(config: IotConfig): DynamicModule {
    return { module: IotConfigModule, providers: [{ provide: IOT_CONFIG, useValue: config }], exports: [IOT_CONFIG] };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: IotConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        IotConfigModule.forRoot(config),
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          schema: IOT_SCHEMA,
          entities: [...IOT_ENTITIES, OutboxEntity, InboxEntity],
          migrations: IOT_MIGRATIONS,
          poolSize: config.DB_POOL_SIZE,
          migrateOnBoot: config.MIGRATE_ON_BOOT,
        }),
        MessagingModule.forRoot(busSettings(config, 'iot')),
        OpsModule.forRoot('iot'),
        OutboxRelayModule.forRoot(),
        MqttModule,
        DevicesModule,
        ReadingsModule,
        AlertsModule,
        CommandsModule,
        RulesModule,
        IngestionModule,
      ],
    };
  }
}
