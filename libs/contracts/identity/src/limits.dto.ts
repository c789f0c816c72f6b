import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { LIMITED_RESOURCES, LimitedResource, PLANS, Plan, SUBSCRIPTION_STATUSES, SubscriptionStatus } from './plans';
import { IsInt32, Optional } from '@quartier/contracts-shared';

/** `null` means unlimited. */
export class PlanLimitsDto {
  @ApiProperty({ nullable: true, type: Number }) properties!: number | null;
  @ApiProperty({ nullable: true, type: Number }) users!: number | null;
  @ApiProperty({ nullable: true, type: Number }) documents!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Bytes' }) storage!: number | null;
}

export class LimitsDto {
  @ApiProperty({ enum: PLANS }) plan!: Plan;
  @ApiProperty({ enum: SUBSCRIPTION_STATUSES }) subscriptionStatus!: SubscriptionStatus;
  @ApiProperty({ type: () => PlanLimitsDto }) limits!: PlanLimitsDto;
  @ApiProperty({ description: 'Users (memberships) in the organization' }) usersUsed!: number;
}

/** Asked by other services before they create something a plan limits. */
export class CheckLimitDto {
  @ApiProperty({ enum: LIMITED_RESOURCES })
  @IsIn(LIMITED_RESOURCES)
  resource!: LimitedResource;

  @ApiProperty({ minimum: 0, description: 'What the organization uses now (bytes for storage)' })
  @IsInt32({ min: 0 })
  currentUsage!: number;

  @ApiPropertyOptional({ minimum: 0, default: 1, description: 'How much the caller is about to add' })
  @Optional()
  @IsInt32({ min: 0 })
  adding?: number;
}

export class LimitCheckResultDto {
  @ApiProperty({ example: true }) ok!: true;
  @ApiProperty({ enum: LIMITED_RESOURCES }) resource!: LimitedResource;
  @ApiProperty({ nullable: true, type: Number }) limit!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Left after adding; null when unlimited' }) remaining!: number | null;
}
