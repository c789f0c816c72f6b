import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { INT32_MAX, IsDecimal, IsInt16, IsInt32, IsMoneyCents, decimalPlaces } from './column-number.decorator';

class Numbers {
  @IsInt32({ min: 0 }) count = 0;
  @IsInt16() year = 2000;
  @IsMoneyCents() priceCents = 0;
  @IsDecimal(3) quantity = 1;
}

function invalid(body: Partial<Record<keyof Numbers, unknown>>): string[] {
  return validateSync(plainToInstance(Numbers, body)).map((error) => error.property);
}

describe('column number decorators', () => {
  it('accept values that fit the column', () => {
    expect(invalid({ count: INT32_MAX, year: -32_768, priceCents: 0, quantity: 0.001 })).toEqual([]);
  });

  it('refuse integers beyond an integer column, so they answer 422 instead of a database error', () => {
    expect(invalid({ count: 2_147_483_648 })).toEqual(['count']);
    expect(invalid({ count: 1e308 })).toEqual(['count']);
    expect(invalid({ year: 32_768 })).toEqual(['year']);
    expect(invalid({ priceCents: 2_147_483_648 })).toEqual(['priceCents']);
  });

  it('refuse negative money unless asked, and fractions of a cent', () => {
    expect(invalid({ priceCents: -1 })).toEqual(['priceCents']);
    expect(invalid({ priceCents: 0.5 })).toEqual(['priceCents']);
    expect(invalid({ count: -1 })).toEqual(['count']);
  });

  it('refuse decimals with too many places, exponent forms included, without throwing', () => {
    expect(invalid({ quantity: 1e-7 })).toEqual(['quantity']);
    expect(invalid({ quantity: 0.0001 })).toEqual(['quantity']);
    expect(invalid({ quantity: 1e21 })).toEqual([]);
    expect(invalid({ quantity: Infinity })).toEqual(['quantity']);
    expect(invalid({ quantity: '1' })).toEqual(['quantity']);
  });
});

describe('decimalPlaces', () => {
  it('counts places in plain and exponent notation', () => {
    expect([decimalPlaces(2.5), decimalPlaces(-0.125), decimalPlaces(1e-7), decimalPlaces(1.5e-5), decimalPlaces(1e21), decimalPlaces(-0)]).toEqual([1, 3, 7, 6, 0, 0]);
  });
});
