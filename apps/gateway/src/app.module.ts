import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { Logger } from 'pino';
import { DatabaseModule } from '@quartier/db';
import { MessagingModule, OutboxRelayModule, busSettings } from '@quartier/messaging';
import { DOMAIN_ROUTES } from './domain-routes';
import { GatewayConfig } from './gateway.config';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS, GATEWAY_SCHEMA } from './gateway.database';
import { HealthModule } from './modules/health/health.module';
import { PlatformModule } from './platform/platform.module';
import { ProblemFilter } from './platform/problem.filter';
import { RequestContextInterceptor } from './platform/request-context.interceptor';
import { edgeValidationPipe } from './platform/validation';
import { AccessGuard } from './security/access.guard';

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          schema: GATEWAY_SCHEMA,
          entities: GATEWAY_ENTITIES,
          migrations: GATEWAY_MIGRATIONS,
          poolSize: config.DB_POOL_SIZE,
          migrateOnBoot: config.MIGRATE_ON_BOOT,
        }),
        MessagingModule.forRoot(busSettings(config, 'gateway')),
        PlatformModule.forRoot(config, logger),
        // Audit events reach identity through the outbox, so a NATS outage loses none.
        OutboxRelayModule.forRoot(),
        HealthModule,
        ...DOMAIN_ROUTES,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useFactory: () => new ProblemFilter(logger) },
        { provide: APP_PIPE, useFactory: edgeValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
      ],
    };
  }
}
