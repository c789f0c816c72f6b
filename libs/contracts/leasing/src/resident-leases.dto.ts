import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/**
 * Service-to-service (workorders → leasing): the active leases of a resident, so workorders can
 * accept a request only for a unit the resident rents. The caller headers name the organization.
 */
export class ActiveLeasesForResidentRequest {
  @ApiProperty({ format: 'uuid', description: "The resident's user id (tenants.userId; the caller's x-user-id)" })
  @IsUUID()
  userId!: string;
}

export class ActiveLeaseSummary {
  @ApiProperty({ format: 'uuid' }) leaseId!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
}

export class ActiveLeasesForResidentResponse {
  @ApiProperty({ type: [ActiveLeaseSummary] }) items!: ActiveLeaseSummary[];
}
