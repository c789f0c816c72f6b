import { ConfigOf, bool, commonConfig, int, oneOf } from '@quartier/config';
import { PLANS } from '@quartier/contracts-identity';

export const identityConfigSpec = {
  ...commonConfig,
  MIGRATE_ON_BOOT: bool('Apply pending identity migrations at boot (under an advisory lock); Helm runs them in a Job instead', {
    default: 'true',
  }),
  ACCESS_TOKEN_TTL_SECONDS: int('Lifetime of access tokens (ES256 JWT) in seconds', { default: '900', min: 1, max: 86_400 }),
  REFRESH_TOKEN_TTL_DAYS: int('Lifetime of refresh tokens in days (rotated on every use)', { default: '30', min: 1, max: 365 }),
  LOGIN_THROTTLE_AFTER_FAILURES: int('Failed logins of one account after which each further attempt must wait a growing delay', {
    default: '5',
    min: 1,
  }),
  LOGIN_THROTTLE_BASE_MS: int('First delay after LOGIN_THROTTLE_AFTER_FAILURES failures, in ms; doubles with each further failure (max 60 s)', {
    default: '1000',
    min: 0,
  }),
  LOGIN_LOCK_AFTER_FAILURES: int('Failed logins of one account after which it is locked', { default: '10', min: 1 }),
  LOGIN_LOCK_MINUTES: int('How long a locked account stays locked, in minutes', { default: '15', min: 1 }),
  TRUSTED_ORGANIZATION_PLAN: oneOf('Plan of an organization created by Authelia provisioning when it does not exist yet', PLANS, {
    default: 'enterprise',
  }),
};

export type IdentityConfig = ConfigOf<typeof identityConfigSpec>;
export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');
