import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AcceptInvitationDto,
  CreateInvitationDto,
  IdentitySubjects,
  InvitationAcceptedDto,
  InvitationDto,
  InvitationIdDto,
  ListInvitationsDto,
  OkDto,
} from '@quartier/contracts-identity';
import { Caller, OrgCaller, Page } from '@quartier/contracts-shared';
import { AnyCaller, CurrentCaller } from '@quartier/messaging';
import { InvitationsService } from './invitations.service';

@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @MessagePattern(IdentitySubjects.invitationsCreate)
  create(@CurrentCaller() caller: OrgCaller, @Payload() request: CreateInvitationDto): Promise<InvitationDto> {
    return this.invitations.create(caller, request);
  }

  @MessagePattern(IdentitySubjects.invitationsList)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: ListInvitationsDto): Promise<Page<InvitationDto>> {
    return this.invitations.list(caller, query);
  }

  @MessagePattern(IdentitySubjects.invitationsRevoke)
  revoke(@CurrentCaller() caller: OrgCaller, @Payload() request: InvitationIdDto): Promise<OkDto> {
    return this.invitations.revoke(caller, request);
  }

  /** Anonymous: the token is the credential. */
  @MessagePattern(IdentitySubjects.authInvitationAccept)
  accept(@Payload() request: AcceptInvitationDto, @AnyCaller() caller: Caller): Promise<InvitationAcceptedDto> {
    return this.invitations.accept(request, caller);
  }
}
