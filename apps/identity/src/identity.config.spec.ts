import { ConfigError, loadConfig } from '@quartier/config';
import { identityConfigSpec } from './identity.config';

function refusal(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(identityConfigSpec, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('identity configuration', () => {
  it('refuses to boot without a signing-key encryption secret, saying which variable to set', () => {
    expect(refusal({})).toContain('SIGNING_KEY_ENCRYPTION_SECRET is required');
  });

  it('refuses a short or empty secret without printing it', () => {
    const message = refusal({ SIGNING_KEY_ENCRYPTION_SECRET: 'short-secret-123' });
    expect(message).toContain('SIGNING_KEY_ENCRYPTION_SECRET=(hidden) must be at least 32 characters');
    expect(message).not.toContain('short-secret-123');
    expect(refusal({ SIGNING_KEY_ENCRYPTION_SECRET: '' })).toContain('SIGNING_KEY_ENCRYPTION_SECRET=(hidden) must be at least 32 characters');
  });

  it('boots with a secret of 32 characters', () => {
    expect(loadConfig(identityConfigSpec, { SIGNING_KEY_ENCRYPTION_SECRET: 's'.repeat(32) }).SIGNING_KEY_ENCRYPTION_SECRET).toBe('s'.repeat(32));
  });
});
