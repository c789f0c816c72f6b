import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsDecimal, IsIsoDateTime, IsMoneyCents, Nullable, Optional, PageQueryDto, PATCH_FIELDS, QueryBoolean } from '@quartier/contracts-shared';

export const WORK_ORDER_STATUSES = ['open', 'assigned', 'in_progress', 'completed', 'cancelled'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

export const WORK_ORDER_PRIORITIES = ['low', 'normal', 'high', 'emergency'] as const;
export type WorkOrderPriority = (typeof WORK_ORDER_PRIORITIES)[number];

export const WORK_ORDER_CATEGORIES = [
  'plumbing',
  'electrical',
  'hvac',
  'appliance',
  'structural',
  'pest_control',
  'cleaning',
  'landscaping',
  'security',
  'general',
] as const;
export type WorkOrderCategory = (typeof WORK_ORDER_CATEGORIES)[number];

/** The lifecycle actions; each moves the work order to one status. */
export const WORK_ORDER_ACTIONS = ['assign', 'start', 'complete', 'cancel'] as const;
export type WorkOrderAction = (typeof WORK_ORDER_ACTIONS)[number];

/** Sort fields accepted by work order lists. */
export const WORK_ORDER_SORT_FIELDS = ['createdAt', 'updatedAt', 'dueAt', 'priority', 'status', 'title'] as const;

export class CreateWorkOrderDto {
  @ApiProperty({ maxLength: 200, example: 'Kitchen tap is leaking' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @Nullable()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ enum: WORK_ORDER_PRIORITIES, default: 'normal', description: 'Sets the SLA due time' })
  @Optional()
  @IsIn(WORK_ORDER_PRIORITIES)
  priority?: WorkOrderPriority;

  @ApiPropertyOptional({ enum: WORK_ORDER_CATEGORIES, default: 'general' })
  @Optional()
  @IsIn(WORK_ORDER_CATEGORIES)
  category?: WorkOrderCategory;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required when a resident files the request' })
  @Nullable()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  propertyId?: string;

  @ApiPropertyOptional({ minimum: 0, description: 'Estimated cost in cents' })
  @Nullable()
  @IsMoneyCents()
  estimatedCostCents?: number;

  @ApiPropertyOptional({ example: 'EUR', default: 'EUR' })
  @Optional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code' })
  currency?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @Nullable()
  @IsIsoDateTime()
  scheduledFor?: string;
}

/** The currency follows the estimate it was created with; changing the priority recomputes the SLA due time. */
export class UpdateWorkOrderDto extends PartialType(OmitType(CreateWorkOrderDto, ['currency'] as const), PATCH_FIELDS) {}

export class WorkOrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WORK_ORDER_STATUSES })
  @Optional()
  @IsIn(WORK_ORDER_STATUSES)
  status?: WorkOrderStatus;

  @ApiPropertyOptional({ enum: WORK_ORDER_PRIORITIES })
  @Optional()
  @IsIn(WORK_ORDER_PRIORITIES)
  priority?: WorkOrderPriority;

  @ApiPropertyOptional({ enum: WORK_ORDER_CATEGORIES })
  @Optional()
  @IsIn(WORK_ORDER_CATEGORIES)
  category?: WorkOrderCategory;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  propertyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  contractorId?: string;

  @ApiPropertyOptional({ description: 'Only work orders past their SLA due time and not finished' })
  @Optional()
  @QueryBoolean()
  overdue?: boolean;
}

export class AssignWorkOrderDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  contractorId!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Nullable()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class StartWorkOrderDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @Nullable()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class CompleteWorkOrderDto {
  @ApiProperty({ minimum: 0, description: 'Actual cost in cents' })
  @IsMoneyCents()
  actualCostCents!: number;

  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @Length(1, 5000)
  resolutionNotes!: string;
}

export class CancelWorkOrderDto {
  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class CommentWorkOrderDto {
  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @Length(1, 5000)
  body!: string;
}

export class AddWorkOrderTaskDto {
  @ApiProperty({ maxLength: 300 })
  @IsString()
  @Length(1, 300)
  title!: string;
}

export class UpdateWorkOrderTaskDto {
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

export class AddMaterialDto {
  @ApiProperty({ maxLength: 300, example: 'Copper pipe 15 mm' })
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiProperty({ minimum: 0.001, example: 2.5 })
  @Type(() => Number)
  @IsDecimal(3)
  @Min(0.001)
  @Max(1_000_000)
  quantity!: number;

  @ApiPropertyOptional({ example: 'm' })
  @Nullable()
  @IsString()
  @MaxLength(20)
  unit?: string;

  @ApiProperty({ minimum: 0, description: 'Cost of one unit, in cents' })
  @IsMoneyCents()
  unitCostCents!: number;
}

/** Payloads of the NATS requests: the HTTP body plus the ids from the path. */
export class WorkOrderIdRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class UnitWorkOrdersRequest extends PageQueryDto {
  @IsUUID()
  unitId!: string;
}

export class UpdateWorkOrderRequest extends UpdateWorkOrderDto {
  @IsUUID()
  id!: string;
}

export class AssignWorkOrderRequest extends AssignWorkOrderDto {
  @IsUUID()
  id!: string;
}

export class StartWorkOrderRequest extends StartWorkOrderDto {
  @IsUUID()
  id!: string;
}

export class CompleteWorkOrderRequest extends CompleteWorkOrderDto {
  @IsUUID()
  id!: string;
}

export class CancelWorkOrderRequest extends CancelWorkOrderDto {
  @IsUUID()
  id!: string;
}

export class CommentWorkOrderRequest extends CommentWorkOrderDto {
  @IsUUID()
  id!: string;
}

export class AddWorkOrderTaskRequest extends AddWorkOrderTaskDto {
  @IsUUID()
  id!: string;
}

export class UpdateWorkOrderTaskRequest extends UpdateWorkOrderTaskDto {
  @IsUUID()
  id!: string;

  @IsUUID()
  taskId!: string;
}

export class WorkOrderTaskIdRequest {
  @IsUUID()
  id!: string;

  @IsUUID()
  taskId!: string;
}

export class AddMaterialRequest extends AddMaterialDto {
  @IsUUID()
  id!: string;
}

export class MaterialIdRequest {
  @IsUUID()
  id!: string;

  @IsUUID()
  materialId!: string;
}
