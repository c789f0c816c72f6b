import { SecretBoxError, openSecrets, sealSecrets } from './secret-box';

const KEY = 'k'.repeat(40);

describe('secret box', () => {
  it('round-trips secrets without any of them readable in what is stored', () => {
    const sealed = sealSecrets({ accessToken: 'EAAB-very-secret', consumerSecret: 'cs-123' }, KEY, 'org-1/facebook');
    expect(sealed).not.toContain('very-secret');
    expect(sealed).not.toContain('cs-123');
    expect(openSecrets(sealed, KEY, 'org-1/facebook')).toEqual({ accessToken: 'EAAB-very-secret', consumerSecret: 'cs-123' });
    expect(sealSecrets({ a: 'b' }, KEY, 'x')).not.toBe(sealSecrets({ a: 'b' }, KEY, 'x'));
  });

  it('refuses another key or secrets copied to another organization, naming no secret', () => {
    const sealed = sealSecrets({ accessToken: 'tok-abc' }, KEY, 'org-1/linkedin');
    expect(() => openSecrets(sealed, 'z'.repeat(40), 'org-1/linkedin')).toThrow(SecretBoxError);
    expect(() => openSecrets(sealed, KEY, 'org-2/linkedin')).toThrow(/CHANNEL_SECRETS_KEY differs/);
  });
});
