import { CommonErrorCode, EmptyRequest, defineOperation } from '@quartier/contracts-shared';
import { IdPageRequest, IdRequest } from './common.dto';
import { LeasingErrorCode } from './leasing.errors';
import { DeletedView, LeasePageView, PaymentPageView, TenantPageView, TenantView } from './responses';
import { CreateTenantDto, TenantQueryDto, UpdateOwnTenantDto, UpdateTenantRequest } from './tenant.dto';

const service = 'leasing';
const tags = ['tenants'] as const;

export const TenantOperations = {
  list: defineOperation({
    service,
    subject: 'leasing.v1.tenants.list',
    request: TenantQueryDto,
    response: TenantPageView,
    http: { method: 'GET', path: '/tenants', status: 200, tags, summary: 'List tenants (renters): search by name, company or email; filter by status' },
    access: { scopes: ['read'] },
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  create: defineOperation({
    service,
    subject: 'leasing.v1.tenants.create',
    request: CreateTenantDto,
    response: TenantView,
    http: { method: 'POST', path: '/tenants', status: 201, tags, summary: 'Create a tenant; a duplicate email in the organization is a 409' },
    access: { scopes: ['write'] },
    paged: false,
    idempotency: 'none',
    errors: {
      [LeasingErrorCode.TENANT_EMAIL_TAKEN]: 409,
      // The user account is linked to another tenant.
      [CommonErrorCode.CONFLICT]: 409,
      [CommonErrorCode.VALIDATION_FAILED]: 422,
    },
  }),
  me: defineOperation({
    service,
    subject: 'leasing.v1.tenants.me',
    request: EmptyRequest,
    response: TenantView,
    http: { method: 'GET', path: '/tenants/me', status: 200, tags, summary: "The resident's own tenant record" },
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'safe',
    errors: { [CommonErrorCode.NOT_FOUND]: 404 },
  }),
  updateMe: defineOperation({
    service,
    subject: 'leasing.v1.tenants.me.update',
    request: UpdateOwnTenantDto,
    response: TenantView,
    http: { method: 'PUT', path: '/tenants/me', status: 200, tags, summary: 'A resident updates their own contact details' },
    // Residents hold only `read`; their own contact details are theirs to change.
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'idempotent',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [LeasingErrorCode.TENANT_EMAIL_TAKEN]: 409, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  get: defineOperation({
    service,
    subject: 'leasing.v1.tenants.get',
    request: IdRequest,
    response: TenantView,
    http: { method: 'GET', path: '/tenants/:id', status: 200, tags, summary: 'Get a tenant' },
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'safe',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  /** Served as PATCH /tenants/:id and, by hand in the gateway's TenantsController, as PUT (both partial). */
  update: defineOperation({
    service,
    subject: 'leasing.v1.tenants.update',
    request: UpdateTenantRequest,
    response: TenantView,
    http: { method: 'PATCH', path: '/tenants/:id', status: 200, tags, summary: 'Update some fields of a tenant' },
    access: { scopes: ['write'] },
    paged: false,
    idempotency: 'idempotent',
    errors: {
      [CommonErrorCode.NOT_FOUND]: 404,
      [LeasingErrorCode.TENANT_EMAIL_TAKEN]: 409,
      [CommonErrorCode.CONFLICT]: 409,
      [CommonErrorCode.VALIDATION_FAILED]: 422,
    },
  }),
  remove: defineOperation({
    service,
    subject: 'leasing.v1.tenants.delete',
    request: IdRequest,
    response: DeletedView,
    http: { method: 'DELETE', path: '/tenants/:id', status: 204, tags, summary: 'Delete a tenant without leases (409 otherwise)', responseDescription: 'Deleted' },
    access: { scopes: ['delete'] },
    paged: false,
    idempotency: 'idempotent',
    // The tenant still has leases.
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.CONFLICT]: 409, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  leases: defineOperation({
    service,
    subject: 'leasing.v1.tenants.leases',
    request: IdPageRequest,
    response: LeasePageView,
    http: { method: 'GET', path: '/tenants/:id/leases', status: 200, tags, summary: "A tenant's leases" },
    access: { scopes: ['read'] },
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  payments: defineOperation({
    service,
    subject: 'leasing.v1.tenants.payments',
    request: IdPageRequest,
    response: PaymentPageView,
    http: { method: 'GET', path: '/tenants/:id/payments', status: 200, tags, summary: "A tenant's payments" },
    access: { scopes: ['read'] },
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
};
