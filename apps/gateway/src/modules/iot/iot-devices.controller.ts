import { Controller, Get, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, getSchemaPath } from '@nestjs/swagger';
import {
  CommandOperations,
  CommandPageResponse,
  DeviceOperations,
  DeviceResponse,
  ReadingAggregateResponse,
  ReadingOperations,
  ReadingPageResponse,
  ReadingResponse,
} from '@quartier/contracts-iot';
import { Caller } from '@quartier/contracts-shared';
import { operationController } from '../../operations/operation-routes.factory';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';
import { DeviceCommandQueryDto, DeviceReadingQueryDto } from './iot-route.dto';

/** /api/v1/iot/devices: generated from the descriptors, apart from the routes below. */
@Controller()
@ApiExtraModels(ReadingPageResponse, ReadingAggregateResponse)
export class IotDevicesController extends operationController('IotDevicesController', {
  list: DeviceOperations.list,
  create: DeviceOperations.create,
  get: DeviceOperations.get,
  replace: DeviceOperations.replace,
  update: DeviceOperations.update,
  remove: DeviceOperations.delete,
  command: CommandOperations.send,
}) {
  // Hand-written: the factory documents no bare-array response.
  @Get('iot/devices/unit/:unitId')
  @ApiOperation({ summary: 'Devices installed in a unit' })
  @ApiOkResponse({ type: [DeviceResponse] })
  @ApiAuthenticated()
  @ApiProblems(422)
  byUnit(@UuidParam('unitId') unitId: string, @RequestCaller() caller: Caller): Promise<DeviceResponse[]> {
    return this.client.send(DeviceOperations.byUnit, { unitId }, caller);
  }

  // Hand-written: the path's `id` is the operation's `deviceId`, which the factory cannot rename.
  @Get('iot/devices/:id/commands')
  @ApiOperation({ summary: 'Commands sent to the device, newest first' })
  @ApiOkResponse({ type: CommandPageResponse })
  @ApiAuthenticated()
  @ApiProblems(404, 422)
  commands(@UuidParam() id: string, @Query() query: DeviceCommandQueryDto, @RequestCaller() caller: Caller): Promise<CommandPageResponse> {
    return this.client.send(CommandOperations.list, { ...query, deviceId: id }, caller);
  }

  // Hand-written: `bucket` picks one of two operations, and the answer is a oneOf the factory cannot document.
  @Get('iot/devices/:id/readings')
  @ApiOperation({ summary: 'Readings of the device in a time range; with `bucket`, avg/min/max/count per minute, hour or day' })
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(ReadingPageResponse) }, { $ref: getSchemaPath(ReadingAggregateResponse) }] } })
  @ApiAuthenticated()
  @ApiProblems(404, 422)
  readings(
    @UuidParam() id: string,
    @Query() query: DeviceReadingQueryDto,
    @RequestCaller() caller: Caller,
  ): Promise<ReadingPageResponse | ReadingAggregateResponse> {
    const request = { ...query, deviceId: id };
    return query.bucket ? this.client.send(ReadingOperations.aggregate, request, caller) : this.client.send(ReadingOperations.list, request, caller);
  }

  // Hand-written: the factory documents no bare-array response.
  @Get('iot/devices/:id/readings/latest')
  @ApiOperation({ summary: 'The latest value of every metric of the device' })
  @ApiOkResponse({ type: [ReadingResponse] })
  @ApiAuthenticated()
  @ApiProblems(404, 422)
  latest(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<ReadingResponse[]> {
    return this.client.send(ReadingOperations.latest, { id }, caller);
  }
}
