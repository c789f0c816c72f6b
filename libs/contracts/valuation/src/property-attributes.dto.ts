import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsLatitude, IsLongitude, IsNumber, IsPositive, IsString, Length, Max, Min } from 'class-validator';
import { NestedObject, Nullable, Optional } from '@quartier/contracts-shared';

const finite = { allowNaN: false, allowInfinity: false } as const;

export class CoordinatesDto {
  @ApiProperty({ minimum: -90, maximum: 90, example: 47.5112 })
  @IsLatitude()
  lat!: number;

  @ApiProperty({ minimum: -180, maximum: 180, example: -122.257 })
  @IsLongitude()
  lng!: number;
}

/** What the models use to value a property; all optional here, the valuation says which it needs. */
export class PropertyAttributesDto {
  @ApiPropertyOptional({ description: 'Living area in m²', example: 110 })
  @Optional()
  @IsNumber(finite)
  @IsPositive()
  @Max(100_000)
  livingArea?: number;

  @ApiPropertyOptional({ description: 'Lot (plot) area in m²', example: 650 })
  @Optional()
  @IsNumber(finite)
  @IsPositive()
  @Max(10_000_000)
  lotArea?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 50, example: 3 })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(50)
  bedrooms?: number;

  @ApiPropertyOptional({ description: 'Bathrooms, quarter steps as in US listings (0.75 = shower, toilet, basin)', minimum: 0, maximum: 50, example: 2.25 })
  @Nullable()
  @IsNumber(finite)
  @Min(0)
  @Max(50)
  bathrooms?: number;

  @ApiPropertyOptional({ description: 'Storeys, half storeys allowed', minimum: 1, maximum: 200, example: 2 })
  @Nullable()
  @IsNumber(finite)
  @Min(1)
  @Max(200)
  floors?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1000, maximum: 2100, example: 1978 })
  @Optional()
  @IsInt()
  @Min(1000)
  @Max(2100)
  yearBuilt?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1000, maximum: 2100, description: 'Year of the last full renovation' })
  @Nullable()
  @IsInt()
  @Min(1000)
  @Max(2100)
  yearRenovated?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 5, description: 'Condition: 1 poor, 3 average, 5 very good' })
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(5)
  condition?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 13, description: 'Construction quality grade: 7 average, 11+ luxury (King County scale)' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(13)
  qualityGrade?: number;

  @ApiPropertyOptional({ type: CoordinatesDto })
  @Optional()
  @NestedObject(() => CoordinatesDto)
  coordinates?: CoordinatesDto;

  @ApiPropertyOptional({ example: '98118' })
  @Nullable()
  @IsString()
  @Length(1, 20)
  postalCode?: string;

  @ApiPropertyOptional({ description: 'Directly on the water' })
  @Nullable()
  @IsBoolean()
  waterfront?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 4, description: 'Quality of the view: 0 none to 4 excellent' })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(4)
  view?: number;
}
