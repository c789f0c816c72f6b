import { int, oneOf, str } from './config';

/** Variables every service reads. */
export const commonConfig = {
  DATABASE_URL: str('Postgres connection URL; each service uses its own schema in this database', {
    default: 'postgres://postgres@127.0.0.1:5432/quartier',
    secret: true,
  }),
  DB_POOL_SIZE: int('Postgres connections per service process', { default: '10', min: 1, max: 200 }),
  NATS_URL: str('NATS server URL(s), comma separated', { default: 'nats://127.0.0.1:4222' }),
  NATS_PREFIX: str('Prefix of every NATS subject and JetStream stream, so deployments can share one NATS', { default: 'qt' }),
  NATS_TIMEOUT_MS: int('Timeout of every request to another service over NATS, in ms (504 when exceeded)', {
    default: '5000',
    min: 50,
  }),
  LOG_LEVEL: oneOf('Minimum log level', ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const, {
    default: 'info',
  }),
  OPS_PORT: int('Port of the service ops HTTP server (/health/live, /health/ready, /metrics); 0 picks a free port', {
    default: '0',
    min: 0,
    max: 65535,
  }),
};
