import { ConfigOf, bool, commonConfig, int, str } from '@quartier/config';

export const workordersConfigSpec = {
  ...commonConfig,
  MIGRATE_ON_BOOT: bool('Apply pending workorders migrations at boot (the Helm Job runs them instead when false)', { default: 'true' }),
  SLA_HOURS_EMERGENCY: int('Hours from creation until an emergency work order is due', { default: '4', min: 1 }),
  SLA_HOURS_HIGH: int('Hours from creation until a high-priority work order is due', { default: '24', min: 1 }),
  SLA_HOURS_NORMAL: int('Hours from creation until a normal-priority work order is due', { default: '72', min: 1 }),
  SLA_HOURS_LOW: int('Hours from creation until a low-priority work order is due', { default: '168', min: 1 }),
  DEFAULT_CURRENCY: str('ISO 4217 currency of work order and contractor amounts when a request names none', { default: 'EUR' }),
  OUTBOX_INTERVAL_MS: int('How often the outbox relay publishes pending work order events, in ms', { default: '200', min: 10 }),
  ALERT_CONSUMER_ENABLED: bool("Open work orders from iot alerts (severity high or critical naming a unit) and from automation rules' work-order requests", { default: 'true' }),
};

export type WorkordersConfig = ConfigOf<typeof workordersConfigSpec>;

/** Injection token of the loaded configuration. */
export const WORKORDERS_CONFIG = Symbol('WORKORDERS_CONFIG');
