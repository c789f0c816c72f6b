import { ApiProperty } from '@nestjs/swagger';
import { PLANS, Plan } from '@quartier/contracts-identity';
import { DocumentUsageResponse } from '@quartier/contracts-portfolio';

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
