import { CommonErrorCode, defineOperation } from '@quartier/contracts-shared';
import { BoardIdRequest, BoardQueryDto, CreateBoardDto, UpdateBoardRequest } from './board.dto';
import { BoardPageView, BoardView, DeletedView } from './responses';

const service = 'workorders';
const tags = ['boards'] as const;

/** PUT and PATCH answer on one subject: the same request, only the HTTP method differs. */
const update = {
  service,
  subject: 'workorders.v1.boards.update',
  request: UpdateBoardRequest,
  response: BoardView,
  access: { scopes: ['write'] },
  paged: false,
  idempotency: 'idempotent',
  // 409: a dropped column still holds tasks.
  errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.CONFLICT]: 409, [CommonErrorCode.VALIDATION_FAILED]: 422 },
} as const;

/** Kanban boards: staff only (the service refuses residents). */
export const BoardOperations = {
  list: defineOperation({
    service,
    subject: 'workorders.v1.boards.list',
    request: BoardQueryDto,
    response: BoardPageView,
    http: { method: 'GET', path: '/boards', status: 200, tags, summary: 'List kanban boards with their columns and task counts' },
    access: { scopes: ['read'] },
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  create: defineOperation({
    service,
    subject: 'workorders.v1.boards.create',
    request: CreateBoardDto,
    response: BoardView,
    http: {
      method: 'POST',
      path: '/boards',
      status: 201,
      tags,
      summary: 'Create a board with columns (key, order, WIP limit, terminal flag, allowed source columns)',
    },
    access: { scopes: ['write'] },
    paged: false,
    idempotency: 'none',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  get: defineOperation({
    service,
    subject: 'workorders.v1.boards.get',
    request: BoardIdRequest,
    response: BoardView,
    http: { method: 'GET', path: '/boards/:id', status: 200, tags, summary: 'Get a board' },
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'safe',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  replace: defineOperation({
    ...update,
    http: {
      method: 'PUT',
      path: '/boards/:id',
      status: 200,
      tags,
      summary: 'Update a board; new columns replace the old (409 when a dropped column still holds tasks)',
    },
  }),
  update: defineOperation({
    ...update,
    http: { method: 'PATCH', path: '/boards/:id', status: 200, tags, summary: 'Update some fields of a board' },
  }),
  delete: defineOperation({
    service,
    subject: 'workorders.v1.boards.delete',
    request: BoardIdRequest,
    response: DeletedView,
    http: { method: 'DELETE', path: '/boards/:id', status: 204, tags, summary: 'Delete a board with its tasks', responseDescription: 'Deleted' },
    access: { scopes: ['delete'] },
    paged: false,
    idempotency: 'idempotent',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
};
