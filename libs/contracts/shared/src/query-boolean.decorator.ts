import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

/**
 * Query strings carry booleans as text, NATS payloads as JSON booleans. `true`/`1` and `false`/`0`
 * become booleans; anything else is left as it is so that validation rejects it (422).
 */
export function toBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
}

/** A boolean query parameter: `true`, `false`, `1` or `0`, nothing else. */
export function QueryBoolean(): PropertyDecorator {
  const transform = Transform(toBoolean);
  const validate = IsBoolean({ message: ({ property }) => `${property} must be true, false, 1 or 0` });
  return (target, property) => {
    transform(target, property);
    validate(target, property);
  };
}
