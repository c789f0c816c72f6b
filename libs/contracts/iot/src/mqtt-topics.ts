/**
 * MQTT topics of a device: `<prefix>/<organizationId>/<deviceId>/<channel>`. Devices publish
 * telemetry, state and event, listen on command and answer on command/response.
 */
export const DEVICE_CHANNELS = ['telemetry', 'state', 'event', 'command/response'] as const;
export type DeviceChannel = (typeof DEVICE_CHANNELS)[number];

export interface DeviceTopics {
  telemetry: string;
  state: string;
  event: string;
  command: string;
  commandResponse: string;
}

export function deviceTopics(prefix: string, organizationId: string, deviceId: string): DeviceTopics {
  const base = `${prefix}/${organizationId}/${deviceId}`;
  return {
    telemetry: `${base}/telemetry`,
    state: `${base}/state`,
    event: `${base}/event`,
    command: `${base}/command`,
    commandResponse: `${base}/command/response`,
  };
}

export interface ParsedDeviceTopic {
  organizationId: string;
  deviceId: string;
  channel: DeviceChannel;
}

/** Splits an incoming topic; undefined when it is not one of ours. */
export function parseDeviceTopic(prefix: string, topic: string): ParsedDeviceTopic | undefined {
  if (!topic.startsWith(`${prefix}/`)) return undefined;
  const parts = topic.slice(prefix.length + 1).split('/');
  if (parts.length < 3) return undefined;
  const [organizationId, deviceId, ...rest] = parts;
  const channel = rest.join('/');
  if (!(DEVICE_CHANNELS as readonly string[]).includes(channel)) return undefined;
  return { organizationId, deviceId, channel: channel as DeviceChannel };
}
