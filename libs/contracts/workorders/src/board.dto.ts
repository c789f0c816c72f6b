import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { NestedArray, Nullable, Optional, PageQueryDto } from '@quartier/contracts-shared';

export const BOARD_SORT_FIELDS = ['name', 'createdAt'] as const;

const COLUMN_KEY = /^[a-z][a-z0-9_]{0,39}$/;

export class BoardColumnDto {
  @ApiProperty({ example: 'in_progress', description: 'Stable key; a task\'s status is its column key' })
  @Matches(COLUMN_KEY, { message: 'key must be lower-case letters, digits or _ (max 40)' })
  key!: string;

  @ApiProperty({ example: 'In progress' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ minimum: 1, description: 'At most this many tasks in the column; none when absent' })
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(1000)
  wipLimit?: number;

  @ApiPropertyOptional({ default: false, description: 'Tasks here count as done' })
  @Optional()
  @IsBoolean()
  terminal?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'Column keys tasks may come from; any when absent' })
  @Nullable()
  @IsArray()
  @Matches(COLUMN_KEY, { each: true, message: 'allowedFrom must list column keys' })
  allowedFrom?: string[];
}

export class CreateBoardDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Nullable()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ type: [BoardColumnDto], description: 'In display order; backlog/todo/in_progress/review/done when absent' })
  @Optional()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @NestedArray(() => BoardColumnDto)
  columns?: BoardColumnDto[];
}

export class UpdateBoardDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @Optional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Nullable()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ type: [BoardColumnDto], description: 'Replaces the columns; a column that still holds tasks cannot be dropped (409)' })
  @Optional()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @NestedArray(() => BoardColumnDto)
  columns?: BoardColumnDto[];
}

export class BoardQueryDto extends PageQueryDto {}

export class BoardIdRequest {
  @IsUUID()
  id!: string;
}

export class UpdateBoardRequest extends UpdateBoardDto {
  @IsUUID()
  id!: string;
}
