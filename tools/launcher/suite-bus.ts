// The bus a suite runs on: a nats-server of its own with an NKey per component (ARCHITECTURE §3).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComponentName, isComponentName } from '@quartier/contracts-shared';
import { formatTrustedKeys, loadOrCreateBusKeys, renderNatsServerConfig, startLocalBus } from '@quartier/messaging';

export interface SuiteBus {
  url: string;
  /** NATS_URL, NATS_TRUSTED_KEYS and, for a component, its own NATS_NKEY_SEED. */
  envFor(app: string): Record<string, string>;
  stop(): Promise<void>;
}

/** NATS_URL and NATS_TRUSTED_KEYS for every app; a component's own seed for components only. */
function envForApps(url: string, trusted: string, seedOf: (component: ComponentName) => string): SuiteBus['envFor'] {
  return (app) => {
    const env: Record<string, string> = { NATS_URL: url, NATS_TRUSTED_KEYS: trusted };
    if (isComponentName(app)) env.NATS_NKEY_SEED = seedOf(app);
    return env;
  };
}

/** A throwaway bus for one run (tests, benchmarks): free port, keys and JetStream in a temp dir. */
export async function startEphemeralBus(prefix: string): Promise<SuiteBus> {
  const dir = mkdtempSync(join(tmpdir(), 'quartier-bus-'));
  const bus = await startLocalBus({ dir, prefix });
  return {
    url: bus.url,
    envFor: envForApps(bus.url, formatTrustedKeys(bus.keys), (component) => bus.keys[component].seed),
    stop: async () => {
      await bus.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface LauncherBusOptions {
  /** Keys (0600), the generated nats-server.conf and the JetStream store live here. */
  dir: string;
  prefix: string;
  /** An operator's NATS; unset: the launcher starts its own nats-server on `port`. */
  natsUrl?: string;
  port: number;
}

/**
 * `npm start`'s bus. Keys are kept under `dir`, so the suite keeps its identities and JetStream
 * keeps its events across restarts. With NATS_URL the operator's server is used: it must load the
 * generated `dir/nats-server.conf` (or give the same users the same permissions).
 */
export async function startLauncherBus(options: LauncherBusOptions): Promise<SuiteBus & { started: boolean; configFile: string }> {
  const configFile = join(options.dir, 'nats-server.conf');
  if (!options.natsUrl) {
    const bus = await startLocalBus({ dir: options.dir, prefix: options.prefix, port: options.port });
    return {
      url: bus.url,
      started: true,
      configFile,
      envFor: envForApps(bus.url, formatTrustedKeys(bus.keys), (component) => bus.keys[component].seed),
      stop: () => bus.stop(),
    };
  }
  const url = options.natsUrl;
  const keys = loadOrCreateBusKeys(options.dir);
  const config = renderNatsServerConfig({ host: '127.0.0.1', port: 4222, storeDir: join(options.dir, 'jetstream'), prefix: options.prefix, keys });
  writeFileSync(configFile, config, { mode: 0o600 });
  return {
    url,
    started: false,
    configFile,
    envFor: envForApps(url, formatTrustedKeys(keys), (component) => keys[component].seed),
    stop: async () => undefined,
  };
}
