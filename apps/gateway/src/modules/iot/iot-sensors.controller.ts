import { Controller, Get, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, getSchemaPath } from '@nestjs/swagger';
import { ReadingAggregateResponse, ReadingOperations, ReadingPageResponse, ReadingQueryDto } from '@quartier/contracts-iot';
import { Caller } from '@quartier/contracts-shared';
import { operationController } from '../../operations/operation-routes.factory';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { RequestCaller } from '../../security/caller.decorator';

/** /api/v1/iot/sensors/readings: recording is generated from its descriptor, reading is not. */
@Controller()
@ApiExtraModels(ReadingPageResponse, ReadingAggregateResponse)
export class IotSensorReadingsController extends operationController('IotSensorReadingsController', { record: ReadingOperations.record }) {
  // Hand-written: `bucket` picks one of two operations, and the answer is a oneOf the factory cannot document.
  @Get('iot/sensors/readings')
  @ApiOperation({ summary: "Readings of the organization's devices (device, metric, time range); with `bucket`, aggregates" })
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(ReadingPageResponse) }, { $ref: getSchemaPath(ReadingAggregateResponse) }] } })
  @ApiAuthenticated()
  @ApiProblems(404, 422)
  list(@Query() query: ReadingQueryDto, @RequestCaller() caller: Caller): Promise<ReadingPageResponse | ReadingAggregateResponse> {
    return query.bucket ? this.client.send(ReadingOperations.aggregate, query, caller) : this.client.send(ReadingOperations.list, query, caller);
  }
}
