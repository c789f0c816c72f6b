/** The seed of `npm test`: a fixed one, so a failure there is the same on every machine. */
export const FIXED_SEED = 20_251_207;
/** Requests of the bounded run in `npm test`. */
export const DEFAULT_RUNS = 5_200;

export interface FuzzSettings {
  seed: number;
  /** Requests over all operations together. */
  runs: number;
  /** Only operations whose `METHOD /path` matches, to reproduce one failure. */
  only?: RegExp;
}

/** FUZZ_SEED (a number, or `random`), FUZZ_RUNS and FUZZ_OPERATIONS from the environment. */
export function fuzzSettings(env: NodeJS.ProcessEnv): FuzzSettings {
  const seed = env.FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : env.FUZZ_SEED ? Number(env.FUZZ_SEED) : FIXED_SEED;
  const runs = env.FUZZ_RUNS ? Number(env.FUZZ_RUNS) : DEFAULT_RUNS;
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer or "random", not ${env.FUZZ_SEED}`);
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`FUZZ_RUNS must be a positive integer, not ${env.FUZZ_RUNS}`);
  return { seed, runs, only: env.FUZZ_OPERATIONS ? new RegExp(env.FUZZ_OPERATIONS) : undefined };
}
