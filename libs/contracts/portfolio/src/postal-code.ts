/** Postal code formats per country (ISO 3166-1 alpha-2); others fall back to a generic pattern. */
const POSTAL_CODE_PATTERNS: Record<string, RegExp> = {
  DE: /^\d{5}$/,
  AT: /^\d{4}$/,
  CH: /^\d{4}$/,
};

/** Letters, digits, and at most single inner spaces or hyphens (e.g. `SW1A 1AA`, `1234-567`). */
const GENERIC_POSTAL_CODE = /^(?=(?:[A-Za-z0-9][ -]?){3,10}$)[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)*$/;

export const DEFAULT_COUNTRY = 'DE';

export function isValidPostalCode(postalCode: string, country: string = DEFAULT_COUNTRY): boolean {
  const pattern = POSTAL_CODE_PATTERNS[country.toUpperCase()] ?? GENERIC_POSTAL_CODE;
  return pattern.test(postalCode);
}

export function postalCodeFormat(country: string = DEFAULT_COUNTRY): string {
  switch (country.toUpperCase()) {
    case 'DE':
      return '5 digits';
    case 'AT':
    case 'CH':
      return '4 digits';
    default:
      return '3 to 10 letters or digits';
  }
}
