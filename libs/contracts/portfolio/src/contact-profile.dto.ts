import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsISO31661Alpha2, IsISO4217CurrencyCode, IsInt, IsNumber, IsPositive, IsString, Length, Matches, Max, Min } from 'class-validator';
import { SEARCH_PURPOSES, type SearchPurpose } from './contact.enums';
import { PROPERTY_TYPES, UNIT_TYPES, type PropertyType, type UnitType } from './portfolio.enums';
import { IsPostalCodeFor } from './portfolio.validators';
import { IsIsoDateTime, Nullable, Optional } from '@quartier/contracts-shared';

/** Emails compare case-insensitively, so they are stored lower-cased and trimmed. */
const normalizeEmail = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class ContactEmailDto {
  @ApiProperty({ example: 'anna.schulz@example.de' })
  @Transform(normalizeEmail)
  @IsEmail()
  @Length(3, 254)
  address!: string;

  @ApiPropertyOptional({ example: 'work', maxLength: 50 })
  @Optional()
  @IsString()
  @Length(1, 50)
  label?: string;
}

export class ContactPhoneDto {
  @ApiProperty({ description: 'Digits with optional +, spaces, dashes, slashes and parentheses', example: '+49 30 1234567' })
  @IsString()
  @Matches(/^\+?[0-9][0-9 ()/-]{2,39}$/, { message: 'number must be a phone number (digits, optional +, spaces, dashes, slashes, parentheses)' })
  number!: string;

  @ApiPropertyOptional({ example: 'mobile', maxLength: 50 })
  @Optional()
  @IsString()
  @Length(1, 50)
  label?: string;
}

/** A contact's postal address; every part is optional (a walk-in may leave only a city). */
export class ContactAddressDto {
  @ApiPropertyOptional({ example: 'Kastanienallee' })
  @Optional()
  @IsString()
  @Length(1, 200)
  street?: string;

  @ApiPropertyOptional({ example: '12' })
  @Nullable()
  @IsString()
  @Length(1, 20)
  houseNumber?: string;

  @ApiPropertyOptional({ description: 'DE: 5 digits; AT, CH: 4 digits; elsewhere 3–10 letters or digits', example: '10435' })
  @Optional()
  @IsString()
  @IsPostalCodeFor('country')
  postalCode?: string;

  @ApiPropertyOptional({ example: 'Berlin' })
  @Optional()
  @IsString()
  @Length(1, 100)
  city?: string;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2', example: 'DE' })
  @Optional()
  @IsISO31661Alpha2()
  country?: string;
}

/**
 * What a prospect looks for (Suchprofil). Budgets are minor units in `currency`: the monthly cold
 * rent when renting, the purchase price when buying.
 */
export class SearchProfileDto {
  @ApiProperty({ enum: SEARCH_PURPOSES })
  @IsIn(SEARCH_PURPOSES)
  purpose!: SearchPurpose;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'Minimum budget in cents', example: 80000 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  budgetMinCents?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'Maximum budget in cents', example: 130000 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  budgetMaxCents?: number;

  @ApiPropertyOptional({ description: 'ISO 4217 currency of the budget', default: 'EUR' })
  @Optional()
  @IsISO4217CurrencyCode()
  currency?: string;

  @ApiPropertyOptional({ minimum: 0, example: 2 })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  roomsMin?: number;

  @ApiPropertyOptional({ minimum: 0, example: 4 })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(1000)
  roomsMax?: number;

  @ApiPropertyOptional({ description: 'Minimum area in m²', minimum: 0, example: 55 })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10_000_000)
  areaMin?: number;

  @ApiPropertyOptional({ description: 'Maximum area in m²', minimum: 0, example: 110 })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(10_000_000)
  areaMax?: number;

  @ApiPropertyOptional({ type: [String], description: 'Postal codes or their prefixes (e.g. `104` for 10405–10439)', example: ['10435', '104'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Matches(/^[0-9A-Za-z -]{1,10}$/, { each: true, message: 'each postal code must be 1–10 letters or digits' })
  postalCodes?: string[];

  @ApiPropertyOptional({ type: [String], example: ['Berlin'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  cities?: string[];

  @ApiPropertyOptional({ enum: PROPERTY_TYPES, isArray: true, description: 'Property types; for rent the building the unit is in' })
  @Optional()
  @IsArray()
  @IsIn(PROPERTY_TYPES, { each: true })
  propertyTypes?: PropertyType[];

  @ApiPropertyOptional({ enum: UNIT_TYPES, isArray: true, description: 'Unit types (rent only)' })
  @Optional()
  @IsArray()
  @IsIn(UNIT_TYPES, { each: true })
  unitTypes?: UnitType[];
}

/** GDPR (DSGVO Art. 7): marketing consent with when and how it was given, so it can be proven. */
export class MarketingConsentDto {
  @ApiProperty({ description: 'Whether the contact agreed to marketing messages' })
  @IsBoolean()
  granted!: boolean;

  @ApiPropertyOptional({ description: 'When it was given or withdrawn; defaults to now', format: 'date-time' })
  @Optional()
  @IsIsoDateTime()
  at?: string;

  @ApiPropertyOptional({ description: 'How it was given, e.g. web form, signed form, email', example: 'website_form', maxLength: 200 })
  @Nullable()
  @IsString()
  @Length(1, 200)
  source?: string;
}

export class MarketingConsentResponse {
  @ApiProperty() granted!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) at!: string | null;
  @ApiProperty({ nullable: true, type: String }) source!: string | null;
}

export class ContactEmailResponse {
  @ApiProperty() address!: string;
  @ApiProperty({ nullable: true, type: String }) label!: string | null;
}

export class ContactPhoneResponse {
  @ApiProperty() number!: string;
  @ApiProperty({ nullable: true, type: String }) label!: string | null;
}
