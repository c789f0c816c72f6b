import { CommonErrorCode, defineOperation } from '@quartier/contracts-shared';
import { IotDeletedResponse, IotIdRequest } from './device.dto';
import { RulePageResponse } from './page.dto';
import { CreateRuleDto, ReplaceRuleRequest, RuleListQueryDto, RuleResponse, UpdateRuleRequest } from './rule.dto';

const service = 'iot';
const tags = ['iot automation'] as const;
const byId = { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 } as const;

export const RuleOperations = {
  list: defineOperation({
    service,
    subject: 'iot.v1.rules.list',
    request: RuleListQueryDto,
    response: RulePageResponse,
    http: { method: 'GET', path: '/iot/automation/rules', status: 200, tags, summary: 'List automation rules' },
    access: { scopes: ['read'] },
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  create: defineOperation({
    service,
    subject: 'iot.v1.rules.create',
    request: CreateRuleDto,
    response: RuleResponse,
    http: {
      method: 'POST',
      path: '/iot/automation/rules',
      status: 201,
      tags,
      summary: 'Create a rule: trigger (threshold with duration, state, offline, schedule), conditions, actions',
    },
    access: { scopes: ['write'] },
    paged: false,
    idempotency: 'none',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  get: defineOperation({
    service,
    subject: 'iot.v1.rules.get',
    request: IotIdRequest,
    response: RuleResponse,
    http: { method: 'GET', path: '/iot/automation/rules/:id', status: 200, tags, summary: 'Get a rule (whether it is firing, when it last fired)' },
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'safe',
    errors: byId,
  }),
  replace: defineOperation({
    service,
    subject: 'iot.v1.rules.replace',
    request: ReplaceRuleRequest,
    response: RuleResponse,
    http: { method: 'PUT', path: '/iot/automation/rules/:id', status: 200, tags, summary: 'Replace a rule' },
    access: { scopes: ['write'] },
    paged: false,
    idempotency: 'idempotent',
    errors: byId,
  }),
  update: defineOperation({
    service,
    subject: 'iot.v1.rules.update',
    request: UpdateRuleRequest,
    response: RuleResponse,
    http: {
      method: 'PATCH',
      path: '/iot/automation/rules/:id',
      status: 200,
      tags,
      summary: 'Update some fields of a rule (a new trigger starts unfired)',
    },
    access: { scopes: ['write'] },
    paged: false,
    idempotency: 'idempotent',
    errors: byId,
  }),
  delete: defineOperation({
    service,
    subject: 'iot.v1.rules.delete',
    request: IotIdRequest,
    response: IotDeletedResponse,
    http: { method: 'DELETE', path: '/iot/automation/rules/:id', status: 204, tags, summary: 'Delete a rule', responseDescription: 'Deleted' },
    access: { scopes: ['delete'] },
    paged: false,
    idempotency: 'idempotent',
    errors: byId,
  }),
};
