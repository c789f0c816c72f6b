import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsDefined, IsISO4217CurrencyCode, IsInt, IsLatitude, IsLongitude, IsNumber, IsPositive, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsIsoDate, NestedArray, NestedObject, Nullable, Optional, PageQueryDto } from '@quartier/contracts-shared';
import { CoordinatesDto, PropertyAttributesDto } from './property-attributes.dto';

export const MAX_SALES_PER_REQUEST = 1000;

/** The attributes a sale must state: what a valuation needs at least. */
class RequiredSaleAttributesDto {
  @ApiPropertyOptional({ description: 'Your id of the sale: adding it again is skipped (idempotent)', maxLength: 100 })
  @Optional()
  @IsString()
  @Length(1, 100)
  externalId?: string;

  @ApiProperty({ example: '2014-12-01' })
  @IsIsoDate()
  saleDate!: string;

  @ApiProperty({ type: 'integer', description: 'Sale price in cents', example: 45000000 })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  priceCents!: number;

  @ApiProperty({ example: 'USD' })
  @IsISO4217CurrencyCode()
  currency!: string;

  @ApiProperty({ description: 'Living area in m²', example: 120 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(100_000)
  livingArea!: number;

  @ApiProperty({ type: 'integer', example: 1978 })
  @IsInt()
  @Min(1000)
  @Max(2100)
  yearBuilt!: number;

  @ApiProperty({ type: CoordinatesDto })
  @IsDefined()
  @NestedObject(() => CoordinatesDto)
  coordinates!: CoordinatesDto;
}

/** One of your organization's own sales, used as a comparable only in your valuations. */
export class MarketSaleDto extends IntersectionType(
  OmitType(PropertyAttributesDto, ['livingArea', 'yearBuilt', 'coordinates'] as const),
  RequiredSaleAttributesDto,
) {}

export class AddMarketSalesDto {
  @ApiProperty({ type: [MarketSaleDto], maxItems: MAX_SALES_PER_REQUEST })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SALES_PER_REQUEST)
  @NestedArray(() => MarketSaleDto)
  sales!: MarketSaleDto[];
}

export class AddMarketSalesResult {
  @ApiProperty({ description: 'Sales stored' }) inserted!: number;
  @ApiProperty({ description: 'Sales whose externalId was already stored' }) skipped!: number;
}

export const MARKET_SALE_SORT_FIELDS = ['saleDate', 'priceCents', 'createdAt'] as const;

/** `?sort=` over MARKET_SALE_SORT_FIELDS (default: newest sale first). */
export class MarketSaleQueryDto extends PageQueryDto {}

export class MarketSaleIdDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

/** What the service answers to a delete (the HTTP route answers 204 without a body). */
export class MarketSaleDeletedView {
  @ApiProperty({ enum: [true] }) deleted!: true;
}

export class MarketSaleView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() sourceId!: string;
  @ApiProperty() saleDate!: string;
  @ApiProperty() priceCents!: number;
  @ApiProperty() currency!: string;
  @ApiProperty() livingArea!: number;
  @ApiProperty({ type: CoordinatesDto }) coordinates!: CoordinatesDto;
  @ApiProperty({ type: String, nullable: true }) postalCode!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class MarketSalePageView {
  @ApiProperty({ type: [MarketSaleView] }) items!: MarketSaleView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() size!: number;
  @ApiProperty() pages!: number;
}

/** Filters of the market summary: a postal code, or a circle around a point, and a date window. */
export class MarketDataQueryDto {
  @ApiPropertyOptional({ example: '98103' })
  @Nullable()
  @IsString()
  @Length(1, 20)
  postalCode?: string;

  @ApiPropertyOptional({ description: 'Centre latitude (with lng and radiusKm)' })
  @Optional()
  @Type(() => Number)
  @IsLatitude()
  lat?: number;

  @ApiPropertyOptional({ description: 'Centre longitude (with lat and radiusKm)' })
  @Optional()
  @Type(() => Number)
  @IsLongitude()
  lng?: number;

  @ApiPropertyOptional({ description: 'Radius in km around lat/lng', minimum: 0.1, maximum: 100 })
  @Optional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.1)
  @Max(100)
  radiusKm?: number;

  @ApiPropertyOptional({ description: 'First sale date (ISO date)' })
  @Optional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Last sale date (ISO date)' })
  @Optional()
  @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({ description: 'Only sales in this currency (default: the most common one among the matches)' })
  @Optional()
  @IsISO4217CurrencyCode()
  currency?: string;
}

export class MonthlyMarketView {
  @ApiProperty({ example: '2014-11' }) month!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'Median price per m² in cents' }) medianPricePerM2Cents!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Change of the median price per m² against the previous month (0.02 = +2 %)' })
  change!: number | null;
}

export class MarketDataSummaryView {
  @ApiProperty() count!: number;
  @ApiProperty({ type: String, nullable: true, example: 'USD' }) currency!: string | null;
  @ApiProperty({ type: Number, nullable: true }) medianPriceCents!: number | null;
  @ApiProperty({ type: Number, nullable: true }) medianPricePerM2Cents!: number | null;
  @ApiProperty({ type: String, nullable: true }) from!: string | null;
  @ApiProperty({ type: String, nullable: true }) to!: string | null;
  @ApiProperty({ description: 'Of which your organization’s own sales' }) ownCount!: number;
  @ApiProperty({ type: [MonthlyMarketView], description: 'Trend: one entry per month with sales, oldest first' }) months!: MonthlyMarketView[];
}
