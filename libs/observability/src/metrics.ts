import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One Prometheus registry per process, with default Node metrics and the RPC/HTTP histograms. */
export class Metrics {
  readonly registry = new Registry();
  readonly rpcDuration: Histogram<'subject' | 'outcome'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly eventsHandled: Counter<'subject' | 'outcome'>;
  readonly rpcDropped: Counter<'subject' | 'reason'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.rpcDuration = new Histogram({
      name: 'quartier_rpc_duration_seconds',
      help: 'Duration of NATS request handlers',
      labelNames: ['subject', 'outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.httpDuration = new Histogram({
      name: 'quartier_http_request_duration_seconds',
      help: 'Duration of HTTP requests',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.eventsHandled = new Counter({
      name: 'quartier_events_handled_total',
      help: 'Domain events handled by durable consumers',
      labelNames: ['subject', 'outcome'],
      registers: [this.registry],
    });
    this.rpcDropped = new Counter({
      name: 'quartier_rpc_dropped_total',
      help: 'NATS requests dropped before their handler ran (reason deadline: the caller had already given up)',
      labelNames: ['subject', 'reason'],
      registers: [this.registry],
    });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
