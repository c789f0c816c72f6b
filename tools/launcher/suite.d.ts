// Types of suite.js for TypeScript callers (the e2e specs and benchmarks).
export interface SuiteOptions {
  env?: NodeJS.ProcessEnv;
  services?: string[];
  logFile?: string;
  quiet?: boolean;
  migrate?: boolean;
  opsPorts?: 'free' | 'fixed';
  startupTimeoutMs?: number;
  stopGraceMs?: number;
  root?: string;
  signal?: AbortSignal;
  onExit?: (exit: { service: string; code: number | null; signal: string | null; tail: string[] }) => void;
  bus?: { url: string; envFor(app: string): NodeJS.ProcessEnv; stop(): Promise<void> };
}

export interface RunningSuite {
  gatewayUrl: string | null;
  services: { name: string; pid: number; opsUrl: string }[];
  stop(): Promise<void>;
}

export function startSuite(options?: SuiteOptions): Promise<RunningSuite>;

/** Mosquitto run from deploy/mosquitto.conf on 127.0.0.1:port, its store in dataDir (infra.js). */
export function startMosquitto(options: {
  port: number;
  dataDir: string;
  /** Settings replacing the shipped ones, e.g. { max_queued_messages: '1000' }. */
  overrides?: Record<string, string>;
}): Promise<{ url: string; stop(): Promise<void> }>;
