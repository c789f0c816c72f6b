import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Optional } from './optional.decorator';
import { QueryBoolean, toBoolean } from './query-boolean.decorator';

class FilterQuery {
  @Optional()
  @QueryBoolean()
  active?: boolean;
}

function parse(active: unknown): { value: unknown; errors: string[] } {
  const query = plainToInstance(FilterQuery, { active });
  return { value: query.active, errors: validateSync(query).flatMap((error) => Object.values(error.constraints ?? {})) };
}

describe('toBoolean', () => {
  it('reads true/1 and false/0, and leaves anything else for validation to refuse', () => {
    expect(toBoolean({ value: 'true' })).toBe(true);
    expect(toBoolean({ value: '1' })).toBe(true);
    expect(toBoolean({ value: 'false' })).toBe(false);
    expect(toBoolean({ value: '0' })).toBe(false);
    expect(toBoolean({ value: 'yes' })).toBe('yes');
    expect(toBoolean({ value: 'TRUE' })).toBe('TRUE');
  });
});

describe('@QueryBoolean()', () => {
  it('accepts the four spellings of the query string and JSON booleans of a NATS payload', () => {
    for (const [raw, value] of [['true', true], ['1', true], ['false', false], ['0', false], [true, true], [false, false]] as const) {
      expect(parse(raw)).toEqual({ value, errors: [] });
    }
  });

  it('refuses any other value, naming the allowed ones', () => {
    for (const raw of ['yes', 'on', 'True', '', '2', 1]) {
      expect(parse(raw).errors).toEqual(['active must be true, false, 1 or 0']);
    }
  });
});
