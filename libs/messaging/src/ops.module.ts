import { Controller, DynamicModule, Get, Global, Header, Inject, Module } from '@nestjs/common';
import { HealthCheckResult, HealthCheckService, HealthIndicatorResult, HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { Metrics } from '@quartier/observability';
import { NATS_CONNECTION } from './messaging.module';

@Controller('health')
class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
  ) {}

  /** The process answers; no dependency is checked, so a database outage never restarts pods. */
  @Get('live')
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** Ready (200) when both the database and NATS answer, 503 otherwise and while shutting down. */
  @Get('ready')
  ready(): Promise<HealthCheckResult> {
    return this.health.check([() => this.database(), () => this.nats()]);
  }

  private async database(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('database');
    return this.dataSource.query('SELECT 1').then(
      () => check.up(),
      () => check.down(),
    );
  }

  private async nats(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('nats');
    if (this.connection.isClosed()) return check.down();
    return this.connection.flush().then(
      () => check.up(),
      () => check.down(),
    );
  }
}

@Controller('metrics')
class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  render(): Promise<string> {
    return this.metrics.render();
  }
}

/** The ops HTTP port of a domain service: liveness, readiness and Prometheus metrics. */
@Global()
@Module({})
export class OpsModule {
  static forRoot(service: string): DynamicModule {
    return {
      module: OpsModule,
      imports: [TerminusModule.forRoot()],
      controllers: [HealthController, MetricsController],
      providers: [{ provide: Metrics, useValue: new Metrics(service) }],
      exports: [Metrics],
    };
  }
}
