import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEmail, IsIn, IsInt, IsISO4217CurrencyCode, IsNumber, IsString, IsUUID, IsUrl, Length, Max, MaxLength, Min } from 'class-validator';
import { IsIsoDate, IsMoneyCents, NestedArray, NestedObject, Nullable, Optional, PageQueryDto, PATCH_FIELDS } from '@quartier/contracts-shared';
import {
  CHANNELS,
  ENERGY_CERTIFICATE_TYPES,
  ENERGY_CLASSES,
  HEATING_SOURCES,
  LISTING_STATUSES,
  MARKETING_TYPES,
  PUBLICATION_STATUSES,
  type Channel,
  type EnergyCertificateType,
  type EnergyClass,
  type HeatingSource,
  type ListingStatus,
  type MarketingType,
  type PublicationStatus,
} from './publishing.enums';

/** The Energieausweis data German ads must state (GEG § 87). */
export class ListingEnergyCertificateDto {
  @ApiProperty({ enum: ENERGY_CERTIFICATE_TYPES, description: 'Verbrauchsausweis (consumption) or Bedarfsausweis (demand)' })
  @IsIn(ENERGY_CERTIFICATE_TYPES)
  type!: EnergyCertificateType;

  @ApiPropertyOptional({ description: 'Energy consumption or demand in kWh/(m²·a)', example: 92.4 })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(2000)
  value?: number;

  @ApiPropertyOptional({ enum: ENERGY_CLASSES, example: 'C' })
  @Optional()
  @IsIn(ENERGY_CLASSES)
  energyClass?: EnergyClass;

  @ApiPropertyOptional({ description: 'Construction year of the building as stated in the certificate', example: 1998 })
  @Optional()
  @IsInt()
  @Min(1000)
  @Max(2100)
  constructionYear?: number;

  @ApiPropertyOptional({ enum: HEATING_SOURCES, description: 'Primary energy source of the heating', example: 'gas' })
  @Optional()
  @IsIn(HEATING_SOURCES)
  heatingSource?: HeatingSource;

  @ApiPropertyOptional({ description: 'ISO date', example: '2032-05-31' })
  @Optional()
  @IsIsoDate()
  validUntil?: string;
}

export class ListingContactDto {
  @ApiProperty({ example: 'Anna Becker' })
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiPropertyOptional({ example: 'anna.becker@example.de' })
  @Optional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ example: '+49 30 1234567' })
  @Optional()
  @IsString()
  @Length(3, 40)
  phone?: string;
}

/** An image by public https URL or by a document id of the portfolio document store. */
export class ListingImageDto {
  @ApiPropertyOptional({ example: 'https://cdn.example.de/objekte/42/wohnzimmer.jpg' })
  @Nullable()
  @IsUrl({ protocols: ['https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A document (image) of your portfolio' })
  @Optional()
  @IsUUID()
  documentId?: string;

  @ApiPropertyOptional({ example: 'Wohnzimmer' })
  @Optional()
  @IsString()
  @Length(1, 200)
  title?: string;
}

export class CreateListingDto {
  @ApiProperty({ format: 'uuid', description: 'The property of your portfolio that is marketed' })
  @IsUUID()
  propertyId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The unit of that property (an apartment to rent); without it the whole property is marketed' })
  @Nullable()
  @IsUUID()
  unitId?: string;

  @ApiProperty({ enum: MARKETING_TYPES })
  @IsIn(MARKETING_TYPES)
  marketingType!: MarketingType;

  @ApiProperty({ example: 'Helle 3-Zimmer-Wohnung mit Balkon in Mitte', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  title!: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @Nullable()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'Cold rent per month (rent) or purchase price (sale), in cents', example: 145000 })
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  priceCents?: number;

