import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, LessThan, MoreThan } from 'typeorm';
import {
  ConfirmPasswordResetDto,
  OkDto,
  PASSWORD_RESET_ACCEPTED_MESSAGE,
  PasswordResetAcceptedDto,
  PasswordResetRequestMessage,
} from '@quartier/contracts-identity';
import { Caller } from '@quartier/contracts-shared';
import { IDENTITY_CONFIG, IdentityConfig } from '../../identity.config';
import { recordAuditEntries } from '../audit/audit-entry';
import { clearLoginFailuresOfEmail } from '../auth/login-failure-store';
import { hashOneTimeToken, newOneTimeToken, oneTimeTokenStatus } from '../auth/one-time-token';
import { PasswordHasher } from '../auth/password-hasher';
import { TokenService } from '../auth/token.service';
import { appLink, passwordResetMail } from '../mail/mail-templates';
import { Mailer } from '../mail/mailer';
import { MembershipEntity } from '../organizations/membership.entity';
import { UserEntity } from '../users/user.entity';
import { normalizeEmail } from '../users/user.mapper';
import { findUserByEmail, findUserById } from '../users/user-store';
import { invalidResetToken, resetThrottled } from './password-reset.errors';
import { PasswordResetRequestEntity, PasswordResetTokenEntity } from './password-reset-token.entity';
import { RecentResetRequests, ResetThrottlePolicy, decideReset } from './reset-throttle';

const WINDOW_MS = 3_600_000;

type RequestOutcome = { kind: 'refuse'; retryAfterSeconds: number } | { kind: 'silent' } | { kind: 'mail'; email: string; token: string };
const CONFIRM_PATH = '/api/v1/auth/password-reset/confirm';

/** Forgotten passwords: a mailed single-use link, then a new password that ends every session. */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger('PasswordReset');
  private readonly policy: ResetThrottlePolicy;

  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly mailer: Mailer,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {
    this.policy = { perEmail: config.PASSWORD_RESET_PER_EMAIL_PER_HOUR, perIp: config.PASSWORD_RESET_PER_IP_PER_HOUR, windowMs: WINDOW_MS };
  }

  /** The same answer whether or not the account exists; the mail goes out in the background. */
  async request(request: PasswordResetRequestMessage): Promise<PasswordResetAcceptedDto> {
    const email = normalizeEmail(request.email);
    // Requests for addresses without an account are counted too, so only a hash is kept.
    const emailHash = hashOneTimeToken(email);
    const outcome = await this.dataSource.transaction(async (manager): Promise<RequestOutcome> => {
      // Serialises the requests for one email, so parallel requests cannot outrun the count.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`identity-password-reset:${emailHash}`]);
      const now = new Date();
      const decision = decideReset(await this.recentRequests(manager, emailHash, request.clientIp, now), this.policy, now);
      if (decision.kind === 'refuse') return decision;
      await manager.insert(PasswordResetRequestEntity, { emailHash, clientIp: request.clientIp ?? null, requestedAt: now });
      const user = decision.kind === 'send' ? await findUserByEmail(manager, email) : null;
      if (!user) return { kind: 'silent' };
      // Only the newest link works.
      await manager.delete(PasswordResetTokenEntity, { userId: user.id, usedAt: IsNull() });
      const issued = newOneTimeToken();
      await manager.insert(PasswordResetTokenEntity, {
        userId: user.id,
        tokenHash: issued.hash,
        expiresAt: new Date(now.getTime() + this.config.PASSWORD_RESET_TTL_MINUTES * 60_000),
        usedAt: null,
      });
      return { kind: 'mail', email: user.email, token: issued.token };
    });
    if (outcome.kind === 'refuse') throw resetThrottled(outcome.retryAfterSeconds);
    if (outcome.kind === 'mail') {
      const link = appLink(this.config.APP_BASE_URL, 'reset-password', outcome.token);
      this.mailer.dispatch(passwordResetMail(outcome.email, link, this.config.PASSWORD_RESET_TTL_MINUTES));
    }
    return { accepted: true, message: PASSWORD_RESET_ACCEPTED_MESSAGE };
  }

  /** Redeems the token once: new password, failed logins of the email forgotten, every refresh token revoked. */
  async confirm(request: ConfirmPasswordResetDto, caller: Caller): Promise<OkDto> {
    const startedAt = Date.now();
    const passwordHash = await this.passwords.hash(request.newPassword);
    await this.dataSource.transaction(async (manager) => {
      const stored = await manager.findOne(PasswordResetTokenEntity, {
        where: { tokenHash: hashOneTimeToken(request.token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!stored || oneTimeTokenStatus(stored, new Date()) !== 'usable') throw invalidResetToken();
      const user = await findUserById(manager, stored.userId);
      if (!user) throw invalidResetToken();
      await manager.update(PasswordResetTokenEntity, { userId: user.id, usedAt: IsNull() }, { usedAt: new Date() });
      await manager.update(UserEntity, user.id, { passwordHash });
      await clearLoginFailuresOfEmail(manager, hashOneTimeToken(normalizeEmail(user.email)));
      await this.tokens.revokeAllOfUser(manager, user.id);
      const memberships = await manager.find(MembershipEntity, { where: { userId: user.id } });
      await recordAuditEntries(
        manager,
        memberships.map((membership) => ({
          organizationId: membership.organizationId,
          requestId: caller.requestId,
          userId: user.id,
          userEmail: user.email,
          path: CONFIRM_PATH,
          startedAt,
        })),
      );
      this.logger.log(`Password of user ${user.id} reset; every session revoked`);
    });
    return { ok: true };
  }

  private async recentRequests(manager: EntityManager, emailHash: string, clientIp: string | undefined, now: Date): Promise<RecentResetRequests> {
    const since = new Date(now.getTime() - WINDOW_MS);
    await manager.delete(PasswordResetRequestEntity, { requestedAt: LessThan(since) });
    const times = (rows: PasswordResetRequestEntity[]): Date[] => rows.map((row) => row.requestedAt);
    const order = { requestedAt: 'ASC' } as const;
    const forEmail = await manager.find(PasswordResetRequestEntity, { where: { emailHash, requestedAt: MoreThan(since) }, order });
    const forIp = clientIp ? await manager.find(PasswordResetRequestEntity, { where: { clientIp, requestedAt: MoreThan(since) }, order }) : [];
    return { forEmail: times(forEmail), forIp: times(forIp) };
  }
}
