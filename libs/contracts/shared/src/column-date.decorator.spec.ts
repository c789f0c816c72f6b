import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsIsoDate, IsIsoDateTime } from './column-date.decorator';

class Dates {
  @IsIsoDate() dueDate = '2026-03-01';
  @IsIsoDateTime() recordedAt = '2026-03-01T10:00:00Z';
}

function invalid(body: Partial<Record<keyof Dates, unknown>>): string[] {
  return validateSync(plainToInstance(Dates, body)).map((error) => error.property);
}

describe('column date decorators', () => {
  it('accept calendar dates and ISO 8601 date-times within the range', () => {
    expect(invalid({ dueDate: '1900-01-01', recordedAt: '2999-12-31' })).toEqual([]);
    expect(invalid({ dueDate: '2028-02-29', recordedAt: '2026-03-01T10:00:00.123456+01:00' })).toEqual([]);
    expect(invalid({ recordedAt: '2026-03-01T10:00' })).toEqual([]);
  });

  it('refuse dates Postgres cannot store or that date arithmetic would carry past year 9999', () => {
    for (const date of ['0000-01-01', '0001-01-01', '9999-12-31', '+002026-03-01', '1899-12-31', '3000-01-01']) {
      expect(invalid({ dueDate: date, recordedAt: date })).toEqual(['dueDate', 'recordedAt']);
    }
  });

  it('refuse what is no calendar date or no date-time Postgres reads', () => {
    expect(invalid({ dueDate: '2026-02-30', recordedAt: '2026-02-30T10:00:00Z' })).toEqual(['dueDate', 'recordedAt']);
    expect(invalid({ dueDate: '2026-03-01T10:00:00Z', recordedAt: '2026-W09-7' })).toEqual(['dueDate', 'recordedAt']);
    expect(invalid({ dueDate: 20260301, recordedAt: '2026-03-01T24:00:00Z' })).toEqual(['dueDate', 'recordedAt']);
    expect(invalid({ recordedAt: '2026-060' })).toEqual(['recordedAt']);
  });
});
