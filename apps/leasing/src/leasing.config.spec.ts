import { ConfigError, loadConfig } from '@quartier/config';
import { leasingConfigSpec } from './leasing.config';

describe('leasing configuration', () => {
  it('has working defaults: Berlin time, hourly rent job, integrations off', () => {
    const config = loadConfig(leasingConfigSpec, {});
    expect(config).toMatchObject({ LEASING_TIME_ZONE: 'Europe/Berlin', RENT_JOB_INTERVAL_MS: 3_600_000, MIGRATE_ON_BOOT: true, INVOICE_DUE_DAYS: 14 });
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.STRIPE_SECRET_KEY).toBeUndefined();
    expect(config.INVOICE_NINJA_URL).toBeUndefined();
  });

  it('refuses an unknown time zone at boot and never prints the Stripe key', () => {
    expect(() => loadConfig(leasingConfigSpec, { LEASING_TIME_ZONE: 'Mars/Olympus' })).toThrow(ConfigError);
    expect(() => loadConfig(leasingConfigSpec, { LEASING_TIME_ZONE: 'Mars/Olympus' })).toThrow('IANA time zone');
    const problem = (() => {
      try {
        loadConfig(leasingConfigSpec, { STRIPE_SECRET_KEY: 'sk_live_secret', RENT_JOB_INTERVAL_MS: '-1' });
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    })();
    expect(problem).toContain('RENT_JOB_INTERVAL_MS');
    expect(problem).not.toContain('sk_live_secret');
  });
});
