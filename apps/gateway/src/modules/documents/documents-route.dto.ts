import { ApiProperty, OmitType } from '@nestjs/swagger';
import { PLANS, Plan } from '@quartier/contracts-identity';
import { DocumentUsageResponse } from '@quartier/contracts-portfolio';
import { PageQueryDto, Role } from '@quartier/contracts-shared';

/** Everyone in the organization but residents (renters see no internal files). */
export const DOCUMENT_ROLES: Role[] = ['owner', 'admin', 'manager', 'agent', 'viewer'];

export class VersionPageQueryDto extends OmitType(PageQueryDto, ['sort'] as const) {}

export class DocumentLimitsDto {
  @ApiProperty({ nullable: true, type: Number, description: 'Documents the plan allows; null = unlimited', example: 100 })
  documents!: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Bytes the plan allows; null = unlimited', example: 1073741824 })
  storageBytes!: number | null;
}

/** `GET /documents/usage`: what the organization stores and what its plan allows (402 beyond). */
export class DocumentUsageDto extends DocumentUsageResponse {
  @ApiProperty({ enum: PLANS }) plan!: Plan;
  @ApiProperty({ type: DocumentLimitsDto }) limits!: DocumentLimitsDto;
}
