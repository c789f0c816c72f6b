import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { DataSource, EntityManager } from 'typeorm';
import { AccessTokenClaims } from '@quartier/auth';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_ISSUER, JwksDto } from '@quartier/contracts-identity';
import { IDENTITY_CONFIG, IdentityConfig } from '../../identity.config';
import { SigningKeysService } from '../signing-keys/signing-keys.service';
import { invalidRefreshToken } from './auth.errors';
import { RefreshTokenEntity } from './refresh-token.entity';
import { parsePlatformOperators, tokenRoles } from './platform-operators';
import { decideRefresh } from './refresh-rotation';

const ALGORITHM = ACCESS_TOKEN_ALGORITHM;

export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
}

export interface RotatedRefreshToken extends IssuedRefreshToken {
  userId: string;
  organizationId: string;
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Signs access tokens with the active signing key and keeps the refresh-token families (issue, rotate, revoke). */
@Injectable()
export class TokenService {
  private readonly platformOperators: ReadonlySet<string>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly signingKeys: SigningKeysService,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {
    this.platformOperators = parsePlatformOperators(config.PLATFORM_OPERATORS);
  }

  jwks(): Promise<JwksDto> {
    return this.signingKeys.jwks();
  }

  get accessTokenTtlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  /** Every access token is signed here, so this is where the installation's operators get their role. */
  async signAccessToken(claims: AccessTokenClaims): Promise<string> {
    const { sub, ...rest } = claims;
    const signingKey = await this.signingKeys.current();
    return new SignJWT({ ...rest, roles: tokenRoles(claims.roles, claims, this.platformOperators) })
      .setProtectedHeader({ alg: ALGORITHM, kid: signingKey.kid, typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(`${this.config.ACCESS_TOKEN_TTL_SECONDS}s`)
      .sign(signingKey.privateKey);
  }

  /** A new refresh token; a new family unless it continues one. Only its hash is stored. */
  async issueRefreshToken(
    manager: EntityManager,
    owner: { userId: string; organizationId: string },
    familyId: string = randomUUID(),
  ): Promise<IssuedRefreshToken> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    await manager.insert(RefreshTokenEntity, {
      organizationId: owner.organizationId,
      userId: owner.userId,
      familyId,
      tokenHash: hashRefreshToken(token),
      expiresAt,
      usedAt: null,
      revokedAt: null,
    });
    return { token, expiresAt };
  }

  /**
   * Marks the presented token used and returns its successor. A token presented a second time
   * revokes its whole family: either the client or a thief holds a copy, and we cannot tell which.
   */
  async rotate(presented: string): Promise<RotatedRefreshToken> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const stored = await manager.findOne(RefreshTokenEntity, { where: { tokenHash: hashRefreshToken(presented) } });
      if (!stored) return undefined;
      const decision = decideRefresh(stored, new Date());
      if (decision === 'rotate') {
        // Conditional update: of two concurrent uses of one token, only one wins.
        const result = await manager
          .createQueryBuilder()
          .update(RefreshTokenEntity)
          .set({ usedAt: () => 'now()' })
          .where('id = :id AND used_at IS NULL AND revoked_at IS NULL', { id: stored.id })
          .execute();
        if ((result.affected ?? 0) > 0) {
          const next = await this.issueRefreshToken(manager, stored, stored.familyId);
          return { ...next, userId: stored.userId, organizationId: stored.organizationId };
        }
      }
      if (decision !== 'reject') await this.revokeFamily(manager, stored.familyId);
      return undefined;
    });
    if (!outcome) throw invalidRefreshToken();
    return outcome;
  }

  /** Logout: the presented token's family ends. Unknown tokens are ignored (logout is idempotent). */
  async revokeFamilyOf(presented: string): Promise<void> {
    const stored = await this.dataSource.getRepository(RefreshTokenEntity).findOne({ where: { tokenHash: hashRefreshToken(presented) } });
    if (stored) await this.revokeFamily(this.dataSource.manager, stored.familyId);
  }

  async revokeAllOfUser(manager: EntityManager, userId: string, organizationId?: string): Promise<void> {
    const byOrganization = organizationId ? ' AND organization_id = $2' : '';
    await manager.query(
      `UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL${byOrganization}`,
      organizationId ? [userId, organizationId] : [userId],
    );
  }

  private async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [familyId]);
  }
}
