import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ContactMatchPageResponse,
  ContactMatchesMessageDto,
  ContactOperations,
  ContactPageResponse,
  ContactQueryDto,
  ContactResponse,
  CreateContactDto,
  DeletedResponse,
  IdDto,
  LeadPageResponse,
  LeadQueryDto,
  LeadScoreResponse,
  ReplaceContactMessageDto,
  UpdateContactMessageDto,
} from '@quartier/contracts-portfolio';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { ContactsService } from './contacts.service';

@Controller()
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @HandlesOperation(ContactOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: ContactQueryDto): Promise<ContactPageResponse> {
    return this.contacts.list(caller, query);
  }

  @HandlesOperation(ContactOperations.leads)
  leads(@CurrentCaller() caller: OrgCaller, @Payload() query: LeadQueryDto): Promise<LeadPageResponse> {
    return this.contacts.leads(caller, query);
  }

  @HandlesOperation(ContactOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() dto: IdDto): Promise<ContactResponse> {
    return this.contacts.get(caller, dto.id);
  }

  @HandlesOperation(ContactOperations.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateContactDto): Promise<ContactResponse> {
    return this.contacts.create(caller, dto);
  }

  @HandlesOperation(ContactOperations.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() dto: UpdateContactMessageDto): Promise<ContactResponse> {
    return this.contacts.update(caller, dto);
  }

  /** A replace sends every required field; the given fields change like an update. */
  @HandlesOperation(ContactOperations.replace)
  replace(@CurrentCaller() caller: OrgCaller, @Payload() dto: ReplaceContactMessageDto): Promise<ContactResponse> {
    return this.contacts.update(caller, dto);
  }

  @HandlesOperation(ContactOperations.delete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() dto: IdDto): Promise<DeletedResponse> {
    await this.contacts.delete(caller, dto.id);
    return { deleted: true };
  }

  @HandlesOperation(ContactOperations.score)
  score(@CurrentCaller() caller: OrgCaller, @Payload() dto: IdDto): Promise<LeadScoreResponse> {
    return this.contacts.score(caller, dto.id);
  }

  @HandlesOperation(ContactOperations.matches)
  matches(@CurrentCaller() caller: OrgCaller, @Payload() dto: ContactMatchesMessageDto): Promise<ContactMatchPageResponse> {
    return this.contacts.matches(caller, dto);
  }
}
