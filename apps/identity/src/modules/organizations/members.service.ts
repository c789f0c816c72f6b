import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AddMemberDto, ChangeMemberRoleDto, ListMembersDto, MEMBER_SORT_FIELDS, MemberDto, MemberIdDto, OkDto } from '@quartier/contracts-identity';
import { OrgCaller, Page, pageOf, pageParams } from '@quartier/contracts-shared';
import { allowListedSort, forbidden, notFound } from '@quartier/messaging';
import { PasswordHasher } from '../auth/password-hasher';
import { TokenService } from '../auth/token.service';
import { LimitsService } from '../limits/limits.service';
import { normalizeEmail } from '../users/user.mapper';
import { findUserByEmail, newUser } from '../users/user-store';
import { canChangeMembership, canManageMembers, removesLastOwner } from './member-rules';
import { MembershipEntity } from './membership.entity';
import { alreadyMember, lastOwner } from './organization.errors';
import { toMemberDto } from './organization.mapper';
import { countOwners, lockOrganization, memberships } from './organization-store';

const SORT_COLUMNS: Readonly<Record<string, string>> = { createdAt: 'm.createdAt', role: 'm.role', id: 'm.id' };

/** Membership management: owners and admins only; membership changes are serialised per organization. */
@Injectable()
export class MembersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: LimitsService,
    private readonly passwords: PasswordHasher,
    private readonly tokens: TokenService,
  ) {}

  async list(caller: OrgCaller, query: ListMembersDto): Promise<Page<MemberDto>> {
    this.requireManager(caller);
    const order = allowListedSort(query.sort, MEMBER_SORT_FIELDS, 'createdAt');
    const { page, size, offset } = pageParams(query);
    const builder = memberships(this.dataSource.manager).query(caller.organizationId, 'm').leftJoinAndSelect('m.user', 'u');
    for (const { field, direction } of order) builder.addOrderBy(SORT_COLUMNS[field], direction);
    const [rows, total] = await builder.offset(offset).limit(size).getManyAndCount();
    return pageOf(rows.map(toMemberDto), total, page, size);
  }

  /** Adds an existing user by email, or creates the user; counts against the plan's user limit. */
  async add(caller: OrgCaller, request: AddMemberDto): Promise<MemberDto> {
    if (!canChangeMembership(caller.roles, undefined, request.role)) throw forbidden('Only owners may add owners; owners and admins add members');
    const email = normalizeEmail(request.email);
    const passwordHash = request.password ? await this.passwords.hash(request.password) : null;
    const id = await this.dataSource.transaction(async (manager) => {
      await lockOrganization(manager, caller.organizationId);
      let user = await findUserByEmail(manager, email);
      if (user && (await memberships(manager).exists(caller.organizationId, { userId: user.id }))) throw alreadyMember();
      await this.limits.assertCanAddUser(manager, caller.organizationId);
      // An existing account keeps its own password: the adder never sets it.
      user ??= await manager.save(newUser(manager, { email, name: request.name ?? email.split('@')[0], passwordHash }));
      const membership = await memberships(manager).insert(caller.organizationId, { userId: user.id, role: request.role });
      return membership.id;
    });
    return this.member(this.dataSource.manager, caller.organizationId, id);
  }

  async changeRole(caller: OrgCaller, request: ChangeMemberRoleDto): Promise<MemberDto> {
    this.requireManager(caller);
    await this.dataSource.transaction(async (manager) => {
      const membership = await this.lockedMembership(manager, caller.organizationId, request.memberId);
      if (!canChangeMembership(caller.roles, membership.role, request.role)) throw forbidden('Only owners may grant or take the owner role');
      if (removesLastOwner(membership.role, request.role, await countOwners(manager, caller.organizationId))) throw lastOwner();
      membership.role = request.role;
      await memberships(manager).save(caller.organizationId, membership);
    });
    return this.member(this.dataSource.manager, caller.organizationId, request.memberId);
  }

  /** The removed user's sessions in this organization end with the membership. */
  async remove(caller: OrgCaller, request: MemberIdDto): Promise<OkDto> {
    this.requireManager(caller);
    await this.dataSource.transaction(async (manager) => {
      const membership = await this.lockedMembership(manager, caller.organizationId, request.memberId);
      if (!canChangeMembership(caller.roles, membership.role, undefined)) throw forbidden('Only owners may remove owners');
      if (removesLastOwner(membership.role, undefined, await countOwners(manager, caller.organizationId))) throw lastOwner();
      await memberships(manager).deleteById(caller.organizationId, membership.id);
      await this.tokens.revokeAllOfUser(manager, membership.userId, caller.organizationId);
    });
    return { ok: true };
  }

  private requireManager(caller: OrgCaller): void {
    if (!canManageMembers(caller.roles)) throw forbidden('Only owners and admins may manage members');
  }

  private async lockedMembership(manager: EntityManager, organizationId: string, memberId: string): Promise<MembershipEntity> {
    await lockOrganization(manager, organizationId);
    const membership = await memberships(manager).findById(organizationId, memberId);
    if (!membership) throw notFound('Member', memberId);
    return membership;
  }

  private async member(manager: EntityManager, organizationId: string, id: string): Promise<MemberDto> {
    const membership = await memberships(manager).query(organizationId, 'm').leftJoinAndSelect('m.user', 'u').andWhere('m.id = :id', { id }).getOne();
    if (!membership) throw notFound('Member', id);
    return toMemberDto(membership);
  }
}
