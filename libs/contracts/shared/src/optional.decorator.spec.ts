import { PartialType } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { IsString, validateSync } from 'class-validator';
import { NestedArray, NestedObject, Nullable, Optional, PATCH_FIELDS } from './optional.decorator';

class Money {
  @IsString()
  currency!: string;
}

class Thing {
  @IsString()
  name!: string;

  @Optional()
  @IsString()
  city?: string;

  @Nullable()
  @IsString()
  note?: string | null;

  @Optional()
  @NestedObject(() => Money)
  rent?: Money;

  @Optional()
  @NestedArray(() => Money)
  prices?: Money[];
}

class PatchThing extends PartialType(Thing, PATCH_FIELDS) {}

function errors(type: new () => object, body: object): string[] {
  return validateSync(plainToInstance(type, body)).map((error) => error.property);
}

describe('Optional() and Nullable()', () => {
  it('lets a field be left out, but refuses null where the column is NOT NULL', () => {
    expect(errors(Thing, { name: 'a' })).toEqual([]);
    expect(errors(Thing, { name: 'a', city: null })).toEqual(['city']);
  });

  it('lets null clear a Nullable() field', () => {
    expect(errors(Thing, { name: 'a', note: null })).toEqual([]);
  });

  it('keeps the rule in a PATCH body made with PartialType(…, PATCH_FIELDS): null only for Nullable() fields', () => {
    expect(errors(PatchThing, {})).toEqual([]);
    expect(errors(PatchThing, { note: null })).toEqual([]);
    expect(errors(PatchThing, { name: null, city: null })).toEqual(['name', 'city']);
    expect(errors(PatchThing, { name: 42 })).toEqual(['name']);
  });
});

describe('NestedObject() and NestedArray()', () => {
  it('accept the documented shapes', () => {
    expect(errors(Thing, { name: 'a', rent: { currency: 'EUR' }, prices: [{ currency: 'EUR' }] })).toEqual([]);
  });

  it('refuse arrays in place of an object and nested arrays in place of objects', () => {
    for (const rent of [[], [[[]]], 'EUR', 42]) expect(errors(Thing, { name: 'a', rent })).toEqual(['rent']);
    for (const prices of [[[[]]], [[]], [null], {}, 'x']) expect(errors(Thing, { name: 'a', prices })).toEqual(['prices']);
  });

  it('name a wrong shape for an object once, as not an object', () => {
    for (const rent of [[], [[[]]], 'EUR', null]) {
      const [error] = validateSync(plainToInstance(Thing, { name: 'a', rent }));
      expect(Object.values(error.constraints ?? {})).toEqual(['rent must be an object']);
    }
  });

  it('validate what is nested', () => {
    expect(errors(Thing, { name: 'a', rent: { currency: 1 } })).toEqual(['rent']);
  });
});
