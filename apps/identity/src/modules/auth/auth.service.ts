import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { scopesForRoles } from '@quartier/auth';
import {
  AuthSessionDto,
  JwksDto,
  LoginRequestMessage,
  MeDto,
  OkDto,
  ProvisionTrustedDto,
  RefreshTokenDto,
  RegisterDto,
  TrustedPrincipalDto,
} from '@quartier/contracts-identity';
import { OrgCaller, Role } from '@quartier/contracts-shared';
import { IDENTITY_CONFIG, IdentityConfig } from '../../identity.config';
import { LimitsService } from '../limits/limits.service';
import { highestRole, removesLastOwner } from '../organizations/member-rules';
import { MembershipEntity } from '../organizations/membership.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { toOrganizationDto } from '../organizations/organization.mapper';
import { countOwners, createOrganization, lockOrganization, memberships } from '../organizations/organization-store';
import { UserEntity } from '../users/user.entity';
import { normalizeEmail, toUserDto } from '../users/user.mapper';
import { findUserByEmail, findUserById, isUniqueViolation, newUser } from '../users/user-store';
import { emailTaken, invalidCredentials, loginThrottled, staleSession } from './auth.errors';
import { LoginFailureKey, clearLoginFailures, deleteLoginFailuresBefore, lockLoginFailures, saveLoginFailures } from './login-failure-store';
import { ThrottlePolicy, afterFailure, loginGate } from './login-throttle';
import { hashOneTimeToken } from './one-time-token';
import { PasswordHasher } from './password-hasher';
import { IssuedRefreshToken, TokenService } from './token.service';

interface SignedIn {
  user: UserEntity;
  organization: OrganizationEntity;
  role: Role;
  refresh: IssuedRefreshToken;
}

type LoginOutcome = { kind: 'ok'; signedIn: SignedIn } | { kind: 'failed' } | { kind: 'throttled'; retryAfterSeconds: number };

@Injectable()
export class AuthService {
  private readonly policy: ThrottlePolicy;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly passwords: PasswordHasher,
    private readonly limits: LimitsService,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {
    this.policy = {
      throttleAfter: config.LOGIN_THROTTLE_AFTER_FAILURES,
      baseDelayMs: config.LOGIN_THROTTLE_BASE_MS,
      maxDelayMs: config.LOGIN_THROTTLE_MAX_SECONDS * 1000,
      forgetAfterMs: config.LOGIN_THROTTLE_FORGET_HOURS * 3_600_000,
    };
  }

