import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { NestedArray, NestedObject, Nullable, Optional, PageQueryDto, PATCH_FIELDS, QueryBoolean } from '@quartier/contracts-shared';
import { PageMetaResponse } from './common.dto';
import {
  CONTACT_KINDS,
  CONTACT_SOURCES,
  CONTACT_STATUSES,
  CONTACT_TYPES,
  LEAD_GRADES,
  type ContactKind,
  type ContactSource,
  type ContactStatus,
  type ContactType,
  type LeadGrade,
} from './contact.enums';
import {
  ContactAddressDto,
  ContactEmailDto,
  ContactEmailResponse,
  ContactPhoneDto,
  ContactPhoneResponse,
  MarketingConsentDto,
  MarketingConsentResponse,
  SearchProfileDto,
} from './contact-profile.dto';

/** Tags compare case-insensitively. */
const normalizeTags = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.map((tag) => (typeof tag === 'string' ? tag.trim().toLowerCase() : tag)) : value;

/** A person needs a last name, a company its company name (checked by the service). */
export class CreateContactDto {
  @ApiProperty({ enum: CONTACT_TYPES })
  @IsIn(CONTACT_TYPES)
  type!: ContactType;

  @ApiPropertyOptional({ example: 'Frau', maxLength: 50 })
  @Nullable()
  @IsString()
  @Length(1, 50)
  salutation?: string;

  @ApiPropertyOptional({ example: 'Anna' })
  @Nullable()
  @IsString()
  @Length(1, 100)
  firstName?: string;

  @ApiPropertyOptional({ example: 'Schulz', description: 'Required for a person' })
  @Nullable()
  @IsString()
  @Length(1, 100)
  lastName?: string;

  @ApiPropertyOptional({ example: 'Schulz Immobilien GmbH', description: 'Required for a company; the employer of a person' })
  @Nullable()
  @IsString()
  @Length(1, 200)
  companyName?: string;

  @ApiPropertyOptional({ type: [ContactEmailDto], description: 'Unique within the organization (409 CONTACT_EMAIL_TAKEN)' })
  @Nullable()
  @ArrayMaxSize(10)
  @NestedArray(() => ContactEmailDto)
  emails?: ContactEmailDto[];

  @ApiPropertyOptional({ type: [ContactPhoneDto] })
  @Nullable()
  @ArrayMaxSize(10)
  @NestedArray(() => ContactPhoneDto)
  phones?: ContactPhoneDto[];

  @ApiPropertyOptional({ type: ContactAddressDto })
  @Nullable()
  @NestedObject(() => ContactAddressDto)
  address?: ContactAddressDto;

  @ApiPropertyOptional({ enum: CONTACT_KINDS, isArray: true })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @IsIn(CONTACT_KINDS, { each: true })
  kinds?: ContactKind[];

  @ApiPropertyOptional({ type: [String], description: 'Free labels, stored lower-case', example: ['vip', 'familie'] })
  @Optional()
  @Transform(normalizeTags)
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ enum: CONTACT_SOURCES })
  @Nullable()
  @IsIn(CONTACT_SOURCES)
  source?: ContactSource;

  @ApiPropertyOptional({ format: 'uuid', description: 'The assigned agent (a user of the organization); defaults to the creator' })
  @Nullable()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ enum: CONTACT_STATUSES, default: 'new' })
  @Optional()
  @IsIn(CONTACT_STATUSES)
  status?: ContactStatus;

  @ApiPropertyOptional({ type: SearchProfileDto })
  @Nullable()
  @NestedObject(() => SearchProfileDto)
  searchProfile?: SearchProfileDto;

  @ApiPropertyOptional({ type: MarketingConsentDto })
  // Never cleared: consent is withdrawn with `granted: false`, which keeps when and how it was given.
  @Optional()
  @NestedObject(() => MarketingConsentDto)
  marketingConsent?: MarketingConsentDto;

  @ApiPropertyOptional({ maxLength: 10_000 })
  @Nullable()
  @IsString()
  @MaxLength(10_000)
  notes?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Properties of the organization the contact is interested in' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  interestedPropertyIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Units of the organization the contact is interested in' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  interestedUnitIds?: string[];
}

