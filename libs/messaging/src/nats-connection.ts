import { readFileSync } from 'node:fs';
import { ConnectionOptions, NatsConnection, connect, nkeyAuthenticator } from 'nats';
import { ComponentName } from '@quartier/contracts-shared';
import { parseTrustedKeys } from './bus/bus-keys';
import { CallerContextSigner, CallerContextVerifier } from './bus/caller-context';
import { inboxPrefixOf } from './bus/bus-permissions';

/** How one component joins the bus: where, as whom, and whose caller contexts it trusts. */
export interface BusSettings {
  component: ComponentName;
  url: string;
  prefix: string;
  timeoutMs: number;
  seed: string;
  trustedKeys: Map<ComponentName, string>;
  tls?: { caFile?: string; certFile?: string; keyFile?: string };
}

/** The NATS_* variables of commonConfig. */
export interface BusConfig {
  NATS_URL: string;
  NATS_PREFIX: string;
  NATS_TIMEOUT_MS: number;
  NATS_NKEY_SEED?: string;
  NATS_TRUSTED_KEYS?: string;
  NATS_TLS_CA_FILE?: string;
  NATS_TLS_CERT_FILE?: string;
  NATS_TLS_KEY_FILE?: string;
}

export function busSettings(config: BusConfig, component: ComponentName): BusSettings {
  if (!config.NATS_NKEY_SEED || !config.NATS_TRUSTED_KEYS) {
    throw new Error(
      `${component} needs NATS_NKEY_SEED and NATS_TRUSTED_KEYS to join the bus: \`npm start\` generates them under data/bus/, ` +
        'operators pass them from a Secret (see README "The bus").',
    );
  }
  const tlsFiles = { caFile: config.NATS_TLS_CA_FILE, certFile: config.NATS_TLS_CERT_FILE, keyFile: config.NATS_TLS_KEY_FILE };
  return {
    component,
    url: config.NATS_URL,
    prefix: config.NATS_PREFIX,
    timeoutMs: config.NATS_TIMEOUT_MS,
    seed: config.NATS_NKEY_SEED,
    trustedKeys: parseTrustedKeys(config.NATS_TRUSTED_KEYS),
    tls: Object.values(tlsFiles).some(Boolean) ? tlsFiles : undefined,
  };
}

/** Clocks of different pods may disagree by a few seconds; a context lives that much longer than its call. */
const CLOCK_SKEW_MS = 5000;

export function callerSigner(settings: BusSettings): CallerContextSigner {
  return new CallerContextSigner(settings.component, settings.seed, settings.timeoutMs + CLOCK_SKEW_MS);
}

export function callerVerifier(settings: BusSettings): CallerContextVerifier {
  return new CallerContextVerifier(settings.component, settings.trustedKeys);
}

/**
 * Connection options shared by the Nest NATS server and the process's own connection: NKey login,
 * an inbox of the component's own (so its bus permissions can keep others' replies from it),
 * optional TLS, and unlimited reconnects so a NATS restart never takes a service down for good.
 */
export function natsConnectionOptions(settings: BusSettings): ConnectionOptions {
  const { tls } = settings;
  return {
    servers: settings.url.split(',').map((server) => server.trim()),
    name: settings.component,
    authenticator: nkeyAuthenticator(new TextEncoder().encode(settings.seed)),
    inboxPrefix: inboxPrefixOf(settings.component),
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    ...(tls
      ? {
          tls: {
            ...(tls.caFile ? { ca: readFileSync(tls.caFile, 'utf8') } : {}),
            ...(tls.certFile ? { cert: readFileSync(tls.certFile, 'utf8') } : {}),
            ...(tls.keyFile ? { key: readFileSync(tls.keyFile, 'utf8') } : {}),
          },
        }
      : {}),
  };
}

export async function connectNats(settings: BusSettings): Promise<NatsConnection> {
  try {
    return await connect(natsConnectionOptions(settings));
  } catch (error) {
    throw new Error(
      `Cannot join NATS at ${settings.url} as ${settings.component} (${(error as Error).message}). ` +
        '`npm start` starts its own nats-server when NATS_URL is unset; otherwise check the URL and that the server knows this component\'s NKey.',
    );
  }
}

/** Nest's NATS transport options matching `connectNats`. */
export function natsTransportOptions(settings: BusSettings): ConnectionOptions & { waitOnFirstConnect: boolean } {
  return { ...natsConnectionOptions(settings), waitOnFirstConnect: true };
}
