import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsObject, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { NestedArray, NestedObject, Nullable, Optional, PageQueryDto, PATCH_FIELDS } from '@quartier/contracts-shared';
import { ALERT_SEVERITIES, AlertSeverity } from './alert.events';
import { METRIC_PATTERN } from './device.dto';

export const RULE_TRIGGER_TYPES = ['threshold', 'state', 'offline', 'schedule'] as const;
export type RuleTriggerType = (typeof RULE_TRIGGER_TYPES)[number];
export const COMPARISON_OPERATORS = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];
export const RULE_CONDITION_TYPES = ['time_window', 'weekdays', 'metric'] as const;
export type RuleConditionType = (typeof RULE_CONDITION_TYPES)[number];
export const RULE_ACTION_TYPES = ['alert', 'command', 'work_order', 'notify'] as const;
export type RuleActionType = (typeof RULE_ACTION_TYPES)[number];
export const WORK_ORDER_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type WorkOrderPriority = (typeof WORK_ORDER_PRIORITIES)[number];

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * What starts a rule. Which fields are needed depends on `type` (checked by the service):
 * threshold: deviceId, metric, operator, value, durationSeconds; state: deviceId, property,
 * equals; offline: deviceId; schedule: intervalMinutes.
 */
export class RuleTriggerDto {
  @ApiProperty({ enum: RULE_TRIGGER_TYPES })
  @IsIn(RULE_TRIGGER_TYPES)
  type!: RuleTriggerType;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  deviceId?: string;

  @ApiPropertyOptional({ example: 'temperature' })
  @Nullable()
  @Matches(METRIC_PATTERN)
  metric?: string;

  @ApiPropertyOptional({ enum: COMPARISON_OPERATORS })
  @Optional()
  @IsIn(COMPARISON_OPERATORS)
  operator?: ComparisonOperator;

  @ApiPropertyOptional({ example: 30 })
  @Nullable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number;

  @ApiPropertyOptional({ description: 'The threshold must hold this long before the rule fires', default: 0 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(7 * 24 * 3600)
  durationSeconds?: number;

  @ApiPropertyOptional({ description: 'State property to watch', example: 'door' })
  @Optional()
  @IsString()
  @Length(1, 64)
  property?: string;

  @ApiPropertyOptional({ description: 'State value that fires the rule', example: 'open' })
  @Optional()
  @IsString()
  @Length(1, 200)
  equals?: string;

  @ApiPropertyOptional({ description: 'Schedule: fire every N minutes', example: 60 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  intervalMinutes?: number;
}

/** Extra checks when the trigger fires: a UTC time window, weekdays, or another metric's latest value. */
export class RuleConditionDto {
  @ApiProperty({ enum: RULE_CONDITION_TYPES })
  @IsIn(RULE_CONDITION_TYPES)
  type!: RuleConditionType;

  @ApiPropertyOptional({ example: '22:00', description: 'time_window start (UTC, HH:MM)' })
  @Optional()
  @Matches(HH_MM)
  from?: string;

  @ApiPropertyOptional({ example: '06:00', description: 'time_window end (UTC, HH:MM); may wrap past midnight' })
  @Optional()
  @Matches(HH_MM)
  to?: string;

  @ApiPropertyOptional({ type: [Number], description: 'weekdays: 0 = Sunday … 6 = Saturday' })
  @Optional()
  @IsArray()
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(6, { each: true })
  days?: number[];

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  deviceId?: string;

  @ApiPropertyOptional()
  @Nullable()
  @Matches(METRIC_PATTERN)
  metric?: string;

  @ApiPropertyOptional({ enum: COMPARISON_OPERATORS })
  @Optional()
  @IsIn(COMPARISON_OPERATORS)
  operator?: ComparisonOperator;

  @ApiPropertyOptional()
  @Nullable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number;
}

/** What a firing rule does: alert (severity, title), command (deviceId, command, params), work_order (title, priority), notify (message, channel). */
export class RuleActionDto {
  @ApiProperty({ enum: RULE_ACTION_TYPES })
  @IsIn(RULE_ACTION_TYPES)
  type!: RuleActionType;

  @ApiPropertyOptional({ enum: ALERT_SEVERITIES })
  @Optional()
  @IsIn(ALERT_SEVERITIES)
  severity?: AlertSeverity;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @Length(1, 2000)
  message?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'command: the device to command (default: the trigger device)' })
  @Optional()
  @IsUUID()
  deviceId?: string;

  @ApiPropertyOptional({ example: 'close_valve' })
  @Optional()
  @Matches(/^[a-zA-Z][a-zA-Z0-9_.-]{0,63}$/)
  command?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @Optional()
  @IsObject()
  params?: Record<string, unknown>;

  @ApiPropertyOptional({ enum: WORK_ORDER_PRIORITIES })
  @Optional()
  @IsIn(WORK_ORDER_PRIORITIES)
  priority?: WorkOrderPriority;

  @ApiPropertyOptional({ example: 'email' })
  @Optional()
  @IsString()
  @Length(1, 50)
  channel?: string;
}

export class CreateRuleDto {
  @ApiProperty({ example: 'Freezer too warm' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional()
  @Nullable()
  @IsString()
  @Length(0, 2000)
  description?: string;

  @ApiPropertyOptional({ default: true })
  @Optional()
  @IsBoolean()
  enabled?: boolean;

  @ApiProperty({ type: RuleTriggerDto })
  @NestedObject(() => RuleTriggerDto)
  trigger!: RuleTriggerDto;

  @ApiPropertyOptional({ type: [RuleConditionDto] })
  @Optional()
  @ArrayMaxSize(10)
  @NestedArray(() => RuleConditionDto)
  conditions?: RuleConditionDto[];

  @ApiProperty({ type: [RuleActionDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @NestedArray(() => RuleActionDto)
  actions!: RuleActionDto[];
}

export class UpdateRuleDto extends PartialType(CreateRuleDto, PATCH_FIELDS) {}

/** PUT: every field of a new rule, applied to rule `id`. */
export class ReplaceRuleRequest extends CreateRuleDto {
  @IsUUID()
  id!: string;
}

/** PATCH: the fields to change on rule `id`. */
export class UpdateRuleRequest extends UpdateRuleDto {
  @IsUUID()
  id!: string;
}

export class RuleListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  deviceId?: string;

  @ApiPropertyOptional({ enum: RULE_TRIGGER_TYPES })
  @Optional()
  @IsIn(RULE_TRIGGER_TYPES)
  triggerType?: RuleTriggerType;
}

export class RuleResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ nullable: true }) description!: string | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: RuleTriggerDto }) trigger!: RuleTriggerDto;
  @ApiProperty({ type: [RuleConditionDto] }) conditions!: RuleConditionDto[];
  @ApiProperty({ type: [RuleActionDto] }) actions!: RuleActionDto[];
  @ApiProperty({ description: 'Fired and not cleared yet' }) firing!: boolean;
  @ApiPropertyOptional({ nullable: true }) lastFiredAt!: string | null;
  @ApiProperty() fireCount!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}
