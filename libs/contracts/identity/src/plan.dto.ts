import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { PLANS, Plan, SUBSCRIPTION_STATUSES, SubscriptionStatus } from './plans';

/** A platform operator sets any organization's plan (ARCHITECTURE §6 plans). */
export class SetOrganizationPlanDto {
  @ApiProperty({ format: 'uuid', description: 'The organization whose plan is set' })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ enum: PLANS })
  @IsIn(PLANS)
  plan!: Plan;

  @ApiProperty({ enum: SUBSCRIPTION_STATUSES, description: 'Anything but active answers its members 402 SUBSCRIPTION_INACTIVE where a plan limits them' })
  @IsIn(SUBSCRIPTION_STATUSES)
  subscriptionStatus!: SubscriptionStatus;
}
