import { ConfigOf, bool, commonConfig, int, list, oneOf, optionalStr, str } from '@quartier/config';
import { PLANS } from '@quartier/contracts-identity';

export const identityConfigSpec = {
  ...commonConfig,
  MIGRATE_ON_BOOT: bool('Apply pending identity migrations at boot (under an advisory lock); Helm runs them in a Job instead', {
    default: 'true',
  }),
  ACCESS_TOKEN_TTL_SECONDS: int('Lifetime of access tokens (ES256 JWT) in seconds', { default: '900', min: 1, max: 86_400 }),
  REFRESH_TOKEN_TTL_DAYS: int('Lifetime of refresh tokens in days (rotated on every use)', { default: '30', min: 1, max: 365 }),
  LOGIN_THROTTLE_AFTER_FAILURES: int('Failed logins of one email from one client address after which each further attempt from there must wait a growing delay', {
    default: '5',
    min: 1,
  }),
  LOGIN_THROTTLE_BASE_MS: int('First delay after LOGIN_THROTTLE_AFTER_FAILURES failures, in ms; doubles with each further failure up to LOGIN_THROTTLE_MAX_SECONDS', {
    default: '1000',
    min: 0,
  }),
  LOGIN_THROTTLE_MAX_SECONDS: int('Longest wait between login attempts of one email from one client address, in seconds (there is no lockout)', {
    default: '900',
    min: 1,
  }),
  LOGIN_THROTTLE_FORGET_HOURS: int('Hours without a failed login after which the failures of one email from one client address are forgotten', {
    default: '24',
    min: 1,
  }),
  SIGNING_KEY_ROTATION_DAYS: int('Days an access-token signing key signs before a new one takes over (the old one stays in the JWKS until its tokens expired)', {
    default: '30',
    min: 1,
    max: 3650,
  }),
  SIGNING_KEY_CHECK_SECONDS: int('How often each replica checks whether the signing key is due and picks up a key rotated elsewhere, in seconds', {
    default: '60',
    min: 1,
    max: 3600,
  }),
  SIGNING_KEY_RETIREMENT_MARGIN_SECONDS: int('Extra seconds a retired signing key stays in the JWKS beyond ACCESS_TOKEN_TTL_SECONDS + SIGNING_KEY_CHECK_SECONDS', {
    default: '300',
    min: 0,
  }),
  SIGNING_KEY_ENCRYPTION_SECRET: {
    ...str(
      'Secret (at least 32 characters) that encrypts signing private keys at rest (AES-256-GCM); required, keys found unencrypted are encrypted at boot (npm start generates a local one)',
      { secret: true },
    ),
    parse: (raw: string): string => {
      if (raw.length < 32) throw new Error('must be at least 32 characters');
      return raw;
    },
  },
  SMTP_URL: optionalStr('SMTP server for password-reset and invitation mail, e.g. smtp://user:pass@mail.example.com:587 (unset: the mail is only logged, without its link)', {
    secret: true,
  }),
  MAIL_FROM: str('Sender of password-reset and invitation mail', { default: 'Quartier <no-reply@quartier.local>' }),
  APP_BASE_URL: str('Base URL of the web app; mails link to <APP_BASE_URL>/reset-password and /accept-invitation', {
    default: 'http://localhost:3000',
  }),
  PASSWORD_RESET_TTL_MINUTES: int('How long a password-reset link works, in minutes', { default: '60', min: 1, max: 1440 }),
  PASSWORD_RESET_PER_EMAIL_PER_HOUR: int('Reset mails sent for one email per hour; further requests get the same 202 but no mail', {
    default: '3',
    min: 1,
  }),
  PASSWORD_RESET_PER_IP_PER_HOUR: int('Reset requests accepted from one client address per hour; 429 beyond', { default: '20', min: 1 }),
  INVITATION_TTL_HOURS: int('How long an invitation link works, in hours', { default: '168', min: 1, max: 2160 }),
  TRUSTED_ORGANIZATION_PLAN: oneOf('Plan of an organization created by Authelia provisioning when it does not exist yet', PLANS, {
    default: 'enterprise',
  }),
  PLATFORM_OPERATORS: list(
    'Platform operators of this installation (user ids or emails, comma separated): their access tokens carry the platform_operator role for platform-wide actions such as model refits; no organization can grant it',
    { default: '' },
  ),
};

export type IdentityConfig = ConfigOf<typeof identityConfigSpec>;
export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');
