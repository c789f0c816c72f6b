/**
 * Environment configuration, validated once at boot. Every variable is declared with a
 * description and default, so the README table and the boot errors come from one place.
 */
export interface VarSpec<T> {
  description: string;
  /** Raw default; undefined means the variable is required. */
  default?: string;
  /** Secrets are never printed, not even in validation errors. */
  secret?: boolean;
  parse: (raw: string) => T;
}

export type ConfigSpec = Record<string, VarSpec<unknown>>;
export type ConfigOf<S extends ConfigSpec> = { readonly [K in keyof S]: S[K] extends VarSpec<infer T> ? T : never };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Options = { default?: string; secret?: boolean };

export function str(description: string, options: Options = {}): VarSpec<string> {
  return { description, ...options, parse: (raw) => raw };
}

export function optionalStr(description: string, options: Omit<Options, 'default'> = {}): VarSpec<string | undefined> {
  return { description, default: '', ...options, parse: (raw) => (raw === '' ? undefined : raw) };
}

export function int(description: string, options: Options & { min?: number; max?: number } = {}): VarSpec<number> {
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = options;
  return {
    description,
    default: options.default,
    secret: options.secret,
    parse: (raw) => {
      const value = Number(raw);
      if (!Number.isInteger(value) || value < min || value > max) {
        throw new Error(`must be an integer between ${min} and ${max}`);
      }
      return value;
    },
  };
}

export function bool(description: string, options: Options = {}): VarSpec<boolean> {
  return {
    description,
    ...options,
    parse: (raw) => {
      if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
      if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
      throw new Error('must be true or false');
    },
  };
}

export function list(description: string, options: Options = {}): VarSpec<string[]> {
  return {
    description,
    ...options,
    parse: (raw) =>
      raw
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0),
  };
}

export function oneOf<T extends string>(description: string, values: readonly T[], options: Options = {}): VarSpec<T> {
  return {
    description: `${description} (one of: ${values.join(', ')})`,
    ...options,
    parse: (raw) => {
      if (!values.includes(raw as T)) throw new Error(`must be one of ${values.join(', ')}`);
      return raw as T;
    },
  };
}

/** Reads and validates every variable of `spec`; reports all problems at once. */
export function loadConfig<S extends ConfigSpec>(spec: S, env: NodeJS.ProcessEnv = process.env): ConfigOf<S> {
  const problems: string[] = [];
  const result: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(spec)) {
    const raw = env[name] ?? variable.default;
    if (raw === undefined) {
      problems.push(`${name} is required: ${variable.description}`);
      continue;
    }
    try {
      result[name] = variable.parse(raw);
    } catch (error) {
      const shown = variable.secret ? '(hidden)' : JSON.stringify(raw);
      problems.push(`${name}=${shown} ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return result as ConfigOf<S>;
}

/** Markdown table rows for the README: name, default, description. */
export function describeConfig(spec: ConfigSpec): string[] {
  return Object.entries(spec).map(([name, variable]) => {
    const shown = variable.default === undefined ? '(required)' : variable.default === '' ? '(unset)' : `\`${variable.default}\``;
    // A pipe would end the table cell early; `<name>` would be read as an HTML tag.
    const description = variable.description.replace(/\|/g, '\\|').replace(/</g, '&lt;');
    return `| \`${name}\` | ${shown} | ${description} |`;
  });
}
