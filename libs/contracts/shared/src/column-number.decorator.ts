import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min, ValidateBy, ValidationOptions } from 'class-validator';

/** Postgres `integer`: a JSON number beyond it answers 422, never a database error. */
export const INT32_MIN = -2_147_483_648;
export const INT32_MAX = 2_147_483_647;
/** Postgres `smallint`. */
export const INT16_MIN = -32_768;
export const INT16_MAX = 32_767;

interface Bounds {
  min?: number;
  max?: number;
}

function boundedInt(lowest: number, highest: number, { min = lowest, max = highest }: Bounds): PropertyDecorator {
  return applyDecorators(IsInt(), Min(Math.max(min, lowest)), Max(Math.min(max, highest)));
}

/** An integer that fits a Postgres `integer` column, within `min`/`max` when given. */
export function IsInt32(bounds: Bounds = {}): PropertyDecorator {
  return boundedInt(INT32_MIN, INT32_MAX, bounds);
}

/** An integer that fits a Postgres `smallint` column, within `min`/`max` when given. */
export function IsInt16(bounds: Bounds = {}): PropertyDecorator {
  return boundedInt(INT16_MIN, INT16_MAX, bounds);
}

/** An amount in cents (integer minor units, stored in an `integer` column); not negative unless `min` says so. */
export function IsMoneyCents(bounds: Bounds = {}): PropertyDecorator {
  return boundedInt(INT32_MIN, INT32_MAX, { min: 0, ...bounds });
}

/** Decimal places of a finite number, exponent forms (`1e-7`) included. */
export function decimalPlaces(value: number): number {
  const [mantissa, exponent = '0'] = Math.abs(value).toString().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/** True for a finite number with at most `places` decimals. */
export function isDecimal(value: unknown, places: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && decimalPlaces(value) <= places;
}

/**
 * A finite number with at most `places` decimals, for `numeric` columns. Replaces class-validator's
 * `IsNumber({ maxDecimalPlaces })`, which throws on exponent forms such as `1e-7`.
 */
export function IsDecimal(places: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDecimal',
      constraints: [places],
      validator: {
        validate: (value) => isDecimal(value, places),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a number with at most ${places} decimal places`,
      },
    },
    options,
  );
}
