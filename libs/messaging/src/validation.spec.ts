import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsString, ValidateNested, ValidationError, validateSync } from 'class-validator';
import { MAX_FIELD_ERRORS, capFieldErrors, flattenValidationErrors } from './validation';

class Address {
  @IsString() street!: string;
  @IsString() city!: string;
}

class Property {
  @IsString() name!: string;
  @ValidateNested() @Type(() => Address) address!: Address;
}

function property(value: object): Property {
  return Object.assign(new Property(), value);
}

describe('flattenValidationErrors', () => {
  it('names nested fields by their path, in document order', () => {
    const errors = validateSync(property({ name: 1, address: Object.assign(new Address(), { street: 2, city: 3 }) }));
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'name', message: 'name must be a string' },
      { field: 'address.street', message: 'street must be a string' },
      { field: 'address.city', message: 'city must be a string' },
    ]);
  });

  it('lists at most MAX_FIELD_ERRORS entries and says how many more there were', () => {
    const many = Array.from({ length: 50_006 }, (_, i) =>
      Object.assign(new ValidationError(), { property: `k${i}`, constraints: { whitelistValidation: `property k${i} should not exist` }, children: [] }),
    );
    const flat = flattenValidationErrors(many);
    expect(flat).toHaveLength(MAX_FIELD_ERRORS + 1);
    expect(flat[0]).toEqual({ field: 'k0', message: 'property k0 should not exist' });
    expect(flat[MAX_FIELD_ERRORS]).toEqual({ field: '*', message: '49956 more errors not listed' });
  });
});

describe('capFieldErrors', () => {
  it('leaves a short list alone and counts one left-out error in the singular', () => {
    const errors = [{ field: 'a', message: 'x' }];
    expect(capFieldErrors(errors, 1)).toBe(errors);
    expect(capFieldErrors([...errors, { field: 'b', message: 'y' }], 1)).toEqual([errors[0], { field: '*', message: '1 more error not listed' }]);
  });
});
