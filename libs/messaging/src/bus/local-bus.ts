import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { COMPONENT_NAMES, ComponentName } from '@quartier/contracts-shared';
import { BusKeyPair, formatTrustedKeys, generateBusKeyPair, generateBusKeys } from './bus-keys';
import { renderNatsServerConfig } from './nats-server-config';

/** A nats-server of our own with an NKey user per component (npm start, the test harness). */
export interface LocalBus {
  url: string;
  keys: Record<ComponentName, BusKeyPair>;
  /** A user with every permission: only when asked for (the test harness). */
  admin?: BusKeyPair;
  /** The NATS_* variables of one component. */
  envFor(component: ComponentName): { NATS_URL: string; NATS_NKEY_SEED: string; NATS_TRUSTED_KEYS: string };
  stop(): Promise<void>;
}

export interface LocalBusOptions {
  /** Holds the configuration, the keys (0600) and the JetStream store. */
  dir: string;
  prefix: string;
  host?: string;
  /** 0 or unset: a free port, chosen by nats-server itself (no race with other processes). */
  port?: number;
  withAdmin?: boolean;
  onLog?: (line: string) => void;
}

const DEBIAN_BINARY = '/usr/sbin/nats-server';

export function findNatsServerBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  // An explicit choice wins, even when it is missing: better a clear error than another binary.
  if (env.NATS_SERVER_BIN) return existsSync(env.NATS_SERVER_BIN) ? env.NATS_SERVER_BIN : undefined;
  const onPath = (env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'nats-server'));
  return [...onPath, DEBIAN_BINARY].find((candidate) => existsSync(candidate));
}

export const NATS_SERVER_MISSING =
  'No nats-server binary found (NATS_SERVER_BIN, PATH or /usr/sbin/nats-server). Install one: ' +
  '`apt-get install nats-server` (Debian), or download it from https://github.com/nats-io/nats-server/releases; ' +
  'or set NATS_URL to a running server that knows the keys in data/bus/.';

/** Keys kept in `dir/keys.json` (0600) so restarts keep the same identities; generated on first use. */
export function loadOrCreateBusKeys(dir: string): Record<ComponentName, BusKeyPair> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'keys.json');
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<ComponentName, BusKeyPair>>;
    if (COMPONENT_NAMES.every((name) => stored[name])) return stored as Record<ComponentName, BusKeyPair>;
  }
  const keys = generateBusKeys();
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}

export async function startLocalBus(options: LocalBusOptions): Promise<LocalBus> {
  const binary = findNatsServerBinary();
  if (!binary) throw new Error(NATS_SERVER_MISSING);
  const host = options.host ?? '127.0.0.1';
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const keys = loadOrCreateBusKeys(options.dir);
  const admin = options.withAdmin ? generateBusKeyPair() : undefined;
  const configFile = join(options.dir, 'nats-server.conf');
  const config = renderNatsServerConfig({
    host,
    port: options.port || -1,
    storeDir: join(options.dir, 'jetstream'),
    prefix: options.prefix,
    keys,
    adminPublicKeys: admin ? [admin.publicKey] : [],
  });
  writeFileSync(configFile, config, { mode: 0o600 });

  const child: ChildProcess = spawn(binary, ['-c', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  let port: number | undefined;
  let ready = false;
  const collect = (chunk: Buffer): void => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      output.push(line);
      if (output.length > 20) output.shift();
      options.onLog?.(line);
      // The server says where it listens (it may have chosen the port) and when it accepts clients.
      const listening = /Listening for client connections on .*:(\d+)\s*$/.exec(line);
      if (listening) port = Number(listening[1]);
      if (line.includes('Server is ready')) ready = true;
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Never outlive the process that started it, whatever way that process ends.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  void exit.then(() => {
    exited = true;
  });

  const deadline = Date.now() + 20_000;
  while (!ready || port === undefined) {
    if (exited || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nats-server did not start on ${host}:\n${output.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  const url = `nats://${host}:${port}`;
  const trustedKeys = formatTrustedKeys(keys);
  return {
    url,
    keys,
    admin,
    envFor: (component) => ({ NATS_URL: url, NATS_NKEY_SEED: keys[component].seed, NATS_TRUSTED_KEYS: trustedKeys }),
    stop: async () => {
      process.removeListener('exit', killOnExit);
      if (exited) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exit;
      clearTimeout(killer);
    },
  };
}
