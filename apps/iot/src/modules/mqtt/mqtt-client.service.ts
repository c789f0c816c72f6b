import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import mqtt, { MqttClient } from 'mqtt';
import { IOT_CONFIG, IotConfig } from '../../iot.config';

export type MqttMessageHandler = (topic: string, payload: Buffer) => void;

/**
 * The service's one MQTT connection: MQTT 3.1.1 with a persistent session (clean=false) and a
 * fixed client id, so the broker queues QoS 1 messages while the service restarts. The message
 * handler is attached before connecting: the broker delivers queued messages right after CONNACK.
 */
@Injectable()
export class MqttClientService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Mqtt');
  private client?: MqttClient;
  private handler?: MqttMessageHandler;
  private topics: string[] = [];

  constructor(@Inject(IOT_CONFIG) private readonly config: IotConfig) {}

  /** Registers the single inbound handler and the QoS 1 subscriptions (before bootstrap). */
  listen(topics: string[], handler: MqttMessageHandler): void {
    this.topics = topics;
    this.handler = handler;
  }

  async onApplicationBootstrap(): Promise<void> {
    const client = mqtt.connect(this.config.MQTT_URL, {
      clientId: this.config.MQTT_CLIENT_ID,
      clean: false,
      protocolVersion: 4,
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
      username: this.config.MQTT_USERNAME,
      password: this.config.MQTT_PASSWORD,
    });
    this.client = client;
    client.on('message', (topic, payload) => this.handler?.(topic, payload));
    client.on('error', (error) => this.logger.warn(`MQTT error: ${error.message}`));
    client.on('offline', () => this.logger.warn('MQTT broker unreachable, reconnecting'));
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      client.once('error', onError);
      client.once('connect', () => {
        client.off('error', onError);
        resolve();
      });
    });
    if (this.topics.length > 0) {
      await client.subscribeAsync(Object.fromEntries(this.topics.map((topic) => [topic, { qos: 1 as const }])));
    }
  }

  /**
   * Publishes with QoS 1; resolves once the broker has acknowledged it. While the broker is
   * unreachable mqtt.js keeps the message for later, so callers get an error after `timeoutMs`.
   */
  async publish(topic: string, payload: string, options: { retain?: boolean; timeoutMs?: number } = {}): Promise<void> {
    if (!this.client) throw new Error('MQTT is not connected yet');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`MQTT publish to ${topic} not acknowledged in time`)), options.timeoutMs ?? 5000);
    });
    try {
      await Promise.race([this.client.publishAsync(topic, payload, { qos: 1, retain: options.retain ?? false }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  /** Stops receiving; the session stays on the broker (called by ingestion before its last flush). */
  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.endAsync();
  }
}
