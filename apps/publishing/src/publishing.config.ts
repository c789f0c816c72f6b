import { ConfigOf, bool, commonConfig, int, optionalStr, str } from '@quartier/config';

export const publishingConfigSpec = {
  ...commonConfig,
  MIGRATE_ON_BOOT: bool('Apply pending publishing migrations at boot (the Helm Job runs them instead when false)', { default: 'true' }),
  OUTBOX_INTERVAL_MS: int('How often the outbox relay publishes pending publishing events, in ms', { default: '200', min: 10 }),
  CHANNEL_SECRETS_KEY: {
    ...optionalStr('Secret (at least 32 characters) that encrypts portal and social-media credentials at rest (AES-256-GCM); unset: channel secrets cannot be stored', {
      secret: true,
    }),
    parse: (raw: string): string | undefined => {
      if (raw !== '' && raw.length < 32) throw new Error('must be at least 32 characters');
      return raw === '' ? undefined : raw;
    },
  },
  JOB_POLL_INTERVAL_MS: int('How often an idle worker looks for due publishing jobs, in ms', { default: '500', min: 10 }),
  JOB_CONCURRENCY: int('Publishing jobs one replica runs at the same time', { default: '2', min: 1, max: 50 }),
  JOB_MAX_ATTEMPTS: int('Attempts of a publishing job before it is failed for good', { default: '5', min: 1, max: 50 }),
  JOB_BACKOFF_MS: int('Wait after the first failed attempt, in ms; doubles with every further attempt', { default: '30000', min: 1 }),
  JOB_BACKOFF_MAX_MS: int('Longest wait between two attempts, in ms', { default: '3600000', min: 1 }),
  JOB_STALE_AFTER_MS: int('A running job not finished after this long (its worker died) is run again, in ms', { default: '300000', min: 1000 }),
  PORTAL_TIMEOUT_MS: int('Timeout of each request to a portal or social network, in ms', { default: '20000', min: 100 }),
  IMMOSCOUT24_API_URL: str('ImmoScout24 REST API base (the sandbox is https://rest.sandbox-immobilienscout24.de/restapi/api)', {
    default: 'https://rest.immobilienscout24.de/restapi/api',
  }),
  IMMOSCOUT24_EXPOSE_URL: str('Base of the public ImmoScout24 ad URL; the ad id is appended', { default: 'https://www.immobilienscout24.de/expose' }),
  IMMOWELT_FTP_URL: optionalStr(
    'Import server Immowelt names for OpenImmo feeds: ftp://, ftps:// or sftp://host[:port][/dir] (sftp: ?hostKey=SHA256:… pins the host key); unset: Immowelt jobs fail saying so',
  ),
  KLEINANZEIGEN_FTP_URL: optionalStr(
    'Import server Kleinanzeigen names for OpenImmo feeds: ftp://, ftps:// or sftp://host[:port][/dir] (sftp: ?hostKey=SHA256:… pins the host key); unset: Kleinanzeigen jobs fail saying so',
  ),
  FACEBOOK_GRAPH_URL: str('Graph API base for Facebook page posts and Instagram publishing', { default: 'https://graph.facebook.com/v21.0' }),
  LINKEDIN_API_URL: str('LinkedIn REST API base for organization posts', { default: 'https://api.linkedin.com/rest' }),
  LINKEDIN_VERSION: str('LinkedIn-Version header (YYYYMM) of the Posts API', { default: '202411' }),
};

export type PublishingConfig = ConfigOf<typeof publishingConfigSpec>;

/** Injection token of the loaded configuration. */
export const PUBLISHING_CONFIG = Symbol('PUBLISHING_CONFIG');
