import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ContactMatchPageResponse,
  ContactMatchesMessageDto,
  ContactQueryDto,
  ContactResponse,
  CreateContactDto,
  DeletedResponse,
  IdDto,
  LeadPageResponse,
  LeadQueryDto,
  LeadScoreResponse,
  PortfolioSubjects,
  UpdateContactMessageDto,
} from '@quartier/contracts-portfolio';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import { CurrentCaller } from '@quartier/messaging';
import { ContactsService } from './contacts.service';

@Controller()
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @MessagePattern(PortfolioSubjects.contactsList)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: ContactQueryDto): Promise<Page<ContactResponse>> {
    return this.contacts.list(caller, query);
  }

  @MessagePattern(PortfolioSubjects.contactsLeads)
  leads(@CurrentCaller() caller: OrgCaller, @Payload() query: LeadQueryDto): Promise<LeadPageResponse> {
    return this.contacts.leads(caller, query);
  }

  @MessagePattern(PortfolioSubjects.contactsGet)
  get(@CurrentCaller() caller: OrgCaller, @Payload() dto: IdDto): Promise<ContactResponse> {
    return this.contacts.get(caller, dto.id);
  }

  @MessagePattern(PortfolioSubjects.contactsCreate)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateContactDto): Promise<ContactResponse> {
    return this.contacts.create(caller, dto);
  }

  @MessagePattern(PortfolioSubjects.contactsUpdate)
  update(@CurrentCaller() caller: OrgCaller, @Payload() dto: UpdateContactMessageDto): Promise<ContactResponse> {
    return this.contacts.update(caller, dto);
  }

  @MessagePattern(PortfolioSubjects.contactsDelete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() dto: IdDto): Promise<DeletedResponse> {
    await this.contacts.delete(caller, dto.id);
    return { deleted: true };
  }

  @MessagePattern(PortfolioSubjects.contactsScore)
  score(@CurrentCaller() caller: OrgCaller, @Payload() dto: IdDto): Promise<LeadScoreResponse> {
    return this.contacts.score(caller, dto.id);
  }

  @MessagePattern(PortfolioSubjects.contactsMatches)
  matches(@CurrentCaller() caller: OrgCaller, @Payload() dto: ContactMatchesMessageDto): Promise<ContactMatchPageResponse> {
    return this.contacts.matches(caller, dto);
  }
}
