import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsInt32, NestedObject, Nullable, Optional, PageQueryDto, PATCH_FIELDS } from '@quartier/contracts-shared';
import { PageMetaResponse } from './common.dto';
import { HEATING_TYPES, type HeatingType } from './portfolio.enums';
import { AddressDto, AddressResponse } from './property.dto';
import { IsNotAfterYearsFromNow } from './portfolio.validators';

export class CreateBuildingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  propertyId!: string;

  @ApiProperty({ example: 'Vorderhaus' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ type: AddressDto, description: "Only when it differs from the property's address" })
  @Nullable()
  @NestedObject(() => AddressDto)
  address?: AddressDto;

  @ApiProperty({ type: 'integer', description: 'Storeys above ground; units may be on floors −5 to this number', minimum: 1, example: 5 })
  @IsInt()
  @Min(1)
  @Max(200)
  floors!: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1000, example: 1905 })
  @Nullable()
  @IsInt32({ min: 1000 })
  @IsNotAfterYearsFromNow(5)
  yearBuilt?: number;

  @ApiPropertyOptional({ default: false })
  @Optional()
  @IsBoolean()
  elevator?: boolean;

  @ApiPropertyOptional({ enum: HEATING_TYPES })
  @Nullable()
  @IsIn(HEATING_TYPES)
  heatingType?: HeatingType;
}

/** Only the given fields change; a building cannot move to another property. */
export class UpdateBuildingDto extends PartialType(OmitType(CreateBuildingDto, ['propertyId'] as const), PATCH_FIELDS) {}

export class UpdateBuildingMessageDto extends UpdateBuildingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

/** The PUT body: the create shape without the property, which a replace cannot move. */
export class ReplaceBuildingDto extends OmitType(CreateBuildingDto, ['propertyId'] as const) {}

/** The payload of `portfolio.v1.buildings.replace`. */
export class ReplaceBuildingMessageDto extends ReplaceBuildingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export const BUILDING_SORT_FIELDS = ['name', 'floors', 'yearBuilt', 'createdAt', 'updatedAt'] as const;

export class BuildingQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  propertyId?: string;

  @ApiPropertyOptional({ description: 'Search in the name' })
  @Optional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class BuildingResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) propertyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: AddressResponse, nullable: true }) address!: AddressResponse | null;
  @ApiProperty() floors!: number;
  @ApiProperty({ nullable: true, type: Number }) yearBuilt!: number | null;
  @ApiProperty() elevator!: boolean;
  @ApiProperty({ enum: HEATING_TYPES, nullable: true }) heatingType!: HeatingType | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class BuildingPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [BuildingResponse] })
  items!: BuildingResponse[];
}
