import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AlertListQueryDto,
  AlertNoteDto,
  AlertPageResponse,
  AlertResponse,
  CreateRuleDto,
  IotSubjects,
  RuleListQueryDto,
  RulePageResponse,
  RuleResponse,
  UpdateRuleDto,
} from '@quartier/contracts-iot';
import { Caller } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';

@ApiTags('iot automation')
@ApiAuthenticated()
@Controller('iot/automation/rules')
export class IotRulesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'List automation rules' })
  @ApiOkResponse({ type: RulePageResponse })
  @ApiProblems(422)
  list(@Query() query: RuleListQueryDto, @RequestCaller() caller: Caller): Promise<RulePageResponse> {
    return this.rpc.request(IotSubjects.rulesList, query, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a rule: trigger (threshold with duration, state, offline, schedule), conditions, actions' })
  @ApiCreatedResponse({ type: RuleResponse })
  @ApiProblems(422)
  create(@Body() dto: CreateRuleDto, @RequestCaller() caller: Caller): Promise<RuleResponse> {
    return this.rpc.request(IotSubjects.rulesCreate, dto, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a rule (whether it is firing, when it last fired)' })
  @ApiOkResponse({ type: RuleResponse })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<RuleResponse> {
    return this.rpc.request(IotSubjects.rulesGet, { id }, caller);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a rule' })
  @ApiOkResponse({ type: RuleResponse })
  @ApiProblems(404, 422)
  replace(@UuidParam() id: string, @Body() dto: CreateRuleDto, @RequestCaller() caller: Caller): Promise<RuleResponse> {
    return this.rpc.request(IotSubjects.rulesUpdate, { id, changes: dto }, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update some fields of a rule (a new trigger starts unfired)' })
  @ApiOkResponse({ type: RuleResponse })
  @ApiProblems(404, 422)
  update(@UuidParam() id: string, @Body() dto: UpdateRuleDto, @RequestCaller() caller: Caller): Promise<RuleResponse> {
    return this.rpc.request(IotSubjects.rulesUpdate, { id, changes: dto }, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a rule' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  async remove(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(IotSubjects.rulesDelete, { id }, caller);
  }
}

@ApiTags('iot alerts')
@ApiAuthenticated()
@Controller('iot/alerts')
export class IotAlertsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'List alerts (status, severity, device, unit, rule, kind, time filters)' })
  @ApiOkResponse({ type: AlertPageResponse })
  @ApiProblems(422)
  list(@Query() query: AlertListQueryDto, @RequestCaller() caller: Caller): Promise<AlertPageResponse> {
    return this.rpc.request(IotSubjects.alertsList, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an alert' })
  @ApiOkResponse({ type: AlertResponse })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<AlertResponse> {
    return this.rpc.request(IotSubjects.alertsGet, { id }, caller);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge an open alert (409 otherwise)' })
  @ApiOkResponse({ type: AlertResponse })
  @ApiProblems(404, 409, 422)
  acknowledge(@UuidParam() id: string, @Body() body: AlertNoteDto, @RequestCaller() caller: Caller): Promise<AlertResponse> {
    return this.rpc.request(IotSubjects.alertsAcknowledge, { id, body }, caller);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve an open or acknowledged alert (409 when already resolved)' })
  @ApiOkResponse({ type: AlertResponse })
  @ApiProblems(404, 409, 422)
  resolve(@UuidParam() id: string, @Body() body: AlertNoteDto, @RequestCaller() caller: Caller): Promise<AlertResponse> {
    return this.rpc.request(IotSubjects.alertsResolve, { id, body }, caller);
  }
}
