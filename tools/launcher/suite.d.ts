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
