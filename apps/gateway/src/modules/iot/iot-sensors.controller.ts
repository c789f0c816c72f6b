import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import {
  CommandListQueryDto,
  CommandPageResponse,
  CommandResponse,
  IotSubjects,
  ReadingAggregateResponse,
  ReadingPageResponse,
  ReadingQueryDto,
  RecordReadingsDto,
  RecordReadingsResponse,
} from '@quartier/contracts-iot';
import { Caller } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';

@ApiTags('iot readings')
@ApiAuthenticated()
@ApiExtraModels(ReadingPageResponse, ReadingAggregateResponse)
@Controller('iot/sensors/readings')
export class IotSensorReadingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: "Readings of the organization's devices (device, metric, time range); with `bucket`, aggregates" })
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(ReadingPageResponse) }, { $ref: getSchemaPath(ReadingAggregateResponse) }] } })
  @ApiProblems(404, 422)
  list(@Query() query: ReadingQueryDto, @RequestCaller() caller: Caller): Promise<ReadingPageResponse | ReadingAggregateResponse> {
    return this.rpc.request(query.bucket ? IotSubjects.readingsAggregate : IotSubjects.readingsList, query, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Record readings of a device that speaks HTTP rather than MQTT (rules run on them)' })
  @ApiCreatedResponse({ type: RecordReadingsResponse })
  @ApiProblems(404, 409, 422)
  record(@Body() dto: RecordReadingsDto, @RequestCaller() caller: Caller): Promise<RecordReadingsResponse> {
    return this.rpc.request(IotSubjects.readingsRecord, dto, caller);
  }
}

@ApiTags('iot commands')
@ApiAuthenticated()
@Controller('iot/commands')
export class IotCommandsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Commands (device, status filters), newest first' })
  @ApiOkResponse({ type: CommandPageResponse })
  @ApiProblems(404, 422)
  list(@Query() query: CommandListQueryDto, @RequestCaller() caller: Caller): Promise<CommandPageResponse> {
    return this.rpc.request(IotSubjects.commandsList, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A command and its status: pending, sent, acknowledged, failed or timed_out' })
  @ApiOkResponse({ type: CommandResponse })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<CommandResponse> {
    return this.rpc.request(IotSubjects.commandsGet, { id }, caller);
  }
}

