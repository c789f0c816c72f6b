import { CommonErrorCode, EmptyRequest, defineOperation } from '@quartier/contracts-shared';
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
} from './auth.dto';
import { IdentityErrorCode } from './identity.errors';
import { ConfirmPasswordResetDto, PasswordResetAcceptedDto, PasswordResetRequestMessage } from './password-reset.dto';

const service = 'identity';
const tags = ['auth'] as const;

/** Signing up and in, sessions, the keys that verify them, and resetting a forgotten password. */
export const AuthOperations = {
  register: defineOperation({
    service,
    subject: 'identity.v1.auth.register',
    request: RegisterDto,
    response: AuthSessionDto,
    http: { method: 'POST', path: '/auth/register', status: 201, tags, summary: 'Create an organization with its owner and sign in (409 when the email is taken)' },
    access: 'public',
    paged: false,
    // A second call with the same email is refused (409), it creates nothing more.
    idempotency: 'none',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422, [IdentityErrorCode.EMAIL_TAKEN]: 409 },
  }),
  /**
   * POST /auth/login adds the client's address to the body (failed logins are throttled per email
   * and address), so its gateway route is written by hand; the descriptor has no `http`.
   */
  login: defineOperation({
    service,
    subject: 'identity.v1.auth.login',
    request: LoginRequestMessage,
    response: AuthSessionDto,
    access: 'public',
    paged: false,
    // Every login starts a new session.
    idempotency: 'none',
    errors: {
      [CommonErrorCode.VALIDATION_FAILED]: 422,
      [IdentityErrorCode.INVALID_CREDENTIALS]: 401,
      [IdentityErrorCode.LOGIN_THROTTLED]: 429,
    },
  }),
  refresh: defineOperation({
    service,
    subject: 'identity.v1.auth.refresh',
    request: RefreshTokenDto,
    response: AuthSessionDto,
    http: {
      method: 'POST',
      path: '/auth/refresh',
      status: 200,
      tags,
      summary: 'Exchange a refresh token for new tokens (rotation; a replayed token revokes its family, 401)',
    },
    access: 'public',
    paged: false,
    // A refresh token is single use: the second call is a replay.
    idempotency: 'none',
    errors: {
      [CommonErrorCode.VALIDATION_FAILED]: 422,
      [IdentityErrorCode.INVALID_REFRESH_TOKEN]: 401,
      // The user left the organization the session was for.
      [CommonErrorCode.UNAUTHENTICATED]: 401,
    },
  }),
  logout: defineOperation({
    service,
    subject: 'identity.v1.auth.logout',
    request: RefreshTokenDto,
    response: OkDto,
    http: { method: 'POST', path: '/auth/logout', status: 200, tags, summary: 'Revoke a refresh token (works with an expired access token)' },
    access: 'public',
    paged: false,
    idempotency: 'idempotent',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  me: defineOperation({
    service,
    subject: 'identity.v1.auth.me',
    request: EmptyRequest,
    response: MeDto,
    http: { method: 'GET', path: '/auth/me', status: 200, tags, summary: 'The signed-in user, organization, role and scopes' },
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'safe',
    errors: { [CommonErrorCode.UNAUTHENTICATED]: 401 },
  }),
  /**
   * Bus only: the gateway verifies access tokens with these keys and serves its cached copy at
   * /.well-known/jwks.json. Public: asked before any caller is known.
   */
  jwks: defineOperation({
    service,
    subject: 'identity.v1.auth.jwks',
    request: EmptyRequest,
    response: JwksDto,
    access: 'public',
    paged: false,
    idempotency: 'safe',
    errors: {},
  }),
  /**
   * Bus only: the gateway asks it after it verified that trusted headers came from a trusted proxy
   * (Authelia mode). Public: the user it provisions is not a caller yet.
   */
  provisionTrusted: defineOperation({
    service,
    subject: 'identity.v1.auth.provision-trusted',
    request: ProvisionTrustedDto,
    response: TrustedPrincipalDto,
    access: 'public',
    paged: false,
    // The same identity finds the user and membership it created the first time.
    idempotency: 'idempotent',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
};

/** A forgotten password: a single-use link by mail, then a new password. */
export const PasswordResetOperations = {
  /**
   * POST /auth/password-reset answers 202 with the client's address added to the body, so its
   * gateway route is written by hand; the descriptor has no `http`.
   */
  request: defineOperation({
    service,
    subject: 'identity.v1.auth.password-reset.request',
    request: PasswordResetRequestMessage,
    response: PasswordResetAcceptedDto,
    access: 'public',
    paged: false,
    // Each call may mail another link.
    idempotency: 'none',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422, [IdentityErrorCode.PASSWORD_RESET_THROTTLED]: 429 },
  }),
  confirm: defineOperation({
    service,
    subject: 'identity.v1.auth.password-reset.confirm',
    request: ConfirmPasswordResetDto,
    response: OkDto,
    http: {
      method: 'POST',
      path: '/auth/password-reset/confirm',
      status: 200,
      tags,
      summary: 'Set a new password with the token from the reset link (single use; every session of the user ends)',
    },
    access: 'public',
    paged: false,
    // The token is single use: a second call is refused.
    idempotency: 'none',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422, [IdentityErrorCode.INVALID_RESET_TOKEN]: 422 },
  }),
};
