import { CommonErrorCode, defineOperation } from '@quartier/contracts-shared';
import { CommandListQueryDto, CommandResponse, SendCommandRequest } from './command.dto';
import { IotIdRequest } from './device.dto';
import { IotErrorCode } from './iot.errors';
import { CommandPageResponse } from './page.dto';

const service = 'iot';
const tags = ['iot commands'] as const;

export const CommandOperations = {
  send: defineOperation({
    service,
    subject: 'iot.v1.commands.send',
    request: SendCommandRequest,
    response: CommandResponse,
    http: {
      method: 'POST',
      path: '/iot/devices/:id/command',
      status: 201,
      tags: ['iot devices'],
      summary: 'Send a command to the device over MQTT (QoS 1); track it under /iot/commands/{id}',
    },
    access: { scopes: ['write'] },
    paged: false,
    // Each call publishes a new command.
    idempotency: 'none',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [IotErrorCode.DEVICE_INACTIVE]: 409, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  list: defineOperation({
    service,
    subject: 'iot.v1.commands.list',
    request: CommandListQueryDto,
    response: CommandPageResponse,
    http: { method: 'GET', path: '/iot/commands', status: 200, tags, summary: 'Commands (device, status filters), newest first' },
    access: { scopes: ['read'] },
    paged: true,
    idempotency: 'safe',
    // NOT_FOUND: the deviceId is not the organization's.
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  get: defineOperation({
    service,
    subject: 'iot.v1.commands.get',
    request: IotIdRequest,
    response: CommandResponse,
    http: {
      method: 'GET',
      path: '/iot/commands/:id',
      status: 200,
      tags,
      summary: 'A command and its status: pending, sent, acknowledged, failed or timed_out',
    },
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'safe',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
};
