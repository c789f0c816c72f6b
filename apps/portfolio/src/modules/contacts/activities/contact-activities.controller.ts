import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ContactActivitiesMessageDto,
  ContactActivityResponse,
  CreateContactActivityMessageDto,
  DeleteContactActivityMessageDto,
  DeletedResponse,
  PortfolioSubjects,
} from '@quartier/contracts-portfolio';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import { CurrentCaller } from '@quartier/messaging';
import { ContactActivitiesService } from './contact-activities.service';

@Controller()
export class ContactActivitiesController {
  constructor(private readonly activities: ContactActivitiesService) {}

  @MessagePattern(PortfolioSubjects.contactActivitiesList)
  list(@CurrentCaller() caller: OrgCaller, @Payload() dto: ContactActivitiesMessageDto): Promise<Page<ContactActivityResponse>> {
    return this.activities.list(caller, dto);
  }

  @MessagePattern(PortfolioSubjects.contactActivitiesCreate)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateContactActivityMessageDto): Promise<ContactActivityResponse> {
    return this.activities.create(caller, dto);
  }

  @MessagePattern(PortfolioSubjects.contactActivitiesDelete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() dto: DeleteContactActivityMessageDto): Promise<DeletedResponse> {
    await this.activities.delete(caller, dto);
    return { deleted: true };
  }
}
