import { CommonErrorCode, defineOperation } from '@quartier/contracts-shared';
import {
  CreateDeviceDto,
  DeviceListQueryDto,
  DeviceResponse,
  IotDeletedResponse,
  IotIdRequest,
  ReplaceDeviceRequest,
  UnitDevicesRequest,
  UnitDevicesResponse,
  UpdateDeviceRequest,
} from './device.dto';
import { DevicePageResponse } from './page.dto';

const service = 'iot';
const tags = ['iot devices'] as const;
const byId = { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 } as const;

export const DeviceOperations = {
  list: defineOperation({
    service,
    subject: 'iot.v1.devices.list',
    request: DeviceListQueryDto,
    response: DevicePageResponse,
    http: {
      method: 'GET',
      path: '/iot/devices',
      status: 200,
      tags,
      summary: 'List devices (type, unit, building, active, online, text filters; pagination, sorting)',
    },
    access: { scopes: ['read'] },
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  create: defineOperation({
    service,
    subject: 'iot.v1.devices.create',
    request: CreateDeviceDto,
    response: DeviceResponse,
    http: { method: 'POST', path: '/iot/devices', status: 201, tags, summary: 'Register a device (its MQTT topics are in the response)' },
    access: { scopes: ['write'] },
    paged: false,
    idempotency: 'none',
    // Also when the unit or building is not in the caller's portfolio.
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  // No `http`: the gateway hand-writes its route, a bare array the factory cannot document.
  byUnit: defineOperation({
    service,
    subject: 'iot.v1.devices.by-unit',
    request: UnitDevicesRequest,
    response: UnitDevicesResponse,
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'safe',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  get: defineOperation({
    service,
    subject: 'iot.v1.devices.get',
    request: IotIdRequest,
    response: DeviceResponse,
    http: { method: 'GET', path: '/iot/devices/:id', status: 200, tags, summary: 'Get a device (online state, last seen, reported state)' },
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'safe',
    errors: byId,
  }),
  replace: defineOperation({
    service,
    subject: 'iot.v1.devices.replace',
    request: ReplaceDeviceRequest,
    response: DeviceResponse,
    http: { method: 'PUT', path: '/iot/devices/:id', status: 200, tags, summary: 'Replace a device' },
    access: { scopes: ['write'] },
    paged: false,
    idempotency: 'idempotent',
    errors: byId,
  }),
  update: defineOperation({
    service,
    subject: 'iot.v1.devices.update',
    request: UpdateDeviceRequest,
    response: DeviceResponse,
    http: { method: 'PATCH', path: '/iot/devices/:id', status: 200, tags, summary: 'Update some fields of a device' },
    access: { scopes: ['write'] },
    paged: false,
    idempotency: 'idempotent',
    errors: byId,
  }),
  delete: defineOperation({
    service,
    subject: 'iot.v1.devices.delete',
    request: IotIdRequest,
    response: IotDeletedResponse,
    http: {
      method: 'DELETE',
      path: '/iot/devices/:id',
      status: 204,
      tags,
      summary: 'Remove a device (its Home Assistant discovery configs are cleared)',
      responseDescription: 'Deleted',
    },
    access: { scopes: ['delete'] },
    paged: false,
    idempotency: 'idempotent',
    errors: byId,
  }),
};