/** PATCH: only the given fields change; `null` clears an optional one. PUT sends the full create shape. */
export class UpdateContactDto extends PartialType(CreateContactDto, PATCH_FIELDS) {}

export class UpdateContactMessageDto extends UpdateContactDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

/** The payload of `portfolio.v1.contacts.replace` (PUT): the id plus every required field. */
export class ReplaceContactMessageDto extends CreateContactDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export const CONTACT_SORT_FIELDS = ['name', 'status', 'source', 'leadScore', 'lastContactedAt', 'createdAt', 'updatedAt'] as const;

export class ContactQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONTACT_STATUSES })
  @Optional()
  @IsIn(CONTACT_STATUSES)
  status?: ContactStatus;

  @ApiPropertyOptional({ enum: CONTACT_KINDS })
  @Optional()
  @IsIn(CONTACT_KINDS)
  kind?: ContactKind;

  @ApiPropertyOptional({ description: 'A tag, case-insensitive' })
  @Optional()
  @IsString()
  @Length(1, 50)
  tag?: string;

  @ApiPropertyOptional({ enum: CONTACT_TYPES })
  @Optional()
  @IsIn(CONTACT_TYPES)
  type?: ContactType;

  @ApiPropertyOptional({ enum: CONTACT_SOURCES })
  @Nullable()
  @IsIn(CONTACT_SOURCES)
  source?: ContactSource;

  @ApiPropertyOptional({ format: 'uuid', description: 'The assigned agent' })
  @Nullable()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ enum: LEAD_GRADES })
  @Optional()
  @IsIn(LEAD_GRADES)
  grade?: LeadGrade;

  @ApiPropertyOptional({ format: 'uuid', description: 'Contacts interested in this property' })
  @Nullable()
  @IsUUID()
  propertyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Contacts interested in this unit' })
  @Nullable()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ description: 'Only contacts who gave (true) or did not give (false) marketing consent, e.g. for a mailing' })
  @Optional()
  @QueryBoolean()
  marketingConsent?: boolean;

  @ApiPropertyOptional({ description: 'Search in name, company, email and phone (phone digits match however they are written)' })
  @Optional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class ContactAddressResponse {
  @ApiProperty({ nullable: true, type: String }) street!: string | null;
  @ApiProperty({ nullable: true, type: String }) houseNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) postalCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) city!: string | null;
  @ApiProperty({ nullable: true, type: String }) country!: string | null;
}

export class LeadScoreSummaryResponse {
  @ApiProperty({ minimum: 0, maximum: 100, example: 68 }) score!: number;
  @ApiProperty({ enum: LEAD_GRADES }) grade!: LeadGrade;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) scoredAt!: string | null;
}

export class ContactResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CONTACT_TYPES }) type!: ContactType;
  @ApiProperty({ description: 'First and last name of a person, the company name of a company', example: 'Anna Schulz' }) name!: string;
  @ApiProperty({ nullable: true, type: String }) salutation!: string | null;
  @ApiProperty({ nullable: true, type: String }) firstName!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastName!: string | null;
  @ApiProperty({ nullable: true, type: String }) companyName!: string | null;
  @ApiProperty({ type: [ContactEmailResponse] }) emails!: ContactEmailResponse[];
  @ApiProperty({ type: [ContactPhoneResponse] }) phones!: ContactPhoneResponse[];
  @ApiProperty({ type: ContactAddressResponse, nullable: true }) address!: ContactAddressResponse | null;
  @ApiProperty({ enum: CONTACT_KINDS, isArray: true }) kinds!: ContactKind[];
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ enum: CONTACT_SOURCES, nullable: true }) source!: ContactSource | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) ownerId!: string | null;
  @ApiProperty({ enum: CONTACT_STATUSES }) status!: ContactStatus;
  @ApiProperty({ type: SearchProfileDto, nullable: true }) searchProfile!: SearchProfileDto | null;
  @ApiProperty({ type: MarketingConsentResponse }) marketingConsent!: MarketingConsentResponse;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) interestedPropertyIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) interestedUnitIds!: string[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'The latest call, email, meeting, viewing or offer' })
  lastContactedAt!: string | null;
  @ApiProperty({ type: LeadScoreSummaryResponse }) leadScore!: LeadScoreSummaryResponse;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ContactPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [ContactResponse] })
  items!: ContactResponse[];
}
