import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AcceptInvitationDto,
  CreateInvitationDto,
  InvitationAcceptedDto,
  InvitationDto,
  InvitationIdDto,
  InvitationOperations,
  ListInvitationsDto,
  OkDto,
} from '@quartier/contracts-identity';
import { Caller, OrgCaller, Page } from '@quartier/contracts-shared';
import { AnyCaller, CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { InvitationsService } from './invitations.service';

@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @HandlesOperation(InvitationOperations.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() request: CreateInvitationDto): Promise<InvitationDto> {
    return this.invitations.create(caller, request);
  }

  @HandlesOperation(InvitationOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: ListInvitationsDto): Promise<Page<InvitationDto>> {
    return this.invitations.list(caller, query);
  }

  @HandlesOperation(InvitationOperations.revoke)
  revoke(@CurrentCaller() caller: OrgCaller, @Payload() request: InvitationIdDto): Promise<OkDto> {
    return this.invitations.revoke(caller, request);
  }

  /** Anonymous: the token is the credential. */
  @HandlesOperation(InvitationOperations.accept)
  accept(@Payload() request: AcceptInvitationDto, @AnyCaller() caller: Caller): Promise<InvitationAcceptedDto> {
    return this.invitations.accept(request, caller);
  }
}
