import { Counter, Histogram } from 'prom-client';
import { Metrics } from '@quartier/observability';

export type MessageOutcome = 'accepted' | 'malformed' | 'unknown_device' | 'inactive_device';

/** Ingestion counters on the service's /metrics. */
export class IngestionMetrics {
  readonly messages: Counter<'channel' | 'outcome'>;
  readonly readings: Counter<string>;
  readonly redelivered: Counter<string>;
  readonly batchSeconds: Histogram<string>;

  constructor(metrics: Metrics) {
    this.messages = new Counter({
      name: 'quartier_iot_mqtt_messages_total',
      help: 'MQTT messages received, by channel and outcome (dropped ones are counted, never stored)',
      labelNames: ['channel', 'outcome'],
      registers: [metrics.registry],
    });
    this.readings = new Counter({ name: 'quartier_iot_readings_stored_total', help: 'Readings (one metric value each) stored', registers: [metrics.registry] });
    this.redelivered = new Counter({
      name: 'quartier_iot_readings_redelivered_total',
      help: 'Device-timestamped readings skipped because they were already stored (a broker redelivery)',
      registers: [metrics.registry],
    });
    this.batchSeconds = new Histogram({
      name: 'quartier_iot_ingest_batch_seconds',
      help: 'Time to store one ingestion batch',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [metrics.registry],
    });
  }
}
