import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ContactActivitiesMessageDto,
  ContactActivityOperations,
  ContactActivityPageResponse,
  ContactActivityResponse,
  CreateContactActivityMessageDto,
  DeleteContactActivityMessageDto,
  DeletedResponse,
} from '@quartier/contracts-portfolio';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { ContactActivitiesService } from './contact-activities.service';

@Controller()
export class ContactActivitiesController {
  constructor(private readonly activities: ContactActivitiesService) {}

  @HandlesOperation(ContactActivityOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() dto: ContactActivitiesMessageDto): Promise<ContactActivityPageResponse> {
    return this.activities.list(caller, dto);
  }

  @HandlesOperation(ContactActivityOperations.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateContactActivityMessageDto): Promise<ContactActivityResponse> {
    return this.activities.create(caller, dto);
  }

  @HandlesOperation(ContactActivityOperations.delete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() dto: DeleteContactActivityMessageDto): Promise<DeletedResponse> {
    await this.activities.delete(caller, dto);
    return { deleted: true };
  }
}