  @ApiPropertyOptional({ default: 'EUR' })
  @Optional()
  @IsISO4217CurrencyCode()
  currency?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'Service charges (Nebenkosten) per month in cents', example: 22000 })
  @Nullable()
  @IsMoneyCents()
  additionalCostsCents?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Heating costs per month in cents (when not in the service charges)' })
  @Nullable()
  @IsMoneyCents()
  heatingCostsCents?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Deposit (Kaution) in cents', example: 435000 })
  @Nullable()
  @IsMoneyCents()
  depositCents?: number;

  @ApiPropertyOptional({ description: 'Buyer’s commission (Käuferprovision) as stated in the ad', example: '3,57 % inkl. MwSt.' })
  @Nullable()
  @IsString()
  @Length(1, 200)
  commission?: string;

  @ApiPropertyOptional({ description: 'Living area in m² (default: the unit’s or property’s)' })
  @Nullable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(1_000_000)
  livingArea?: number;

  @ApiPropertyOptional({ description: 'Rooms (default: the unit’s or property’s)' })
  @Nullable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.5)
  @Max(1000)
  rooms?: number;

  @ApiPropertyOptional({ type: ListingEnergyCertificateDto, description: 'Default: the property’s energy certificate in portfolio' })
  @Nullable()
  @NestedObject(() => ListingEnergyCertificateDto)
  energyCertificate?: ListingEnergyCertificateDto;

  @ApiPropertyOptional({ type: [String], example: ['balcony', 'fitted_kitchen', 'elevator'], description: 'Default: the unit’s features and property’s amenities' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  features?: string[];

  @ApiPropertyOptional({ type: ListingContactDto })
  @Nullable()
  @NestedObject(() => ListingContactDto)
  contact?: ListingContactDto;

  @ApiPropertyOptional({ type: [ListingImageDto], description: 'The first one is the title picture' })
  @Optional()
  @ArrayMaxSize(50)
  @NestedArray(() => ListingImageDto)
  images?: ListingImageDto[];
}

/** Only the given fields change; null clears an optional one. The channels the listing is published on are updated by jobs. */
export class UpdateListingDto extends PartialType(OmitType(CreateListingDto, ['propertyId', 'unitId'] as const), PATCH_FIELDS) {}

export class ListingIdDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

/** The bus message of an update: the body of PATCH /listings/{id} and the id from its path. */
export class UpdateListingMessageDto extends UpdateListingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

/** What the service answers to a delete (the HTTP route answers 204 without a body). */
export class ListingDeletedView {
  @ApiProperty({ enum: [true] }) deleted!: true;
}

export class PublishListingDto {
  @ApiProperty({ enum: CHANNELS, isArray: true, example: ['immoscout24', 'immowelt'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels!: Channel[];
}

export class PublishListingMessageDto extends IntersectionType(ListingIdDto, PublishListingDto) {}

export class UnpublishListingDto {
  @ApiPropertyOptional({ enum: CHANNELS, isArray: true, description: 'Default: every channel it is published on' })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels?: Channel[];
}

export class UnpublishListingMessageDto extends IntersectionType(ListingIdDto, UnpublishListingDto) {}

export const LISTING_SORT_FIELDS = ['createdAt', 'updatedAt', 'title', 'priceCents'] as const;

export class ListingQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LISTING_STATUSES })
  @Optional()
  @IsIn(LISTING_STATUSES)
  status?: ListingStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  propertyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  unitId?: string;
}

export class ListingAddressView {
  @ApiProperty() street!: string;
  @ApiProperty({ type: String, nullable: true }) houseNumber!: string | null;
  @ApiProperty() postalCode!: string;
  @ApiProperty() city!: string;
  @ApiProperty() country!: string;
}

/** What portfolio said about the marketed object when the listing was created or last updated. */
export class ListingObjectView {
  @ApiProperty({ example: 'apartment_building' }) propertyType!: string;
  @ApiProperty({ type: String, nullable: true, example: 'apartment' }) unitType!: string | null;
  @ApiProperty({ type: ListingAddressView }) address!: ListingAddressView;
  @ApiProperty({ type: Number, nullable: true }) floor!: number | null;
  @ApiProperty({ type: Number, nullable: true }) yearBuilt!: number | null;
  @ApiProperty({ type: Number, nullable: true }) lat!: number | null;
  @ApiProperty({ type: Number, nullable: true }) lng!: number | null;
}

export class PublicationView {
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty({ enum: PUBLICATION_STATUSES }) status!: PublicationStatus;
  @ApiProperty({ type: String, nullable: true, description: 'The portal’s id of the ad or post' }) externalId!: string | null;
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The portal’s message of the last failure' }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) publishedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ListingView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) propertyId!: string;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) unitId!: string | null;
  @ApiProperty({ enum: LISTING_STATUSES }) status!: ListingStatus;
  @ApiProperty({ enum: MARKETING_TYPES }) marketingType!: MarketingType;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: Number, nullable: true }) priceCents!: number | null;
  @ApiProperty() currency!: string;
  @ApiProperty({ type: Number, nullable: true }) additionalCostsCents!: number | null;
  @ApiProperty({ type: Number, nullable: true }) heatingCostsCents!: number | null;
  @ApiProperty({ type: Number, nullable: true }) depositCents!: number | null;
  @ApiProperty({ type: String, nullable: true }) commission!: string | null;
  @ApiProperty({ type: Number, nullable: true }) livingArea!: number | null;
  @ApiProperty({ type: Number, nullable: true }) rooms!: number | null;
  @ApiProperty({ type: ListingEnergyCertificateDto, nullable: true }) energyCertificate!: ListingEnergyCertificateDto | null;
  @ApiProperty({ type: [String] }) features!: string[];
  @ApiProperty({ type: ListingContactDto, nullable: true }) contact!: ListingContactDto | null;
  @ApiProperty({ type: [ListingImageDto] }) images!: ListingImageDto[];
  @ApiProperty({ type: ListingObjectView }) object!: ListingObjectView;
  @ApiProperty({ type: [PublicationView] }) publications!: PublicationView[];
  @ApiProperty({ type: String, nullable: true, description: 'Why it was withdrawn, e.g. the unit was rented' }) withdrawnReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ListingPageView {
  @ApiProperty({ type: [ListingView] }) items!: ListingView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() size!: number;
  @ApiProperty() pages!: number;
}

export class ChannelReadinessView {
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty() ready!: boolean;
  @ApiProperty({ type: [String], example: ['energyCertificate.value', 'images'] }) missing!: string[];
}

export class ListingReadinessView {
  @ApiProperty({ type: [ChannelReadinessView] }) channels!: ChannelReadinessView[];
}
