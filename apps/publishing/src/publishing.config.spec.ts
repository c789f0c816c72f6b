import { ConfigError, loadConfig } from '@quartier/config';
import { publishingConfigSpec } from './publishing.config';

describe('publishing configuration', () => {
  it('boots with documented defaults: no secrets key, no FTP servers, five attempts', () => {
    const config = loadConfig(publishingConfigSpec, {});
    expect(config).toMatchObject({
      MIGRATE_ON_BOOT: true,
      CHANNEL_SECRETS_KEY: undefined,
      JOB_MAX_ATTEMPTS: 5,
      JOB_BACKOFF_MS: 30_000,
      IMMOSCOUT24_API_URL: 'https://rest.immobilienscout24.de/restapi/api',
      IMMOWELT_FTP_URL: undefined,
      KLEINANZEIGEN_FTP_URL: undefined,
    });
    for (const variable of Object.values(publishingConfigSpec)) expect(variable.description.length).toBeGreaterThan(10);
  });

  it('refuses a short secrets key without printing it', () => {
    let error: unknown;
    try {
      loadConfig(publishingConfigSpec, { CHANNEL_SECRETS_KEY: 'short-key-123' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('CHANNEL_SECRETS_KEY');
    expect((error as ConfigError).message).not.toContain('short-key-123');
    expect(loadConfig(publishingConfigSpec, { CHANNEL_SECRETS_KEY: 'k'.repeat(32) }).CHANNEL_SECRETS_KEY).toBe('k'.repeat(32));
  });
});
