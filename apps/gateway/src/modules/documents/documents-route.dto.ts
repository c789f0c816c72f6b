import { OmitType } from '@nestjs/swagger';
import { Role, PageQueryDto } from '@quartier/contracts-shared';

/** Everyone in the organization but residents (renters see no internal files). */
export const DOCUMENT_ROLES: Role[] = ['owner', 'admin', 'manager', 'agent', 'viewer'];

export class VersionPageQueryDto extends OmitType(PageQueryDto, ['sort'] as const) {}
