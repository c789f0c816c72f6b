import { ValidationArguments, ValidationOptions, registerDecorator } from 'class-validator';
import { DEFAULT_COUNTRY, isValidPostalCode, postalCodeFormat } from './postal-code';

/** Validates a postal code against the country in the sibling property `countryField` (default DE). */
export function IsPostalCodeFor(countryField: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isPostalCodeFor',
      target: target.constructor,
      propertyName: propertyName.toString(),
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          return typeof value === 'string' && isValidPostalCode(value, countryOf(args, countryField));
        },
        defaultMessage(args: ValidationArguments): string {
          const country = countryOf(args, countryField);
          return `${args.property} must be ${postalCodeFormat(country)} for country ${country.toUpperCase()}`;
        },
      },
    });
  };
}

function countryOf(args: ValidationArguments, countryField: string): string {
  const country = (args.object as Record<string, unknown>)[countryField];
  return typeof country === 'string' && country.length > 0 ? country : DEFAULT_COUNTRY;
}

/** A number that is a whole multiple of `step`, e.g. rooms in half steps (2.5). */
export function IsMultipleOf(step: number, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isMultipleOf',
      target: target.constructor,
      propertyName: propertyName.toString(),
      constraints: [step],
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && Number.isInteger(value / step),
        defaultMessage: (args: ValidationArguments) => `${args.property} must be a multiple of ${step}`,
      },
    });
  };
}

/** A year no later than `yearsAhead` after the current one (planned buildings are allowed). */
export function IsNotAfterYearsFromNow(yearsAhead: number, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isNotAfterYearsFromNow',
      target: target.constructor,
      propertyName: propertyName.toString(),
      constraints: [yearsAhead],
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'number' && value <= new Date().getUTCFullYear() + yearsAhead,
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must not be later than ${new Date().getUTCFullYear() + yearsAhead}`,
      },
    });
  };
}
