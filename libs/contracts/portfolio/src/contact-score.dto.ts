import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { Nullable, Optional, PageQueryDto } from '@quartier/contracts-shared';
import { IdDto, MoneyDto, PageMetaResponse } from './common.dto';
import { ContactResponse } from './contact.dto';
import { LEAD_GRADES, LEAD_SCORE_FACTORS, SEARCH_PURPOSES, type LeadGrade, type LeadScoreFactor, type SearchPurpose } from './contact.enums';
import { PROPERTY_TYPES, UNIT_TYPES, type PropertyType, type UnitType } from './portfolio.enums';

export class LeadScoreReasonResponse {
  @ApiProperty({ enum: LEAD_SCORE_FACTORS }) factor!: LeadScoreFactor;
  @ApiProperty({ example: 15 }) points!: number;
  @ApiProperty({ example: 25 }) maxPoints!: number;
  @ApiProperty({ example: '3 available listings match the search profile' }) detail!: string;
}

export class LeadScoreResponse {
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ minimum: 0, maximum: 100, example: 68 }) score!: number;
  @ApiProperty({ enum: LEAD_GRADES, description: 'A ≥ 75, B ≥ 50, C ≥ 25, D below' }) grade!: LeadGrade;
  @ApiProperty({ type: [LeadScoreReasonResponse], description: 'The points of each factor; they add up to the score' })
  reasons!: LeadScoreReasonResponse[];
  @ApiProperty({ format: 'date-time' }) scoredAt!: string;
}

/** `GET /contacts/leads`: open leads (not won or lost), best first. */
export class LeadQueryDto extends OmitType(PageQueryDto, ['sort'] as const) {
  @ApiPropertyOptional({ enum: LEAD_GRADES, description: 'Only this grade' })
  @Optional()
  @IsIn(LEAD_GRADES)
  grade?: LeadGrade;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only leads of this agent' })
  @Nullable()
  @IsUUID()
  ownerId?: string;
}

export class LeadPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [ContactResponse] })
  items!: ContactResponse[];
}

/** `?page=&size=` of the matches (best price fit first, no sort). */
export class ContactMatchQueryDto extends OmitType(PageQueryDto, ['sort'] as const) {}

export class ContactMatchesMessageDto extends IntersectionType(IdDto, ContactMatchQueryDto) {}

export const LISTING_KINDS = ['unit', 'property'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];

/** An available listing of the organization that fits a search profile: a vacant unit to rent or a property for sale. */
export class ContactMatchResponse {
  @ApiProperty({ enum: LISTING_KINDS }) kind!: ListingKind;
  @ApiProperty({ enum: SEARCH_PURPOSES }) purpose!: SearchPurpose;
  @ApiProperty({ format: 'uuid' }) propertyId!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) unitId!: string | null;
  @ApiProperty({ example: 'Invalidenstraße 117 · WE 3.2' }) title!: string;
  @ApiProperty({ enum: PROPERTY_TYPES }) propertyType!: PropertyType;
  @ApiProperty({ enum: UNIT_TYPES, nullable: true }) unitType!: UnitType | null;
  @ApiProperty() postalCode!: string;
  @ApiProperty() city!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'm²' }) area!: number | null;
  @ApiProperty({ nullable: true, type: Number }) rooms!: number | null;
  @ApiProperty({ type: MoneyDto, nullable: true, description: 'Monthly cold rent (rent) or price (buy)' }) price!: MoneyDto | null;
}

export class ContactMatchPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [ContactMatchResponse] })
  items!: ContactMatchResponse[];
}
