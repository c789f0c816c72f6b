import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { Logger } from 'pino';
import { MessagingModule, busSettings } from '@quartier/messaging';
import { DOMAIN_ROUTES } from './domain-routes';
import { GatewayConfig } from './gateway.config';
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
        MessagingModule.forRoot(busSettings(config, 'gateway')),
        PlatformModule.forRoot(config, logger),
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
