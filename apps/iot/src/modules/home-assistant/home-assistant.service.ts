import { Inject, Injectable, Logger } from '@nestjs/common';
import { IOT_CONFIG, IotConfig } from '../../iot.config';
import { MqttClientService } from '../mqtt/mqtt-client.service';
import { DiscoveryDevice, discoveryMessages } from './discovery';

/** Publishes retained discovery configs and clears them (empty retained payload) when no longer wanted. */
@Injectable()
export class HomeAssistantService {
  private readonly logger = new Logger('HomeAssistant');

  constructor(
    @Inject(IOT_CONFIG) private readonly config: IotConfig,
    private readonly mqtt: MqttClientService,
  ) {}

  /** Publishes the device's configs, removes the ones it no longer has; returns the topics now published. */
  async announce(device: DiscoveryDevice, previousTopics: string[]): Promise<string[]> {
    if (!this.config.HA_DISCOVERY_ENABLED) return [];
    const messages = discoveryMessages(device, { discoveryPrefix: this.config.HA_DISCOVERY_PREFIX, mqttPrefix: this.config.MQTT_PREFIX });
    const topics = messages.map((message) => message.topic);
    await this.remove(previousTopics.filter((topic) => !topics.includes(topic)));
    await Promise.all(messages.map((message) => this.mqtt.publish(message.topic, JSON.stringify(message.payload), { retain: true })));
    return topics;
  }

  async remove(topics: string[]): Promise<void> {
    await Promise.all(topics.map((topic) => this.mqtt.publish(topic, '', { retain: true }))).catch((error: Error) =>
      this.logger.warn(`Could not remove discovery configs: ${error.message}`),
    );
  }
}