  /** A new organization with the registering user as its owner. */
  async register(request: RegisterDto): Promise<AuthSessionDto> {
    const email = normalizeEmail(request.email);
    const passwordHash = await this.passwords.hash(request.password);
    try {
      const signedIn = await this.dataSource.transaction(async (manager): Promise<SignedIn> => {
        if (await findUserByEmail(manager, email)) throw emailTaken();
        const organization = await createOrganization(manager, { name: request.organizationName, plan: 'starter' });
        const user = await manager.save(newUser(manager, { email, name: request.name, passwordHash, locale: request.locale }));
        await memberships(manager).insert(organization.id, { userId: user.id, role: 'owner' });
        const refresh = await this.tokens.issueRefreshToken(manager, { userId: user.id, organizationId: organization.id });
        return { user, organization, role: 'owner', refresh };
      });
      return this.session(signedIn);
    } catch (error) {
      // Two registrations of one email racing: the unique index decides.
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }

  /**
   * One generic 401 for unknown email and wrong password, both costing one argon2 verification.
   * Failures are counted per email and client address, so unknown emails are throttled like known
   * ones and an attacker elsewhere never holds back the owner; there is no lockout.
   */
  async login(request: LoginRequestMessage): Promise<AuthSessionDto> {
    const email = normalizeEmail(request.email);
    const key: LoginFailureKey = { emailHash: hashOneTimeToken(email), clientIp: request.clientIp ?? '' };
    const outcome = await this.dataSource.transaction(async (manager): Promise<LoginOutcome> => {
      const failures = await lockLoginFailures(manager, key);
      const gate = loginGate(failures, this.policy, new Date());
      if (!gate.allowed) return { kind: 'throttled', retryAfterSeconds: gate.retryAfterSeconds };
      const user = await findUserByEmail(manager, email, { withPassword: true });
      if (!(await this.passwords.verify(user?.passwordHash, request.password)) || !user) {
        // The delay runs from when the failure is answered, not from when the attempt arrived.
        const failedAt = new Date();
        await saveLoginFailures(manager, key, afterFailure(failures, this.policy, failedAt));
        await deleteLoginFailuresBefore(manager, new Date(failedAt.getTime() - this.policy.forgetAfterMs));
        return { kind: 'failed' };
      }
      if (failures.failedCount > 0) await clearLoginFailures(manager, key);
      const membership = await this.membershipFor(manager, user.id, request.organizationId);
      const organization = membership && (await manager.findOne(OrganizationEntity, { where: { id: membership.organizationId } }));
      if (!membership || !organization) return { kind: 'failed' };
      const refresh = await this.tokens.issueRefreshToken(manager, { userId: user.id, organizationId: organization.id });
      return { kind: 'ok', signedIn: { user, organization, role: membership.role, refresh } };
    });
    if (outcome.kind === 'throttled') throw loginThrottled(outcome.retryAfterSeconds);
    if (outcome.kind === 'failed') throw invalidCredentials();
    return this.session(outcome.signedIn);
  }

  async refresh(request: RefreshTokenDto): Promise<AuthSessionDto> {
    const rotated = await this.tokens.rotate(request.refreshToken);
    const manager = this.dataSource.manager;
    const membership = await memberships(manager).findOne(rotated.organizationId, { userId: rotated.userId });
    const user = await findUserById(manager, rotated.userId);
    const organization = await manager.findOne(OrganizationEntity, { where: { id: rotated.organizationId } });
    if (!membership || !user || !organization) {
      await this.tokens.revokeAllOfUser(manager, rotated.userId, rotated.organizationId);
      throw staleSession();
    }
    return this.session({ user, organization, role: membership.role, refresh: rotated });
  }

  async logout(request: RefreshTokenDto): Promise<OkDto> {
    await this.tokens.revokeFamilyOf(request.refreshToken);
    return { ok: true };
  }

  async me(caller: OrgCaller): Promise<MeDto> {
    const manager = this.dataSource.manager;
    const membership = await memberships(manager).findOne(caller.organizationId, { userId: caller.userId });
    const user = await findUserById(manager, caller.userId);
    const organization = await manager.findOne(OrganizationEntity, { where: { id: caller.organizationId } });
    if (!membership || !user || !organization) throw staleSession();
    return { user: toUserDto(user), organization: toOrganizationDto(organization), role: membership.role, scopes: scopesForRoles([membership.role]) };
  }

  /**
   * Authelia mode: the gateway vouches for the user. Finds or creates the user, the organization
   * (first login of a fresh install) and the membership; Authelia's groups decide the role, except
   * that the last owner is never demoted.
   */
  async provisionTrusted(request: ProvisionTrustedDto): Promise<TrustedPrincipalDto> {
    const email = normalizeEmail(request.email);
    const wanted = highestRole(request.roles);
    return this.dataSource.transaction(async (manager) => {
      await manager.createQueryBuilder().insert().into(OrganizationEntity).values({
        id: request.organizationId,
        name: 'Quartier',
        slug: `quartier-${request.organizationId.slice(0, 8)}`,
        plan: this.config.TRUSTED_ORGANIZATION_PLAN,
        subscriptionStatus: 'active',
        timeZone: 'Europe/Berlin',
        currency: 'EUR',
        settings: {},
      }).orIgnore().execute();
      await manager.createQueryBuilder().insert().into(UserEntity).values(newUser(manager, { email, name: request.name ?? request.username, passwordHash: null })).orIgnore().execute();
      const user = await findUserByEmail(manager, email);
      if (!user) throw new Error('Provisioned user vanished');
      await lockOrganization(manager, request.organizationId);
      let membership = await memberships(manager).findOne(request.organizationId, { userId: user.id });
      if (!membership) {
        await this.limits.assertCanAddUser(manager, request.organizationId);
        membership = await memberships(manager).insert(request.organizationId, { userId: user.id, role: wanted });
      } else if (membership.role !== wanted && !removesLastOwner(membership.role, wanted, await countOwners(manager, request.organizationId))) {
        membership.role = wanted;
        await memberships(manager).save(request.organizationId, membership);
      }
      return {
        userId: user.id,
        organizationId: request.organizationId,
        email: user.email,
        name: user.name,
        roles: [membership.role],
        scopes: scopesForRoles([membership.role]),
      };
    });
  }

  jwks(): Promise<JwksDto> {
    return this.tokens.jwks();
  }

  /** The requested organization, or the user's oldest membership (the user's memberships span organizations). */
  private membershipFor(manager: EntityManager, userId: string, organizationId?: string): Promise<MembershipEntity | null> {
    if (organizationId) return memberships(manager).findOne(organizationId, { userId });
    return manager.findOne(MembershipEntity, { where: { userId }, order: { createdAt: 'ASC' } });
  }

  private async session(signedIn: SignedIn): Promise<AuthSessionDto> {
    const { user, organization, role, refresh } = signedIn;
    const scopes = scopesForRoles([role]);
    const accessToken = await this.tokens.signAccessToken({ sub: user.id, org: organization.id, email: user.email, roles: [role], scopes });
    return {
      accessToken,
      refreshToken: refresh.token,
      tokenType: 'Bearer',
      expiresIn: this.tokens.accessTokenTtlSeconds,
      refreshExpiresAt: refresh.expiresAt.toISOString(),
      user: toUserDto(user),
      organization: toOrganizationDto(organization),
      role,
      scopes,
    };
  }
}
