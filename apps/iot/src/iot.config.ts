import { ConfigOf, bool, commonConfig, int, optionalStr, str } from '@quartier/config';

export const iotConfigSpec = {
  ...commonConfig,
  MIGRATE_ON_BOOT: bool('Apply pending iot migrations at boot (Helm runs them in a Job instead)', { default: 'true' }),
  MQTT_URL: str('MQTT broker URL (MQTT 5; mqtt:// or mqtts://)', { default: 'mqtt://127.0.0.1:1883' }),
  MQTT_USERNAME: optionalStr('MQTT username of the iot service'),
  MQTT_PASSWORD: optionalStr('MQTT password of the iot service', { secret: true }),
  MQTT_CLIENT_ID: str('MQTT client id of this service instance; fixed, so the broker keeps its persistent session (queued QoS 1 messages) across restarts. Give every replica its own.', {
    default: 'quartier-iot-0',
  }),
  MQTT_PREFIX: str('First level of every device topic: <MQTT_PREFIX>/<organizationId>/<deviceId>/telemetry|state|event|command|command/response', {
    default: 'quartier',
  }),
  MQTT_SESSION_EXPIRY_S: int('How long the broker keeps the persistent session (and queues QoS 1 messages) while the service is away, in seconds', {
    default: '604800',
    min: 60,
  }),
  MQTT_RECEIVE_MAXIMUM: int('QoS 1 messages the broker may send before ingestion acknowledges them (acknowledged once stored); with the broker queue, the backlog ingestion can fall behind by without the broker dropping messages', {
    default: '65535',
    min: 100,
    max: 65535,
  }),
  MQTT_SHARED_GROUP: optionalStr(
    'When set, subscribe through the shared subscription $share/<group>/… so replicas split the messages instead of each storing all of them. Each replica keeps its own MQTT_CLIENT_ID across restarts: the broker queues a dead replica\'s share in its session until it is back',
  ),
  HA_DISCOVERY_ENABLED: bool('Publish retained Home Assistant MQTT discovery configs for registered devices', { default: 'true' }),
  HA_DISCOVERY_PREFIX: str('Home Assistant MQTT discovery prefix', { default: 'homeassistant' }),
  INGEST_BATCH_SIZE: int('Maximum MQTT messages written to Postgres in one batch', { default: '2000', min: 1, max: 50000 }),
  INGEST_FLUSH_MS: int('How long ingestion waits to fill a batch before writing it, in ms', { default: '20', min: 1, max: 10000 }),
  DEVICE_CACHE_TTL_MS: int('How long a device lookup (or a miss) is cached by ingestion, in ms', { default: '30000', min: 0 }),
  DEVICE_OFFLINE_AFTER_S: int('A device with no message for this many seconds is offline (raises an alert)', { default: '300', min: 1 }),
  OFFLINE_CHECK_INTERVAL_MS: int('How often offline devices, schedule rules and command timeouts are checked, in ms', {
    default: '10000',
    min: 100,
  }),
  COMMAND_TIMEOUT_MS: int('A command without a device response after this long is timed out, in ms', { default: '30000', min: 100 }),
};

export type IotConfig = ConfigOf<typeof iotConfigSpec>;
export const IOT_CONFIG = Symbol('IOT_CONFIG');
