import { ValueTransformer } from 'typeorm';

/** pg returns numeric and bigint as strings; our amounts and areas fit a JS number exactly. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
