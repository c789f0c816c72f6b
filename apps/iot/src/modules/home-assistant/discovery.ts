import { DeviceType, deviceTopics } from '@quartier/contracts-iot';

export interface DiscoveryDevice {
  id: string;
  organizationId: string;
  name: string;
  type: DeviceType;
  manufacturer: string | null;
  model: string | null;
  serialNumber: string | null;
  metrics: string[];
}

export interface DiscoveryMessage {
  topic: string;
  payload: Record<string, unknown>;
}

export interface DiscoveryOptions {
  discoveryPrefix: string;
  mqttPrefix: string;
}

/** Home Assistant component and state property of the device types it has a native entity for. */
const NATIVE: Partial<Record<DeviceType, { component: string; property: string; extra: (commandTopic: string) => Record<string, unknown> }>> = {
  lock: {
    component: 'lock',
    property: 'lock',
    extra: (commandTopic) => ({
      command_topic: commandTopic,
      payload_lock: JSON.stringify({ command: 'lock' }),
      payload_unlock: JSON.stringify({ command: 'unlock' }),
      state_locked: 'locked',
      state_unlocked: 'unlocked',
    }),
  },
  switch: {
    component: 'switch',
    property: 'power',
    extra: (commandTopic) => ({
      command_topic: commandTopic,
      payload_on: JSON.stringify({ command: 'turn_on' }),
      payload_off: JSON.stringify({ command: 'turn_off' }),
      state_on: 'on',
      state_off: 'off',
    }),
  },
  smoke_detector: { component: 'binary_sensor', property: 'alarm', extra: () => ({ device_class: 'smoke', payload_on: 'true', payload_off: 'false' }) },
  leak_sensor: { component: 'binary_sensor', property: 'alarm', extra: () => ({ device_class: 'moisture', payload_on: 'true', payload_off: 'false' }) },
};

/** Node ids allow letters, digits, `_` and `-` only. */
function nodeId(deviceId: string): string {
  return `quartier_${deviceId.replace(/-/g, '')}`;
}

/**
 * Retained discovery configs (https://www.home-assistant.io/integrations/mqtt/#mqtt-discovery):
 * one sensor per declared metric, read from the telemetry topic, plus the native entity of
 * locks, switches and alarm sensors, read from the state topic.
 */
export function discoveryMessages(device: DiscoveryDevice, options: DiscoveryOptions): DiscoveryMessage[] {
  const topics = deviceTopics(options.mqttPrefix, device.organizationId, device.id);
  const node = nodeId(device.id);
  const haDevice = {
    identifiers: [node],
    name: device.name,
    ...(device.manufacturer ? { manufacturer: device.manufacturer } : {}),
    ...(device.model ? { model: device.model } : {}),
    ...(device.serialNumber ? { serial_number: device.serialNumber } : {}),
  };
  const messages: DiscoveryMessage[] = device.metrics.map((metric) => ({
    topic: `${options.discoveryPrefix}/sensor/${node}/${metric}/config`,
    payload: {
      name: metric,
      unique_id: `${node}_${metric}`,
      state_topic: topics.telemetry,
      value_template: `{{ value_json.metrics.${metric} if value_json.metrics is defined else value_json.${metric} }}`,
      device: haDevice,
    },
  }));
  const native = NATIVE[device.type];
  if (native) {
    messages.push({
      topic: `${options.discoveryPrefix}/${native.component}/${node}/${native.property}/config`,
      payload: {
        name: device.name,
        unique_id: `${node}_${native.property}`,
        state_topic: topics.state,
        value_template: `{{ value_json.${native.property} }}`,
        device: haDevice,
        ...native.extra(topics.command),
      },
    });
  }
  return messages;
}
