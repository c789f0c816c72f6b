import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isComponentName } from '@quartier/contracts-shared';
import { LocalBus, formatTrustedKeys, startLocalBus } from '@quartier/messaging';

/** A suite's bus (the launcher's `bus` option) whose nats-server a fault spec can stop and start again. */
export interface RestartableBus {
  url: string;
  /** NATS_URL and NATS_TRUSTED_KEYS for every app, its own NATS_NKEY_SEED for a component. */
  envFor(app: string): Record<string, string>;
  /** Stops nats-server, as an outage would; the clients keep trying to reconnect. */
  halt(): Promise<void>;
  /** Starts it again on the same port, with the same keys and JetStream store. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRestartableBus(prefix: string): Promise<RestartableBus> {
  const dir = mkdtempSync(join(tmpdir(), 'quartier-fault-bus-'));
  let server: LocalBus | undefined = await startLocalBus({ dir, prefix });
  const { url, keys } = server;
  const port = Number(new URL(url).port);
  const trusted = formatTrustedKeys(keys);
  return {
    url,
    envFor: (app) => ({ NATS_URL: url, NATS_TRUSTED_KEYS: trusted, ...(isComponentName(app) ? { NATS_NKEY_SEED: keys[app].seed } : {}) }),
    halt: async () => {
      await server?.stop();
      server = undefined;
    },
    resume: async () => {
      server ??= await startLocalBus({ dir, prefix, port });
    },
    stop: async () => {
      await server?.stop();
      server = undefined;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
