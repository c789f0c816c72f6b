import { OmitType } from '@nestjs/swagger';
import { ContactActivitiesMessageDto } from '@quartier/contracts-portfolio';
import type { Role } from '@quartier/contracts-shared';

/** `?page=&size=&type=` of a contact's timeline. */
export class ContactActivityListQueryDto extends OmitType(ContactActivitiesMessageDto, ['contactId'] as const) {}

/** The CRM is the agency's own: every staff role may use it (as its scopes allow), residents may not. */
export const CRM_ROLES: Role[] = ['owner', 'admin', 'manager', 'agent', 'viewer'];
