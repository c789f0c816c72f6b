import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { NatsConnection } from 'nats';
import { Public } from '@quartier/auth';
import { IdentitySubjects } from '@quartier/contracts-identity';
import { AiSubjects } from '@quartier/contracts-ai';
import { IotSubjects } from '@quartier/contracts-iot';
import { LeasingSubjects } from '@quartier/contracts-leasing';
import { PortfolioSubjects } from '@quartier/contracts-portfolio';
import { ListingSubjects } from '@quartier/contracts-publishing';
import { ValuationSubjects } from '@quartier/contracts-valuation';
import { WorkOrderSubjects } from '@quartier/contracts-workorders';
import { CommonErrorCode } from '@quartier/contracts-shared';
import { NATS_CONNECTION, RpcClient } from '@quartier/messaging';
import { Metrics } from '@quartier/observability';
import { GatewayConfig } from '../../gateway.config';
import { ApiOpsProblems } from '../../platform/api-docs';
import { GATEWAY_CONFIG } from '../../platform/platform.module';
import { ProblemException } from '../../platform/problem';
import { DependencyState, HealthReport, healthReport, isAnswer } from './health.checks';

/** A cheap request each service answers without touching much: proof that it is serving. */
const PROBES: Record<string, string> = {
  identity: IdentitySubjects.authJwks,
  portfolio: PortfolioSubjects.usageGet,
  leasing: LeasingSubjects.tenantsList,
  workorders: WorkOrderSubjects.list,
  iot: IotSubjects.devicesList,
  valuation: ValuationSubjects.list,
  publishing: ListingSubjects.list,
  ai: AiSubjects.sourcesList,
};

/** Without these no request can be served; any other service down only degrades the API. */
const CRITICAL = ['nats', 'identity'] as const;

@ApiTags('ops')
@Public()
@Controller()
export class HealthController {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly rpc: RpcClient,
    private readonly metrics: Metrics,
  ) {}

  @Get('health')
  @ApiOperation({
    summary:
      'Health of the gateway and its dependencies. 200 `ok`, or `degraded` while a domain service (portfolio, leasing, workorders, iot, valuation, publishing, ai) is down and only its routes fail; 503 when NATS or identity is down',
  })
  @ApiOkResponse({
    schema: { example: { status: 'degraded', checks: { nats: 'up', identity: 'up', portfolio: 'up', leasing: 'up', workorders: 'up', iot: 'down', valuation: 'up', publishing: 'up', ai: 'up' } } },
  })
  @ApiOpsProblems(503)
  async health(): Promise<HealthReport> {
    const nats: DependencyState = this.nats.isClosed() ? 'down' : await this.nats.flush().then(() => 'up' as const, () => 'down' as const);
    const services = await Promise.all(
      Object.entries(PROBES).map(async ([name, subject]) => [name, await this.probe(subject)] as const),
    );
    const report = healthReport({ nats, ...Object.fromEntries(services) }, CRITICAL);
    if (report.status === 'down') {
      const down = Object.keys(report.checks).filter((name) => report.checks[name] !== 'up');
      throw new ProblemException(503, CommonErrorCode.SERVICE_UNAVAILABLE, `Unavailable: ${down.join(', ')}`, [], { ...report });
    }
    return report;
  }

  @Get('metrics')
  @ApiOperation({ summary: 'Prometheus metrics (HTTP request histogram, process metrics)' })
  @ApiProduces('text/plain')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  metricsText(): Promise<string> {
    return this.metrics.render();
  }

  private async probe(subject: string): Promise<DependencyState> {
    try {
      await this.rpc.request(subject, {}, { requestId: 'gateway-health', roles: [], scopes: [] }, this.config.HEALTH_TIMEOUT_MS);
      return 'up';
    } catch (error) {
      return isAnswer(error) ? 'up' : 'down';
    }
  }
}
