import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsObject, IsOptional, ValidateBy, ValidateIf, ValidateNested, ValidationArguments } from 'class-validator';

/**
 * A field that may be left out. `null` is still validated (and refused by the field's type check):
 * class-validator's `IsOptional` skips `null` too, which let `null` reach NOT NULL columns.
 */
export function Optional(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

/**
 * A field that may be left out or be `null`; `null` clears it. Only for fields whose column (or
 * stored value) is nullable: this is the one place the PATCH rule "null clears only nullable
 * fields, otherwise 422" is decided.
 */
export function Nullable(): PropertyDecorator {
  return IsOptional();
}

/**
 * Options for PartialType: a partial body's fields may be left out, but `null` is validated, so it
 * clears only fields marked `Nullable()`.
 */
export const PATCH_FIELDS = { skipNullProperties: false } as const;

const mustBeObject = (args?: ValidationArguments): string => `${args?.property ?? 'value'} must be an object`;

/**
 * One nested object of class `type`: arrays, scalars and `null` are refused (422) with one message.
 * ValidateNested refuses scalars and `null` but walks arrays, so arrays alone get their own check.
 */
export function NestedObject(type: () => new () => object): PropertyDecorator {
  return applyDecorators(
    ValidateBy({ name: 'isNotArray', validator: { validate: (value) => !Array.isArray(value), defaultMessage: mustBeObject } }),
    ValidateNested({ message: mustBeObject }),
    Type(type),
  );
}

/** An array of objects of class `type`: nested arrays, scalars and `null` items are refused (422). */
export function NestedArray(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsArray(), IsObject({ each: true }), ValidateNested({ each: true }), Type(type));
}
