import { appLink, invitationMail, maskEmail, passwordResetMail } from './mail-templates';

describe('mail templates', () => {
  it('builds links under the app base URL with the token as query parameter', () => {
    expect(appLink('https://app.example.de', 'reset-password', 'a+b/c')).toBe('https://app.example.de/reset-password?token=a%2Bb%2Fc');
    expect(appLink('https://example.de/quartier/', 'accept-invitation', 'tok')).toBe('https://example.de/quartier/accept-invitation?token=tok');
  });

  it('masks recipients for logs', () => {
    expect(maskEmail('anna@example.de')).toBe('a***@example.de');
    expect(maskEmail('broken')).toBe('***');
  });

  it('tells the reader how long a reset link works and names inviter, organization, role and expiry', () => {
    expect(passwordResetMail('a@b.de', 'https://x/reset-password?token=t', 30).text).toContain('for 30 minutes');
    const mail = invitationMail('b@b.de', {
      organizationName: 'Schmidt Hausverwaltung',
      inviterName: 'Anna',
      role: 'manager',
      link: 'https://x/accept-invitation?token=t',
      expiresAt: new Date('2026-12-12T09:30:00Z'),
    });
    expect(mail.subject).toBe('Anna invited you to Schmidt Hausverwaltung on Quartier');
    expect(mail.text).toContain('as manager');
    expect(mail.text).toContain('https://x/accept-invitation?token=t');
    expect(mail.text).toContain('2026-12-12 09:30 UTC');
  });
});
