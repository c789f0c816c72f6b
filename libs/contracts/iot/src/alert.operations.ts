import { CommonErrorCode, defineOperation } from '@quartier/contracts-shared';
import { AlertActionRequest, AlertListQueryDto, AlertResponse } from './alert.dto';
import { IotIdRequest } from './device.dto';
import { IotErrorCode } from './iot.errors';
import { AlertPageResponse } from './page.dto';

const service = 'iot';
const tags = ['iot alerts'] as const;
const transition = {
  [CommonErrorCode.NOT_FOUND]: 404,
  // The alert is not in a state the transition starts from.
  [IotErrorCode.ALERT_STATE_CONFLICT]: 409,
  [CommonErrorCode.VALIDATION_FAILED]: 422,
} as const;

export const AlertOperations = {
  list: defineOperation({
    service,
    subject: 'iot.v1.alerts.list',
    request: AlertListQueryDto,
    response: AlertPageResponse,
    http: { method: 'GET', path: '/iot/alerts', status: 200, tags, summary: 'List alerts (status, severity, device, unit, rule, kind, time filters)' },
    access: { scopes: ['read'] },
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  get: defineOperation({
    service,
    subject: 'iot.v1.alerts.get',
    request: IotIdRequest,
    response: AlertResponse,
    http: { method: 'GET', path: '/iot/alerts/:id', status: 200, tags, summary: 'Get an alert' },
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'safe',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  acknowledge: defineOperation({
    service,
    subject: 'iot.v1.alerts.acknowledge',
    request: AlertActionRequest,
    response: AlertResponse,
    http: { method: 'POST', path: '/iot/alerts/:id/acknowledge', status: 200, tags, summary: 'Acknowledge an open alert (409 otherwise)' },
    access: { scopes: ['write'] },
    paged: false,
    idempotency: 'idempotent',
    errors: transition,
  }),
  resolve: defineOperation({
    service,
    subject: 'iot.v1.alerts.resolve',
    request: AlertActionRequest,
    response: AlertResponse,
    http: {
      method: 'POST',
      path: '/iot/alerts/:id/resolve',
      status: 200,
      tags,
      summary: 'Resolve an open or acknowledged alert (409 when already resolved)',
    },
    access: { scopes: ['write'] },
    paged: false,
    idempotency: 'idempotent',
    errors: transition,
  }),
};
