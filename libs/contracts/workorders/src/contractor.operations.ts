import { CommonErrorCode, defineOperation } from '@quartier/contracts-shared';
import { ContractorIdRequest, ContractorQueryDto, ContractorWorkOrdersRequest, CreateContractorDto, UpdateContractorRequest } from './contractor.dto';
import { WorkOrderErrorCode } from './errors';
import { ContractorPageView, ContractorView, DeletedView, WorkOrderPageView } from './responses';

const service = 'workorders';
const tags = ['contractors'] as const;

/** PUT and PATCH answer on one subject: the same request, only the HTTP method differs. */
const update = {
  service,
  subject: 'workorders.v1.contractors.update',
  request: UpdateContractorRequest,
  response: ContractorView,
  access: { scopes: ['write'] },
  paged: false,
  idempotency: 'idempotent',
  errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
} as const;

/** Contractors: staff only (the service refuses residents). */
export const ContractorOperations = {
  list: defineOperation({
    service,
    subject: 'workorders.v1.contractors.list',
    request: ContractorQueryDto,
    response: ContractorPageView,
    http: { method: 'GET', path: '/contractors', status: 200, tags, summary: 'List contractors (trade, active, search)' },
    access: { scopes: ['read'] },
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  create: defineOperation({
    service,
    subject: 'workorders.v1.contractors.create',
    request: CreateContractorDto,
    response: ContractorView,
    http: { method: 'POST', path: '/contractors', status: 201, tags, summary: 'Create a contractor' },
    access: { scopes: ['write'] },
    paged: false,
    idempotency: 'none',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  get: defineOperation({
    service,
    subject: 'workorders.v1.contractors.get',
    request: ContractorIdRequest,
    response: ContractorView,
    http: { method: 'GET', path: '/contractors/:id', status: 200, tags, summary: 'Get a contractor with counts of open and completed work orders' },
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'safe',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  replace: defineOperation({
    ...update,
    http: { method: 'PUT', path: '/contractors/:id', status: 200, tags, summary: 'Update a contractor' },
  }),
  update: defineOperation({
    ...update,
    http: { method: 'PATCH', path: '/contractors/:id', status: 200, tags, summary: 'Update some fields of a contractor' },
  }),
  delete: defineOperation({
    service,
    subject: 'workorders.v1.contractors.delete',
    request: ContractorIdRequest,
    response: DeletedView,
    http: {
      method: 'DELETE',
      path: '/contractors/:id',
      status: 204,
      tags,
      summary: 'Delete a contractor (409 while work orders are assigned to it)',
      responseDescription: 'Deleted',
    },
    access: { scopes: ['delete'] },
    paged: false,
    idempotency: 'idempotent',
    errors: {
      [CommonErrorCode.NOT_FOUND]: 404,
      [WorkOrderErrorCode.CONTRACTOR_HAS_OPEN_WORK_ORDERS]: 409,
      [CommonErrorCode.VALIDATION_FAILED]: 422,
    },
  }),
  workOrders: defineOperation({
    service,
    subject: 'workorders.v1.contractors.workorders',
    request: ContractorWorkOrdersRequest,
    response: WorkOrderPageView,
    http: { method: 'GET', path: '/contractors/:id/workorders', status: 200, tags, summary: "A contractor's work orders" },
    access: { scopes: ['read'] },
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
};
