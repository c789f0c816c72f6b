import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsIsoDate, Nullable, Optional, PageQueryDto } from '@quartier/contracts-shared';
import { CoordinatesDto, PropertyAttributesDto } from './property-attributes.dto';

/**
 * Value a property from its attributes, or a portfolio property or unit by id. With an id the
 * attributes come from portfolio; attributes given here fill in or override them.
 */
export class ValuateDto extends PropertyAttributesDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A property of your portfolio' })
  @Nullable()
  @IsUUID()
  propertyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A unit of your portfolio (its property supplies location and age)' })
  @Nullable()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ description: 'Value as of this date (ISO date, default today); only sales up to it are used', example: '2015-02-01' })
  @Optional()
  @IsIsoDate()
  valuationDate?: string;
}

export const VALUATION_SORT_FIELDS = ['createdAt', 'estimateCents', 'valuationDate'] as const;

export class ValuationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  propertyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  unitId?: string;
}

export class ValuationIdDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

/** The attributes a valuation used, after portfolio lookup and imputation. */
export class ValuedAttributesView {
  @ApiProperty({ description: 'm²' }) livingArea!: number;
  @ApiProperty({ description: 'm²' }) lotArea!: number;
  @ApiProperty() bedrooms!: number;
  @ApiProperty() bathrooms!: number;
  @ApiProperty() floors!: number;
  @ApiProperty() yearBuilt!: number;
  @ApiProperty({ type: Number, nullable: true }) yearRenovated!: number | null;
  @ApiProperty() condition!: number;
  @ApiProperty() qualityGrade!: number;
  @ApiProperty({ type: CoordinatesDto }) coordinates!: CoordinatesDto;
  @ApiProperty({ type: String, nullable: true }) postalCode!: string | null;
  @ApiProperty() waterfront!: boolean;
  @ApiProperty() view!: number;
}

export class ComparableView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Id in the source the sale was imported from, or your externalId' }) sourceId!: string;
  @ApiProperty({ description: 'Your organization’s own sale (false: platform market data)' }) own!: boolean;
  @ApiProperty({ example: '2014-11-03' }) saleDate!: string;
  @ApiProperty({ example: 0.42 }) distanceKm!: number;
  @ApiProperty() livingArea!: number;
  @ApiProperty({ description: 'Sale price in cents' }) priceCents!: number;
  @ApiProperty({ description: 'The sale price moved to the valuation date and the property’s attributes, in cents' }) adjustedPriceCents!: number;
  @ApiProperty({ description: 'Weight in the comparable estimate (all sum to 1)' }) weight!: number;
}

export class MethodEstimateView {
  @ApiProperty({ enum: ['comparable', 'hedonic'] }) method!: 'comparable' | 'hedonic';
  @ApiProperty() estimateCents!: number;
  @ApiProperty({ description: 'Weight in the blended estimate' }) weight!: number;
}

export class ValuationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) propertyId!: string | null;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) unitId!: string | null;
  @ApiProperty({ example: '2015-02-01' }) valuationDate!: string;
  @ApiProperty({
    example: '2015-01-31',
    description: 'The market level the estimate reflects: the valuation date, or the last sale date the model was fitted on when that is earlier (the trend is not extrapolated)',
  })
  marketDate!: string;
  @ApiProperty({ description: 'Blended estimate in cents' }) estimateCents!: number;
  @ApiProperty({ description: 'Lower end of the range in cents' }) lowCents!: number;
  @ApiProperty({ description: 'Upper end of the range in cents' }) highCents!: number;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ description: 'Share of later held-out sales the range construction covered when the model was fitted (nominal)', example: 0.8 })
  rangeCoverage!: number;
  @ApiProperty({ enum: CONFIDENCE_LEVELS, description: 'Uncertainty class from how much the comparables and the two methods disagree' })
  confidence!: ConfidenceLevel;
  @ApiProperty({ description: 'Share of held-out later sales of this confidence class that sold within ±10 % of the estimate', example: 0.67 })
  confidenceScore!: number;
  @ApiProperty({ type: [MethodEstimateView] }) methods!: MethodEstimateView[];
  @ApiProperty({ type: [ComparableView] }) comparables!: ComparableView[];
  @ApiProperty({ type: ValuedAttributesView }) attributes!: ValuedAttributesView;
  @ApiProperty({ type: [String], description: 'Attributes nobody stated: the market median was assumed (the nearest sale’s for postalCode)', example: ['qualityGrade'] })
  assumed!: string[];
  @ApiProperty({ example: 'USD-3' }) modelVersion!: string;
  @ApiProperty({ format: 'uuid' }) modelId!: string;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ValuationPageView {
  @ApiProperty({ type: [ValuationView] }) items!: ValuationView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() size!: number;
  @ApiProperty() pages!: number;
}
