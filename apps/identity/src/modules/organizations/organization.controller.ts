import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddMemberDto,
  ChangeMemberRoleDto,
  IdentitySubjects,
  ListMembersDto,
  MemberDto,
  MemberIdDto,
  OkDto,
  OrganizationDto,
  UpdateOrganizationDto,
} from '@quartier/contracts-identity';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import { CurrentCaller } from '@quartier/messaging';
import { MembersService } from './members.service';
import { OrganizationService } from './organization.service';

@Controller()
export class OrganizationController {
  constructor(
    private readonly organizations: OrganizationService,
    private readonly members: MembersService,
  ) {}

  @MessagePattern(IdentitySubjects.organizationGet)
  get(@CurrentCaller() caller: OrgCaller): Promise<OrganizationDto> {
    return this.organizations.get(caller.organizationId);
  }

  @MessagePattern(IdentitySubjects.organizationUpdate)
  update(@CurrentCaller() caller: OrgCaller, @Payload() changes: UpdateOrganizationDto): Promise<OrganizationDto> {
    return this.organizations.update(caller, changes);
  }

  @MessagePattern(IdentitySubjects.membersList)
  listMembers(@CurrentCaller() caller: OrgCaller, @Payload() query: ListMembersDto): Promise<Page<MemberDto>> {
    return this.members.list(caller, query);
  }

  @MessagePattern(IdentitySubjects.membersAdd)
  addMember(@CurrentCaller() caller: OrgCaller, @Payload() request: AddMemberDto): Promise<MemberDto> {
    return this.members.add(caller, request);
  }

  @MessagePattern(IdentitySubjects.membersChangeRole)
  changeMemberRole(@CurrentCaller() caller: OrgCaller, @Payload() request: ChangeMemberRoleDto): Promise<MemberDto> {
    return this.members.changeRole(caller, request);
  }

  @MessagePattern(IdentitySubjects.membersRemove)
  removeMember(@CurrentCaller() caller: OrgCaller, @Payload() request: MemberIdDto): Promise<OkDto> {
    return this.members.remove(caller, request);
  }
}
