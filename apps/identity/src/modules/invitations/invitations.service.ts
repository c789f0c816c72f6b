import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import {
  AcceptInvitationDto,
  CreateInvitationDto,
  INVITATION_SORT_FIELDS,
  InvitationAcceptedDto,
  InvitationDto,
  InvitationIdDto,
  ListInvitationsDto,
  OkDto,
} from '@quartier/contracts-identity';
import { Caller, OrgCaller, Page, pageOf, pageParams } from '@quartier/contracts-shared';
import { OrgScopedRepository } from '@quartier/db';
import { allowListedSort, forbidden, notFound } from '@quartier/messaging';
import { IDENTITY_CONFIG, IdentityConfig } from '../../identity.config';
import { recordAuditEntries } from '../audit/audit-entry';
import { emailTaken } from '../auth/auth.errors';
import { hashOneTimeToken, newOneTimeToken } from '../auth/one-time-token';
import { PasswordHasher } from '../auth/password-hasher';
import { LimitsService } from '../limits/limits.service';
import { Mail, appLink, invitationMail } from '../mail/mail-templates';
import { Mailer } from '../mail/mailer';
import { canChangeMembership, canManageMembers } from '../organizations/member-rules';
import { alreadyMember } from '../organizations/organization.errors';
import { lockOrganization, memberships } from '../organizations/organization-store';
import { normalizeEmail } from '../users/user.mapper';
import { findUserByEmail, findUserById, isUniqueViolation, newUser } from '../users/user-store';
import { InvitationEntity } from './invitation.entity';
import { accountDetailsRequired, invalidInvitationToken, invitationAlreadyAccepted } from './invitation.errors';
import { toInvitationDto } from './invitation.mapper';
import { STATUS_CONDITIONS, invitationStatus } from './invitation-status';

const SORT_COLUMNS: Readonly<Record<string, string>> = { createdAt: 'i.createdAt', expiresAt: 'i.expiresAt', email: 'i.email', id: 'i.id' };
const ACCEPT_PATH = '/api/v1/auth/invitations/accept';

function invitations(manager: EntityManager): OrgScopedRepository<InvitationEntity> {
  return new OrgScopedRepository(InvitationEntity, manager);
}

