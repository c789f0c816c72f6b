import { FieldError } from '@quartier/contracts-shared';
import { CHANNEL_CREDENTIALS, Channel, ConfigureChannelDto } from '@quartier/contracts-publishing';

export interface Credentials {
  settings: Record<string, string>;
  secrets: Record<string, string>;
}

const MAX_VALUE_LENGTH = 4000;

/** The stored credentials with a change applied: unknown keys or non-string values are 422s; an empty secret removes it. */
export function mergeCredentials(channel: Channel, current: Credentials, change: ConfigureChannelDto): Credentials | { errors: FieldError[] } {
  const allowed = CHANNEL_CREDENTIALS[channel];
  const errors: FieldError[] = [];
  const settings = { ...current.settings };
  const secrets = { ...current.secrets };
  for (const [group, values, keys, target] of [
    ['settings', change.settings ?? {}, allowed.settings, settings],
    ['secrets', change.secrets ?? {}, allowed.secrets, secrets],
  ] as const) {
    for (const [key, value] of Object.entries(values)) {
      const field = `${group}.${key}`;
      if (!keys.includes(key)) errors.push({ field, message: `${channel} takes no ${group} ${key}${keys.length ? ` (it takes ${keys.join(', ')})` : ''}` });
      else if (typeof value !== 'string') errors.push({ field, message: `${field} must be a string` });
      else if (value.length > MAX_VALUE_LENGTH) errors.push({ field, message: `${field} must be at most ${MAX_VALUE_LENGTH} characters` });
      else if (value.trim() === '') delete target[key];
      else target[key] = value.trim();
    }
  }
  return errors.length > 0 ? { errors } : { settings, secrets };
}

/** Settings and secrets a channel needs that are not set. */
export function missingCredentials(channel: Channel, settings: Record<string, string>, secretNames: readonly string[]): string[] {
  const needed = CHANNEL_CREDENTIALS[channel];
  return [...needed.settings.filter((key) => !settings[key]).map((key) => `settings.${key}`), ...needed.secrets.filter((key) => !secretNames.includes(key)).map((key) => `secrets.${key}`)];
}
