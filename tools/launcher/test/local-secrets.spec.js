const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { localSecrets, missingSecrets } = require('../local-secrets');

describe('local secrets for npm start', () => {
  it('creates a strong secret once, keeps it private and returns the same one next time', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quartier-secrets-'));
    const first = localSecrets(dir, ['CHANNEL_SECRETS_KEY']);
    expect(first.CHANNEL_SECRETS_KEY.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(path.join(dir, 'local-secrets.json')).mode & 0o777).toBe(0o600);
    expect(localSecrets(dir, ['CHANNEL_SECRETS_KEY'])).toEqual(first);
    const more = localSecrets(dir, ['CHANNEL_SECRETS_KEY', 'OTHER_KEY']);
    expect(more.CHANNEL_SECRETS_KEY).toBe(first.CHANNEL_SECRETS_KEY);
    expect(more.OTHER_KEY).not.toBe(first.CHANNEL_SECRETS_KEY);
    fs.rmSync(dir, { recursive: true });
  });

  it('generates a signing-key encryption secret when identity runs without one, and never replaces a set one', () => {
    expect(missingSecrets(['identity', 'portfolio', 'publishing', 'gateway'], {})).toEqual(['SIGNING_KEY_ENCRYPTION_SECRET', 'CHANNEL_SECRETS_KEY']);
    expect(missingSecrets(['identity', 'gateway'], { SIGNING_KEY_ENCRYPTION_SECRET: 'set-by-the-operator-0123456789abcdef' })).toEqual([]);
    expect(missingSecrets(['portfolio', 'gateway'], {})).toEqual([]);
  });
});
