import { ConfigError, loadConfig } from '@quartier/config';
import { workordersConfigSpec } from './workorders.config';

describe('workorders configuration', () => {
  it('boots with documented defaults', () => {
    const config = loadConfig(workordersConfigSpec, {});
    expect(config).toMatchObject({
      MIGRATE_ON_BOOT: true,
      SLA_HOURS_EMERGENCY: 4,
      SLA_HOURS_HIGH: 24,
      SLA_HOURS_NORMAL: 72,
      SLA_HOURS_LOW: 168,
      DEFAULT_CURRENCY: 'EUR',
      OUTBOX_INTERVAL_MS: 200,
      ALERT_CONSUMER_ENABLED: true,
    });
    for (const variable of Object.values(workordersConfigSpec)) expect(variable.description.length).toBeGreaterThan(10);
  });

  it('rejects an SLA of zero hours', () => {
    expect(() => loadConfig(workordersConfigSpec, { SLA_HOURS_EMERGENCY: '0' })).toThrow(ConfigError);
  });
});
