import { CommonErrorCode, defineOperation } from '@quartier/contracts-shared';
import { IotErrorCode } from './iot.errors';
import { ReadingPageResponse } from './page.dto';
import {
  LatestReadingsRequest,
  LatestReadingsResponse,
  ReadingAggregateResponse,
  ReadingQueryDto,
  RecordReadingsDto,
  RecordReadingsResponse,
} from './reading.dto';

const service = 'iot';
const readErrors = {
  // The deviceId is not the organization's.
  [CommonErrorCode.NOT_FOUND]: 404,
  [CommonErrorCode.VALIDATION_FAILED]: 422,
  [IotErrorCode.INVALID_RANGE]: 422,
} as const;

/**
 * list, aggregate and latest have no `http`: the gateway hand-writes their routes, which choose
 * list or aggregate by `bucket` and answer a oneOf or a bare array the factory cannot document.
 */
export const ReadingOperations = {
  list: defineOperation({
    service,
    subject: 'iot.v1.readings.list',
    request: ReadingQueryDto,
    response: ReadingPageResponse,
    access: { scopes: ['read'] },
    paged: true,
    idempotency: 'safe',
    errors: readErrors,
  }),
  aggregate: defineOperation({
    service,
    subject: 'iot.v1.readings.aggregate',
    request: ReadingQueryDto,
    response: ReadingAggregateResponse,
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'safe',
    errors: readErrors,
  }),
  latest: defineOperation({
    service,
    subject: 'iot.v1.readings.latest',
    request: LatestReadingsRequest,
    response: LatestReadingsResponse,
    access: { scopes: ['read'] },
    paged: false,
    idempotency: 'safe',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  record: defineOperation({
    service,
    subject: 'iot.v1.readings.record',
    request: RecordReadingsDto,
    response: RecordReadingsResponse,
    http: {
      method: 'POST',
      path: '/iot/sensors/readings',
      status: 201,
      tags: ['iot readings'],
      summary: 'Record readings of a device that speaks HTTP rather than MQTT (rules run on them)',
    },
    access: { scopes: ['write'] },
    paged: false,
    // Each call stores the readings again.
    idempotency: 'none',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [IotErrorCode.DEVICE_INACTIVE]: 409, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
};
