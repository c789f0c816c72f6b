import { ValueTransformer } from 'typeorm';

/**
 * pg returns numeric and bigint columns as strings. Our amounts (cents), areas and byte counts stay
 * far below 2^53, so a JS number holds them exactly.
 */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
