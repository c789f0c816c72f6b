import { Controller, DynamicModule, Get, Global, Header, Inject, Module, ServiceUnavailableException } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { Metrics } from '@quartier/observability';
import { NATS_CONNECTION } from './messaging.module';

@Controller('health')
class HealthController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
  ) {}

  @Get('live')
  live(): { status: string } {
    return { status: 'ok' };
  }

  /** Ready when both the database and NATS answer. */
  @Get('ready')
  async ready(): Promise<{ status: string; checks: Record<string, string> }> {
    const database = await this.dataSource
      .query('SELECT 1')
      .then(() => 'up')
      .catch(() => 'down');
    const nats = this.connection.isClosed() ? 'down' : await this.connection.flush().then(() => 'up', () => 'down');
    const checks = { database, nats };
    if (database !== 'up' || nats !== 'up') throw new ServiceUnavailableException({ status: 'down', checks });
    return { status: 'ok', checks };
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
      controllers: [HealthController, MetricsController],
      providers: [{ provide: Metrics, useValue: new Metrics(service) }],
      exports: [Metrics],
    };
  }
}
