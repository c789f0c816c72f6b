import { ApiProperty, OmitType } from '@nestjs/swagger';
import { LimitsDto } from '@quartier/contracts-identity';
import { PortfolioUsageResponse } from '@quartier/contracts-portfolio';

export class UsageDto extends PortfolioUsageResponse {
  @ApiProperty({ description: 'Users (memberships) in the organization' }) users!: number;
}

/** The plan, its limits and what the organization uses now (identity's limits + portfolio's counts). */
export class OrganizationLimitsDto extends OmitType(LimitsDto, ['usersUsed'] as const) {
  @ApiProperty({ type: () => UsageDto }) usage!: UsageDto;
}
