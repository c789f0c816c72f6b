import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import {
  CommandPageResponse,
  CommandResponse,
  CreateDeviceDto,
  DeviceListQueryDto,
  DevicePageResponse,
  DeviceResponse,
  IotSubjects,
  ReadingAggregateResponse,
  ReadingPageResponse,
  ReadingResponse,
  SendCommandDto,
  UpdateDeviceDto,
} from '@quartier/contracts-iot';
import { Caller } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';
import { DeviceCommandQueryDto, DeviceReadingQueryDto } from './iot-route.dto';

@ApiTags('iot devices')
@ApiAuthenticated()
@ApiExtraModels(ReadingPageResponse, ReadingAggregateResponse)
@Controller('iot/devices')
export class IotDevicesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'List devices (type, unit, building, active, online, text filters; pagination, sorting)' })
  @ApiOkResponse({ type: DevicePageResponse })
  @ApiProblems(422)
  list(@Query() query: DeviceListQueryDto, @RequestCaller() caller: Caller): Promise<DevicePageResponse> {
    return this.rpc.request(IotSubjects.devicesList, query, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Register a device (its MQTT topics are in the response)' })
  @ApiCreatedResponse({ type: DeviceResponse })
  @ApiProblems(422)
  create(@Body() dto: CreateDeviceDto, @RequestCaller() caller: Caller): Promise<DeviceResponse> {
    return this.rpc.request(IotSubjects.devicesCreate, dto, caller);
  }

  @Get('unit/:unitId')
  @ApiOperation({ summary: 'Devices installed in a unit' })
  @ApiOkResponse({ type: [DeviceResponse] })
  @ApiProblems(422)
  byUnit(@UuidParam('unitId') unitId: string, @RequestCaller() caller: Caller): Promise<DeviceResponse[]> {
    return this.rpc.request(IotSubjects.devicesByUnit, { unitId }, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a device (online state, last seen, reported state)' })
  @ApiOkResponse({ type: DeviceResponse })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<DeviceResponse> {
    return this.rpc.request(IotSubjects.devicesGet, { id }, caller);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a device' })
  @ApiOkResponse({ type: DeviceResponse })
  @ApiProblems(404, 422)
  replace(@UuidParam() id: string, @Body() dto: CreateDeviceDto, @RequestCaller() caller: Caller): Promise<DeviceResponse> {
    return this.rpc.request(IotSubjects.devicesUpdate, { id, changes: dto }, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update some fields of a device' })
  @ApiOkResponse({ type: DeviceResponse })
  @ApiProblems(404, 422)
  update(@UuidParam() id: string, @Body() dto: UpdateDeviceDto, @RequestCaller() caller: Caller): Promise<DeviceResponse> {
    return this.rpc.request(IotSubjects.devicesUpdate, { id, changes: dto }, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a device (its Home Assistant discovery configs are cleared)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  async remove(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(IotSubjects.devicesDelete, { id }, caller);
  }

  @Post(':id/command')
  @ApiOperation({ summary: 'Send a command to the device over MQTT (QoS 1); track it under /iot/commands/{id}' })
  @ApiCreatedResponse({ type: CommandResponse })
  @ApiProblems(404, 409, 422)
  command(@UuidParam() id: string, @Body() dto: SendCommandDto, @RequestCaller() caller: Caller): Promise<CommandResponse> {
    return this.rpc.request(IotSubjects.commandsSend, { id, command: dto }, caller);
  }

  @Get(':id/commands')
  @ApiOperation({ summary: 'Commands sent to the device, newest first' })
  @ApiOkResponse({ type: CommandPageResponse })
  @ApiProblems(404, 422)
  commands(@UuidParam() id: string, @Query() query: DeviceCommandQueryDto, @RequestCaller() caller: Caller): Promise<CommandPageResponse> {
    return this.rpc.request(IotSubjects.commandsList, { ...query, deviceId: id }, caller);
  }

  @Get(':id/readings')
  @ApiOperation({ summary: 'Readings of the device in a time range; with `bucket`, avg/min/max/count per minute, hour or day' })
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(ReadingPageResponse) }, { $ref: getSchemaPath(ReadingAggregateResponse) }] } })
  @ApiProblems(404, 422)
  readings(
    @UuidParam() id: string,
    @Query() query: DeviceReadingQueryDto,
    @RequestCaller() caller: Caller,
  ): Promise<ReadingPageResponse | ReadingAggregateResponse> {
    const subject = query.bucket ? IotSubjects.readingsAggregate : IotSubjects.readingsList;
    return this.rpc.request(subject, { ...query, deviceId: id }, caller);
  }

  @Get(':id/readings/latest')
  @ApiOperation({ summary: 'The latest value of every metric of the device' })
  @ApiOkResponse({ type: [ReadingResponse] })
  @ApiProblems(404, 422)
  latest(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<ReadingResponse[]> {
    return this.rpc.request(IotSubjects.readingsLatest, { id }, caller);
  }
}
