import { DynamicModule, Global, Module } from '@nestjs/common';
import { DatabaseModule } from '@quartier/db';
import { MessagingModule, OpsModule, OutboxRelayModule, busSettings } from '@quartier/messaging';
import { LeasingConfig } from './leasing.config';
import { LEASING_ENTITIES, LEASING_MIGRATIONS } from './leasing.schema';
import { LeasingCoreModule } from './modules/leasing.module';
import { InvoicesModule } from './modules/invoices/invoices.module';
import { PaymentsModule } from './modules/payments/payments.module';
import { UtilitiesModule } from './modules/utilities/utilities.module';
import { RENT_JOB_INTERVAL_MS } from './modules/rent/rent-job.scheduler';
import { LEASING_TIME_ZONE } from './modules/shared/today';

@Global()
@Module({})
class LeasingSettingsModule {
  static forRoot(config: LeasingConfig): DynamicModule {
    const providers = [
      { provide: LEASING_TIME_ZONE, useValue: config.LEASING_TIME_ZONE },
      { provide: RENT_JOB_INTERVAL_MS, useValue: config.RENT_JOB_INTERVAL_MS },
    ];
    return { module: LeasingSettingsModule, providers, exports: providers.map((provider) => provider.provide) };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: LeasingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LeasingSettingsModule.forRoot(config),
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          schema: 'leasing',
          entities: LEASING_ENTITIES,
          migrations: LEASING_MIGRATIONS,
          poolSize: config.DB_POOL_SIZE,
          migrateOnBoot: config.MIGRATE_ON_BOOT,
        }),
        MessagingModule.forRoot(busSettings(config, 'leasing')),
        OpsModule.forRoot('leasing'),
        OutboxRelayModule.forRoot({ intervalMs: config.OUTBOX_INTERVAL_MS }),
        LeasingCoreModule,
        PaymentsModule.forRoot({ secretKey: config.STRIPE_SECRET_KEY, webhookSecret: config.STRIPE_WEBHOOK_SECRET, apiUrl: config.STRIPE_API_URL }),
        UtilitiesModule,
        InvoicesModule.forRoot({
          mail: { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM },
          dueDays: config.INVOICE_DUE_DAYS,
          invoiceNinja: { url: config.INVOICE_NINJA_URL, token: config.INVOICE_NINJA_TOKEN },
        }),
      ],
    };
  }
}
