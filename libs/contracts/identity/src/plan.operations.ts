import { CommonErrorCode, PLATFORM_OPERATOR, defineOperation } from '@quartier/contracts-shared';
import { OrganizationDto } from './organization.dto';
import { SetOrganizationPlanDto } from './plan.dto';

const service = 'identity';

/** Plan administration: platform-wide, so for the installation's platform operators only (ARCHITECTURE §1). */
export const PlanOperations = {
  set: defineOperation({
    service,
    subject: 'identity.v1.platform.organizations.plan.set',
    request: SetOrganizationPlanDto,
    response: OrganizationDto,
    http: {
      method: 'PUT',
      path: '/platform/organizations/:organizationId/plan',
      status: 200,
      tags: ['platform'],
      summary: "Set an organization's plan and subscription status (platform operators only)",
      description: 'For the installation’s platform operators (PLATFORM_OPERATORS); an organization’s owner gets 403.',
    },
    access: { scopes: [], roles: [PLATFORM_OPERATOR] },
    paged: false,
    idempotency: 'idempotent',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422, [CommonErrorCode.NOT_FOUND]: 404 },
  }),
};
