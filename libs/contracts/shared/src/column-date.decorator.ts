import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * The dates a request may carry. Postgres refuses year 0 and reads `+010000-01-01` as a time-zone
 * offset, and date arithmetic (due dates, rent months from a lease start) must stay within both, so
 * every date and timestamp field is bounded here, far beyond any lease, reading or sale.
 */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2999-12-31';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar date, or a date and time with an optional offset (what Postgres reads as timestamptz). */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ]([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,6})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/;

function isCalendarDateInRange(date: string): boolean {
  const time = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === date && date >= MIN_DATE && date <= MAX_DATE;
}

/** True for a real calendar date as YYYY-MM-DD between MIN_DATE and MAX_DATE (2026-02-30 is refused, not rolled over). */
export function isIsoDate(value: unknown): boolean {
  return typeof value === 'string' && DATE.test(value) && isCalendarDateInRange(value);
}

/** True for an ISO 8601 date or date-time (`2026-03-01`, `2026-03-01T10:00:00.5+01:00`) whose date is between MIN_DATE and MAX_DATE. */
export function isIsoDateTime(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = DATE_TIME.exec(value);
  return match !== null && isCalendarDateInRange(match[1]) && Number.isFinite(Date.parse(value));
}

/** A date column (`date`): YYYY-MM-DD, a real calendar date within MIN_DATE..MAX_DATE. */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: isIsoDate,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an ISO date (YYYY-MM-DD) between ${MIN_DATE} and ${MAX_DATE}`,
      },
    },
    options,
  );
}

/** A timestamp column (`timestamptz`): an ISO 8601 date or date-time within MIN_DATE..MAX_DATE. */
export function IsIsoDateTime(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDateTime',
      validator: {
        validate: isIsoDateTime,
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be an ISO 8601 date or date-time (e.g. 2026-03-01T10:00:00Z) between ${MIN_DATE} and ${MAX_DATE}`,
      },
    },
    options,
  );
}
