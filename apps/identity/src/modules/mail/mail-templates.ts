import { Role } from '@quartier/contracts-shared';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** `<base>/<page>?token=…`, whatever trailing slash the configured base has. */
export function appLink(baseUrl: string, page: string, token: string): string {
  const url = new URL(page, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  url.searchParams.set('token', token);
  return url.toString();
}

/** `anna@example.de` → `a***@example.de`: enough to tell mails apart in logs. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at > 0 ? `${email[0]}***${email.slice(at)}` : '***';
}

export function passwordResetMail(to: string, link: string, ttlMinutes: number): Mail {
  return {
    to,
    subject: 'Reset your Quartier password',
    text: [
      'Someone asked to reset the password of your Quartier account.',
      '',
      `Choose a new password here (the link works once, for ${ttlMinutes} minutes):`,
      link,
      '',
      'If it was not you, ignore this mail: your password stays as it is.',
    ].join('\n'),
  };
}

export function invitationMail(to: string, invite: { organizationName: string; inviterName: string; role: Role; link: string; expiresAt: Date }): Mail {
  return {
    to,
    subject: `${invite.inviterName} invited you to ${invite.organizationName} on Quartier`,
    text: [
      `${invite.inviterName} invited you to join ${invite.organizationName} on Quartier as ${invite.role}.`,
      '',
      'Accept the invitation here (the link works once):',
      invite.link,
      '',
      `The invitation expires on ${invite.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    ].join('\n'),
  };
}
