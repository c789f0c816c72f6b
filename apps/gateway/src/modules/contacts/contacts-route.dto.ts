import { OmitType } from '@nestjs/swagger';
import { ContactActivitiesMessageDto } from '@quartier/contracts-portfolio';

/** `?page=&size=&type=` of a contact's timeline. */
export class ContactActivityListQueryDto extends OmitType(ContactActivitiesMessageDto, ['contactId'] as const) {}
