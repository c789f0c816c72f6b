import { isValidPostalCode, postalCodeFormat } from './postal-code';

describe('postal codes per country', () => {
  it('requires five digits in Germany, the default country', () => {
    expect(isValidPostalCode('10115')).toBe(true);
    expect(isValidPostalCode('10115', 'DE')).toBe(true);
    expect(isValidPostalCode('1011', 'DE')).toBe(false);
    expect(isValidPostalCode('101155', 'DE')).toBe(false);
    expect(isValidPostalCode('1011A', 'de')).toBe(false);
  });

  it('requires four digits in Austria and Switzerland', () => {
    expect(isValidPostalCode('1010', 'AT')).toBe(true);
    expect(isValidPostalCode('8001', 'CH')).toBe(true);
    expect(isValidPostalCode('10115', 'AT')).toBe(false);
    expect(isValidPostalCode('801', 'CH')).toBe(false);
  });

  it('accepts 3 to 10 letters or digits elsewhere', () => {
    expect(isValidPostalCode('SW1A 1AA', 'GB')).toBe(true);
    expect(isValidPostalCode('75008', 'FR')).toBe(true);
    expect(isValidPostalCode('1234-567', 'PT')).toBe(true);
    expect(isValidPostalCode('12', 'FR')).toBe(false);
    expect(isValidPostalCode('12345678901', 'US')).toBe(false);
    expect(isValidPostalCode('12--34', 'NL')).toBe(false);
    expect(isValidPostalCode('ab$12', 'NL')).toBe(false);
  });

  it('describes the expected format for error messages', () => {
    expect(postalCodeFormat('DE')).toBe('5 digits');
    expect(postalCodeFormat('ch')).toBe('4 digits');
    expect(postalCodeFormat('FR')).toBe('3 to 10 letters or digits');
  });
});