/**
 * Owners and admins invite by email with a role; the invitee accepts with the mailed token and
 * becomes a member (creating the account when there is none). Invitation changes and
 * acceptances are serialised per organization, like every membership change.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: LimitsService,
    private readonly passwords: PasswordHasher,
    private readonly mailer: Mailer,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  /** Refused while the plan has no room for another user; a new invitation replaces a pending one for the same email. */
  async create(caller: OrgCaller, request: CreateInvitationDto): Promise<InvitationDto> {
    if (!canChangeMembership(caller.roles, undefined, request.role)) throw forbidden('Only owners may invite owners; owners and admins invite members');
    const email = normalizeEmail(request.email);
    const issued = newOneTimeToken();
    const { invitation, mail } = await this.dataSource.transaction(async (manager) => {
      const organization = await lockOrganization(manager, caller.organizationId);
      if (!organization) throw notFound('Organization', caller.organizationId);
      const existing = await findUserByEmail(manager, email);
      if (existing && (await memberships(manager).exists(caller.organizationId, { userId: existing.id }))) throw alreadyMember();
      await this.limits.assertCanAddUser(manager, caller.organizationId);
      const now = new Date();
      await manager.update(
        InvitationEntity,
        { organizationId: caller.organizationId, email, acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(now) },
        { revokedAt: now },
      );
      const created = await invitations(manager).insert(caller.organizationId, {
        email,
        role: request.role,
        tokenHash: issued.hash,
        invitedBy: caller.userId,
        expiresAt: new Date(now.getTime() + this.config.INVITATION_TTL_HOURS * 3_600_000),
        acceptedAt: null,
        revokedAt: null,
      });
      const inviter = await findUserById(manager, caller.userId);
      const link = appLink(this.config.APP_BASE_URL, 'accept-invitation', issued.token);
      const message: Mail = invitationMail(email, {
        organizationName: organization.name,
        inviterName: inviter?.name ?? organization.name,
        role: request.role,
        link,
        expiresAt: created.expiresAt,
      });
      return { invitation: created, mail: message };
    });
    this.mailer.dispatch(mail);
    return toInvitationDto(invitation);
  }

  async list(caller: OrgCaller, query: ListInvitationsDto): Promise<Page<InvitationDto>> {
    this.requireManager(caller);
    const order = allowListedSort(query.sort, INVITATION_SORT_FIELDS, '-createdAt');
    const { page, size, offset } = pageParams(query);
    const now = new Date();
    const builder = invitations(this.dataSource.manager).query(caller.organizationId, 'i');
    if (query.status) builder.andWhere(STATUS_CONDITIONS[query.status], { now });
    for (const { field, direction } of order) builder.addOrderBy(SORT_COLUMNS[field], direction);
    const [rows, total] = await builder.offset(offset).limit(size).getManyAndCount();
    return pageOf(
      rows.map((row) => toInvitationDto(row, now)),
      total,
      page,
      size,
    );
  }

  /** Revoking twice is fine; an accepted invitation cannot be revoked (remove the member instead). */
  async revoke(caller: OrgCaller, request: InvitationIdDto): Promise<OkDto> {
    this.requireManager(caller);
    await this.dataSource.transaction(async (manager) => {
      await lockOrganization(manager, caller.organizationId);
      const invitation = await invitations(manager).findById(caller.organizationId, request.invitationId);
      if (!invitation) throw notFound('Invitation', request.invitationId);
      if (!canChangeMembership(caller.roles, invitation.role, undefined)) throw forbidden('Only owners may revoke invitations of owners');
      if (invitation.acceptedAt) throw invitationAlreadyAccepted();
      if (!invitation.revokedAt) await manager.update(InvitationEntity, { id: invitation.id, organizationId: caller.organizationId }, { revokedAt: new Date() });
    });
    return { ok: true };
  }

  /** The token proves the invitee reads the invited mailbox: an existing account joins as it is, a new one is created. */
  async accept(request: AcceptInvitationDto, caller: Caller): Promise<InvitationAcceptedDto> {
    const startedAt = Date.now();
    const passwordHash = request.password ? await this.passwords.hash(request.password) : null;
    try {
      return await this.acceptInTransaction(request, caller, passwordHash, startedAt);
    } catch (error) {
      // The invited email registered an account in the same moment: accepting again joins that account.
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }

  private acceptInTransaction(request: AcceptInvitationDto, caller: Caller, passwordHash: string | null, startedAt: number): Promise<InvitationAcceptedDto> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager
        .getRepository(InvitationEntity)
        .createQueryBuilder('i')
        .where('i.token_hash = :hash', { hash: hashOneTimeToken(request.token) })
        .setLock('pessimistic_write')
        .getOne();
      if (!invitation || invitationStatus(invitation, new Date()) !== 'pending') throw invalidInvitationToken();
      const organization = await lockOrganization(manager, invitation.organizationId);
      if (!organization) throw invalidInvitationToken();
      let user = await findUserByEmail(manager, invitation.email);
      if (user && (await memberships(manager).exists(invitation.organizationId, { userId: user.id }))) throw alreadyMember();
      await this.limits.assertCanAddUser(manager, invitation.organizationId);
      const accountCreated = !user;
      if (!user) {
        const missing = [...(request.name ? [] : ['name' as const]), ...(passwordHash ? [] : ['password' as const])];
        if (!request.name || !passwordHash) throw accountDetailsRequired(missing);
        user = await manager.save(newUser(manager, { email: invitation.email, name: request.name, passwordHash }));
      }
      await memberships(manager).insert(invitation.organizationId, { userId: user.id, role: invitation.role });
      await manager.update(InvitationEntity, { id: invitation.id }, { acceptedAt: new Date() });
      await recordAuditEntries(manager, [
        { organizationId: invitation.organizationId, requestId: caller.requestId, userId: user.id, userEmail: user.email, path: ACCEPT_PATH, startedAt },
      ]);
      return {
        organizationId: organization.id,
        organizationName: organization.name,
        userId: user.id,
        email: user.email,
        role: invitation.role,
        accountCreated,
      };
    });
  }

  private requireManager(caller: OrgCaller): void {
    if (!canManageMembers(caller.roles)) throw forbidden('Only owners and admins may manage invitations');
  }
}
