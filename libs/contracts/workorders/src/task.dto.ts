import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { IsInt32, IsIsoDate, Nullable, Optional, PageQueryDto, PATCH_FIELDS, QueryBoolean } from '@quartier/contracts-shared';

export const TASK_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const TASK_SORT_FIELDS = ['position', 'createdAt', 'updatedAt', 'dueDate', 'priority', 'title', 'storyPoints'] as const;

export class CreateTaskDto {
  @ApiPropertyOptional({ format: 'uuid', description: "The organization's default board when absent" })
  @Optional()
  @IsUUID()
  boardId?: string;

  @ApiPropertyOptional({ description: 'Column key (the task status); the first column when absent' })
  @Optional()
  @IsString()
  @MaxLength(40)
  columnKey?: string;

  @ApiProperty({ maxLength: 300 })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @Nullable()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @ApiPropertyOptional({ enum: TASK_PRIORITIES, default: 'medium' })
  @Optional()
  @IsIn(TASK_PRIORITIES)
  priority?: TaskPriority;

  @ApiPropertyOptional({ format: 'uuid', description: 'The user the task is assigned to' })
  @Nullable()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-31' })
  @Nullable()
  @IsIsoDate()
  dueDate?: string;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  labels?: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(100)
  storyPoints?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  propertyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A work order of this organization' })
  @Nullable()
  @IsUUID()
  workOrderId?: string;
}

/** Every field of a new task except where it goes (moving is `PATCH /tasks/{id}/move`). */
export class UpdateTaskDto extends PartialType(OmitType(CreateTaskDto, ['boardId', 'columnKey'] as const), PATCH_FIELDS) {}

export class TaskFilterDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  boardId?: string;

  @ApiPropertyOptional({ description: 'Column key' })
  @Optional()
  @IsString()
  @MaxLength(40)
  status?: string;

  @ApiPropertyOptional({ enum: TASK_PRIORITIES })
  @Optional()
  @IsIn(TASK_PRIORITIES)
  priority?: TaskPriority;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(50)
  label?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  workOrderId?: string;

  @ApiPropertyOptional({ description: 'Past the due date and not in a terminal column' })
  @Optional()
  @QueryBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Case-insensitive match on the title' })
  @Optional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

/** Filters plus `?page=&size=&sort=`. */
export class TaskQueryDto extends IntersectionType(PageQueryDto, TaskFilterDto) {}

export class MoveTaskDto {
  @ApiProperty({ description: 'Target column key' })
  @IsString()
  @MaxLength(40)
  columnKey!: string;

  @ApiPropertyOptional({ minimum: 0, description: '0-based position in the target column; the end when absent' })
  @Optional()
  @IsInt32({ min: 0 })
  position?: number;
}

export class AddSubtaskDto {
  @ApiProperty({ maxLength: 300 })
  @IsString()
  @Length(1, 300)
  title!: string;
}

export class UpdateSubtaskDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @Optional()
  @IsString()
  @Length(1, 300)
  title?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  done?: boolean;
}

export class TaskCommentDto {
  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @Length(1, 5000)
  body!: string;
}

export class TaskIdRequest {
  @IsUUID()
  id!: string;
}

export class UpdateTaskRequest extends UpdateTaskDto {
  @IsUUID()
  id!: string;
}

export class MoveTaskRequest extends MoveTaskDto {
  @IsUUID()
  id!: string;
}

export class AddSubtaskRequest extends AddSubtaskDto {
  @IsUUID()
  id!: string;
}

export class UpdateSubtaskRequest extends UpdateSubtaskDto {
  @IsUUID()
  id!: string;

  @IsUUID()
  subtaskId!: string;
}

export class SubtaskIdRequest {
  @IsUUID()
  id!: string;

  @IsUUID()
  subtaskId!: string;
}

export class TaskCommentRequest extends TaskCommentDto {
  @IsUUID()
  id!: string;
}

export class TaskCommentsRequest extends PageQueryDto {
  @IsUUID()
  id!: string;
}
