import { int, oneOf, optionalStr, str } from './config';

/** Variables every service reads. */
export const commonConfig = {
  DATABASE_URL: str('Postgres connection URL; each service uses its own schema in this database', {
    default: 'postgres://postgres@127.0.0.1:5432/quartier',
    secret: true,
  }),
  DB_POOL_SIZE: int('Postgres connections per service process', { default: '10', min: 1, max: 200 }),
  NATS_URL: str('NATS server URL(s), comma separated', { default: 'nats://127.0.0.1:4222' }),
  NATS_PREFIX: str('Prefix of every NATS subject and JetStream stream, so deployments can share one NATS', { default: 'qt' }),
  NATS_NKEY_SEED: optionalStr(
    "This component's NKey user seed (SU…): logs it in to NATS and signs the caller context of every request it sends; required to join the bus (npm start generates one per component under data/bus/)",
    { secret: true },
  ),
  NATS_TRUSTED_KEYS: optionalStr(
    'Public NKey of every component, `component=U…` comma separated: whose signed caller contexts this service accepts (only from components allowed to call it); required to join the bus',
  ),
  NATS_TLS_CA_FILE: optionalStr('CA certificate (PEM) that the NATS server certificate must chain to; enables TLS to NATS'),
  NATS_TLS_CERT_FILE: optionalStr('Client certificate (PEM) for NATS servers that verify clients (with NATS_TLS_KEY_FILE)'),
  NATS_TLS_KEY_FILE: optionalStr('Private key (PEM) of NATS_TLS_CERT_FILE', { secret: true }),
  NATS_TIMEOUT_MS: int('Timeout of every request to another service over NATS, in ms (504 when exceeded)', {
    default: '5000',
    min: 50,
  }),
  IDEMPOTENCY_RETENTION_HOURS: int(
    'How long a service keeps the Idempotency-Keys of mutating calls and their stored answers, in hours (expired ones are deleted every 15 minutes)',
    { default: '24', min: 24 },
  ),
  MAX_CONCURRENT_HANDLERS: int('NATS requests a service process handles at once; more wait in arrival order (see MAX_QUEUED_HANDLERS)', {
    default: '32',
    min: 1,
  }),
  MAX_QUEUED_HANDLERS: int(
    'NATS requests that may wait for a handler; beyond, 503 at once. A waiting request whose caller gave up (deadline passed) is dropped unhandled',
    { default: '128', min: 0 },
  ),
  LOG_LEVEL: oneOf('Minimum log level', ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const, {
    default: 'info',
  }),
  OPS_PORT: int('Port of the service ops HTTP server (/health/live, /health/ready, /metrics); 0 picks a free port', {
    default: '0',
    min: 0,
    max: 65535,
  }),
};
