import { CommonErrorCode, EmptyRequest, defineOperation } from '@quartier/contracts-shared';
import { OkDto } from './auth.dto';
import { IdentityErrorCode } from './identity.errors';
import {
  AddMemberDto,
  ChangeMemberRoleDto,
  ListMembersDto,
  MemberDto,
  MemberIdDto,
  MemberPageDto,
  OrganizationDto,
  UpdateOrganizationDto,
} from './organization.dto';

const service = 'identity';
const tags = ['organization'] as const;
/** Who manages the organization and its members. */
const ADMINS = ['owner', 'admin'] as const;

/** The caller's organization. */
export const OrganizationOperations = {
  get: defineOperation({
    service,
    subject: 'identity.v1.organization.get',
    request: EmptyRequest,
    response: OrganizationDto,
    http: { method: 'GET', path: '/organization', status: 200, tags, summary: 'The current organization' },
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'safe',
    errors: {},
  }),
  update: defineOperation({
    service,
    subject: 'identity.v1.organization.update',
    request: UpdateOrganizationDto,
    response: OrganizationDto,
    http: { method: 'PATCH', path: '/organization', status: 200, tags, summary: 'Update the organization (owners and admins)' },
    access: { scopes: ['write'], roles: ADMINS },
    paged: false,
    idempotency: 'idempotent',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
};

/** Memberships of the caller's organization: who has which role. */
export const MemberOperations = {
  list: defineOperation({
    service,
    subject: 'identity.v1.members.list',
    request: ListMembersDto,
    response: MemberPageDto,
    http: { method: 'GET', path: '/organization/members', status: 200, tags, summary: 'Members of the organization with their roles' },
    access: { scopes: ['read'] },
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  add: defineOperation({
    service,
    subject: 'identity.v1.members.add',
    request: AddMemberDto,
    response: MemberDto,
    http: {
      method: 'POST',
      path: '/organization/members',
      status: 201,
      tags,
      summary: 'Add a member (owners and admins; 402 over the plan user limit, 409 when already a member)',
    },
    access: { scopes: ['write'], roles: ADMINS },
    paged: false,
    // A second call finds the member already there (409).
    idempotency: 'none',
    errors: {
      [CommonErrorCode.VALIDATION_FAILED]: 422,
      [IdentityErrorCode.ALREADY_MEMBER]: 409,
      [IdentityErrorCode.PLAN_LIMIT_REACHED]: 402,
      [IdentityErrorCode.SUBSCRIPTION_INACTIVE]: 402,
      // Only owners add owners.
      [CommonErrorCode.FORBIDDEN]: 403,
    },
  }),
  changeRole: defineOperation({
    service,
    subject: 'identity.v1.members.change-role',
    request: ChangeMemberRoleDto,
    response: MemberDto,
    http: {
      method: 'PATCH',
      path: '/organization/members/:memberId',
      status: 200,
      tags,
      summary: "Change a member's role (membership id; the last owner cannot be demoted, 409)",
    },
    access: { scopes: ['write'], roles: ADMINS },
    paged: false,
    idempotency: 'idempotent',
    errors: {
      [CommonErrorCode.VALIDATION_FAILED]: 422,
      [CommonErrorCode.NOT_FOUND]: 404,
      [IdentityErrorCode.LAST_OWNER]: 409,
      // Only owners grant or take the owner role.
      [CommonErrorCode.FORBIDDEN]: 403,
    },
  }),
  remove: defineOperation({
    service,
    subject: 'identity.v1.members.remove',
    request: MemberIdDto,
    response: OkDto,
    http: {
      method: 'DELETE',
      path: '/organization/members/:memberId',
      status: 204,
      tags,
      summary: 'Remove a member (membership id; the last owner cannot be removed, 409)',
      responseDescription: 'Removed',
    },
    access: { scopes: ['delete'], roles: ADMINS },
    paged: false,
    idempotency: 'idempotent',
    errors: {
      [CommonErrorCode.VALIDATION_FAILED]: 422,
      [CommonErrorCode.NOT_FOUND]: 404,
      [IdentityErrorCode.LAST_OWNER]: 409,
      // Only owners remove owners.
      [CommonErrorCode.FORBIDDEN]: 403,
    },
  }),
};
