import { CommonErrorCode, EmptyRequest, defineOperation } from '@quartier/contracts-shared';
import { IdentityErrorCode } from './identity.errors';
import { CheckLimitDto, LimitCheckResultDto, LimitsDto } from './limits.dto';

const service = 'identity';

/** The plan of the caller's organization and what it allows. */
export const LimitOperations = {
  /**
   * GET /organization/limits joins this with portfolio's usage, so its gateway route is written by
   * hand (no `http`).
   */
  get: defineOperation({
    service,
    subject: 'identity.v1.limits.get',
    request: EmptyRequest,
    response: LimitsDto,
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'safe',
    errors: {},
  }),
  /** Bus only: other services ask before they create something a plan limits (ok, or 402). */
  check: defineOperation({
    service,
    subject: 'identity.v1.limits.check',
    request: CheckLimitDto,
    response: LimitCheckResultDto,
    // Any proven caller of an organization: the service creating something on its behalf asks.
    access: { scopes: [] },
    paged: false,
    idempotency: 'safe',
    errors: {
      [CommonErrorCode.VALIDATION_FAILED]: 422,
      [IdentityErrorCode.PLAN_LIMIT_REACHED]: 402,
      [IdentityErrorCode.SUBSCRIPTION_INACTIVE]: 402,
    },
  }),
};
