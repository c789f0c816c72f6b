import { ConfigOf, bool, commonConfig, int, list, oneOf, optionalStr, str } from '@quartier/config';
import { AVATAR_MAX_BYTES } from '@quartier/contracts-identity';
import { ROLES } from '@quartier/contracts-shared';

/** The gateway's environment: commonConfig plus the HTTP edge (every variable documented with its default). */
export const gatewayConfigSpec = {
  ...commonConfig,
  MIGRATE_ON_BOOT: bool('Apply pending migrations of the gateway schema (its audit outbox) at boot; the Helm Job runs them instead when false', {
    default: 'true',
  }),
  PORT: int('HTTP port of the public API; 0 picks a free port', { default: '3000', min: 0, max: 65535 }),
  HOST: str('Interface the HTTP server binds to', { default: '0.0.0.0' }),
  CORS_ORIGINS: list('Origins allowed by CORS, comma separated (`*` allows any origin); empty disables CORS', { default: '' }),
  BODY_LIMIT_BYTES: int('Largest accepted request body in bytes (413 beyond)', { default: String(1024 * 1024), min: 1 }),
  AVATAR_MAX_BYTES: int('Largest accepted avatar upload in bytes (413 beyond); identity accepts at most its own limit', {
    default: String(AVATAR_MAX_BYTES),
    min: 1,
  }),
  MAX_IN_FLIGHT: int(
    'Requests this gateway instance works on at once; more wait up to MAX_QUEUE_WAIT_MS, then 503 with Retry-After (health and metrics are never shed); 0 turns load shedding off',
    { default: '256', min: 0 },
  ),
  MAX_IN_FLIGHT_PER_ORG: int(
    'Share of MAX_IN_FLIGHT one organization (an anonymous client: its IP) may hold, so one busy organization cannot starve the others',
    { default: '64', min: 1 },
  ),
  MAX_QUEUED_PER_ORG: int('Requests of one organization (or IP) that may wait for an in-flight slot once its share is taken; beyond, 503 at once', {
    default: '64',
    min: 0,
  }),
  MAX_QUEUE_WAIT_MS: int('Longest wait for an in-flight slot, in ms, before a request is answered 503 with Retry-After', {
    default: '250',
    min: 1,
  }),
  RATE_LIMIT_PER_MINUTE: int('Requests per minute per user (per IP when anonymous); 429 beyond', { default: '100', min: 1 }),
  REDIS_URL: optionalStr('Redis URL for the rate-limit counters shared by gateway replicas; in-memory when unset', { secret: true }),
  AUTHELIA_ENABLED: bool('Trust Authelia headers (Remote-User, Remote-Groups, Remote-Email, Remote-Name) from TRUSTED_PROXIES', {
    default: 'false',
  }),
  TRUSTED_PROXIES: list('Proxy addresses or CIDRs whose Authelia headers are trusted, comma separated', { default: '' }),
  AUTHELIA_ORGANIZATION_ID: optionalStr('Organization that users signed in through Authelia are provisioned into'),
  AUTHELIA_GROUP_ROLES: list('Authelia group to role mapping, `group:role` comma separated', { default: '' }),
  AUTHELIA_DEFAULT_ROLE: oneOf('Role of an Authelia user in no mapped group', ROLES, { default: 'viewer' }),
  TRUSTED_USER_CACHE_SECONDS: int('How long a provisioned Authelia user is cached before identity is asked again', {
    default: '60',
    min: 0,
  }),
  JWKS_CACHE_SECONDS: int("How long identity's signing keys (JWKS) are cached", { default: '300', min: 1 }),
  HEALTH_TIMEOUT_MS: int('Timeout of each dependency check of /health, in ms', { default: '1000', min: 50 }),
  WS_ENABLED: bool('Serve real-time domain events over WebSocket at /api/v1/ws (one JetStream subscription per gateway process)', {
    default: 'true',
  }),
  WS_MAX_BUFFERED_BYTES: int('Unsent bytes a WebSocket client may fall behind by before it is disconnected', {
    default: String(1024 * 1024),
    min: 1024,
  }),
  WS_PING_INTERVAL_MS: int('Interval of WebSocket pings; a client that has not answered the previous ping is disconnected', {
    default: '30000',
    min: 100,
  }),
  WS_AUTH_TIMEOUT_MS: int('Time a WebSocket client without header or query token has to send its auth message (closed with 4401 after)', {
    default: '5000',
    min: 100,
  }),
};

export type GatewayConfig = ConfigOf<typeof gatewayConfigSpec>;
