import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AddMemberDto,
  ChangeMemberRoleDto,
  ListMembersDto,
  MemberDto,
  MemberIdDto,
  MemberOperations,
  OkDto,
  OrganizationDto,
  OrganizationOperations,
  UpdateOrganizationDto,
} from '@quartier/contracts-identity';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { MembersService } from './members.service';
import { OrganizationService } from './organization.service';

@Controller()
export class OrganizationController {
  constructor(
    private readonly organizations: OrganizationService,
    private readonly members: MembersService,
  ) {}

  @HandlesOperation(OrganizationOperations.get)
  get(@CurrentCaller() caller: OrgCaller): Promise<OrganizationDto> {
    return this.organizations.get(caller.organizationId);
  }

  @HandlesOperation(OrganizationOperations.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() changes: UpdateOrganizationDto): Promise<OrganizationDto> {
    return this.organizations.update(caller, changes);
  }

  @HandlesOperation(MemberOperations.list)
  listMembers(@CurrentCaller() caller: OrgCaller, @Payload() query: ListMembersDto): Promise<Page<MemberDto>> {
    return this.members.list(caller, query);
  }

  @HandlesOperation(MemberOperations.add)
  addMember(@CurrentCaller() caller: OrgCaller, @Payload() request: AddMemberDto): Promise<MemberDto> {
    return this.members.add(caller, request);
  }

  @HandlesOperation(MemberOperations.changeRole)
  changeMemberRole(@CurrentCaller() caller: OrgCaller, @Payload() request: ChangeMemberRoleDto): Promise<MemberDto> {
    return this.members.changeRole(caller, request);
  }

  @HandlesOperation(MemberOperations.remove)
  removeMember(@CurrentCaller() caller: OrgCaller, @Payload() request: MemberIdDto): Promise<OkDto> {
    return this.members.remove(caller, request);
  }
}
