import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import mqtt, { IPublishPacket, MqttClient } from 'mqtt';
import { IOT_CONFIG, IotConfig } from '../../iot.config';

/** A received message; `ack()` sends its PUBACK once it is safely stored. */
export interface InboundMessage {
  topic: string;
  payload: Buffer;
  ack(): void;
}

export type MqttMessageHandler = (message: InboundMessage) => void;

/** CONNACK codes of a broker that does not speak the requested MQTT version (3.1.1 and 5). */
const REFUSED_PROTOCOL = new Set([1, 132]);

/** mqtt.js sends PUBACKs itself after handleMessage; this tells it the acknowledgement is ours. */
const ACK_DEFERRED = new Error('acknowledged after storage');

interface PacketSender {
  _sendPacket(packet: { cmd: 'puback'; messageId: number }, callback?: () => void): void;
}

/**
 * The service's one MQTT connection: MQTT 5 with a persistent session (clean start off, a
 * session expiry, a fixed client id), so the broker keeps QoS 1 messages while the service
 * restarts or crashes. A QoS 1 message is acknowledged only after ingestion has committed it;
 * a large Receive Maximum lets the broker keep sending meanwhile. The handler is attached
 * before connecting: the broker redelivers unacknowledged messages right after CONNACK.
 */
@Injectable()
export class MqttClientService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Mqtt');
  private client?: MqttClient;
  private handler?: MqttMessageHandler;
  private topics: string[] = [];
  private retired: string[] = [];
  /** Bumped on every (re)connect: a PUBACK belongs to the connection that received the message. */
  private connection = 0;

  constructor(@Inject(IOT_CONFIG) private readonly config: IotConfig) {}

  /**
   * Registers the single inbound handler and the QoS 1 subscriptions (before bootstrap).
   * `retired` are subscriptions a persistent session may still hold from an earlier setting
   * (shared group on or off): left in place they would deliver every message a second time.
   */
  listen(topics: string[], handler: MqttMessageHandler, retired: string[] = []): void {
    this.topics = topics;
    this.retired = retired;
    this.handler = handler;
  }

  async onApplicationBootstrap(): Promise<void> {
    const client = await this.connect(5).catch(async (error: Error & { code?: number }) => {
      if (!REFUSED_PROTOCOL.has(error.code ?? 0)) throw error;
      // aedes (the launcher's fallback broker) speaks MQTT 3.1.1 only.
      if (this.config.MQTT_SHARED_GROUP) throw new Error('MQTT_SHARED_GROUP needs an MQTT 5 broker; this one refused MQTT 5');
      this.logger.warn('The MQTT broker refused MQTT 5: using 3.1.1 (the session never expires, no receive maximum)');
      return this.connect(4);
    });
    if (this.topics.length > 0) {
      await client.subscribeAsync(Object.fromEntries(this.topics.map((topic) => [topic, { qos: 1 as const }])));
    }
    if (this.retired.length > 0) await client.unsubscribeAsync(this.retired);
  }

  /** Connects with a persistent session; the handler is in place before the broker redelivers. */
  private async connect(protocolVersion: 4 | 5): Promise<MqttClient> {
    const client = mqtt.connect(this.config.MQTT_URL, {
      clientId: this.config.MQTT_CLIENT_ID,
      clean: false,
      protocolVersion,
      properties: protocolVersion === 5 ? { sessionExpiryInterval: this.config.MQTT_SESSION_EXPIRY_S, receiveMaximum: this.config.MQTT_RECEIVE_MAXIMUM } : undefined,
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
      username: this.config.MQTT_USERNAME,
      password: this.config.MQTT_PASSWORD,
    });
    client.handleMessage = (packet, callback) => this.receive(client, packet, callback);
    // Counted at CONNACK, not on 'connect': mqtt.js emits that only after flushing its outgoing
    // store, and the broker's redeliveries can arrive in between.
    client.on('packetreceive', (packet) => {
      if (packet.cmd === 'connack') this.connection += 1;
    });
    client.on('offline', () => this.logger.warn('MQTT broker unreachable, reconnecting'));
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error): void => {
        client.end(true);
        reject(error);
      };
      client.once('error', onError);
      client.once('connect', () => {
        client.off('error', onError);
        resolve();
      });
    });
    client.on('error', (error) => this.logger.warn(`MQTT error: ${error.message}`));
    this.client = client;
    return client;
  }

  private receive(client: MqttClient, packet: IPublishPacket, callback: (error?: Error) => void): void {
    const { messageId, qos } = packet;
    const connection = this.connection;
    const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
    const ack = (): void => {
      // After a reconnect the broker redelivers the message itself; storage is idempotent.
      if (qos !== 1 || messageId === undefined || connection !== this.connection || !client.connected) return;
      (client as unknown as PacketSender)._sendPacket({ cmd: 'puback', messageId }, () => undefined);
    };
    this.handler?.({ topic: packet.topic, payload, ack });
    callback(qos === 1 ? ACK_DEFERRED : undefined);
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

  /** Disconnects; the session stays on the broker, which redelivers what was not acknowledged. */
  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.endAsync();
  }
}
