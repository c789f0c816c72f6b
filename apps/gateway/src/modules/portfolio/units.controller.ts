import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AvailableUnitQueryDto,
  ChangeUnitStatusDto,
  CreateUnitDto,
  PortfolioSubjects,
  UnitPageResponse,
  UnitQueryDto,
  UnitResponse,
  UnitStatusHistoryPageResponse,
  UpdateUnitDto,
} from '@quartier/contracts-portfolio';
import { Caller } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';
import { ReplaceUnitDto, UnitHistoryQueryDto } from './portfolio-route.dto';

@ApiTags('units')
@ApiAuthenticated()
@Controller('units')
export class UnitsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'List units (filters, pagination, sorting)' })
  @ApiOkResponse({ type: UnitPageResponse })
  @ApiProblems(422)
  list(@Query() query: UnitQueryDto, @RequestCaller() caller: Caller): Promise<UnitPageResponse> {
    return this.rpc.request(PortfolioSubjects.unitsList, query, caller);
  }

  @Get('available')
  @ApiOperation({ summary: 'List vacant units' })
  @ApiOkResponse({ type: UnitPageResponse })
  @ApiProblems(422)
  available(@Query() query: AvailableUnitQueryDto, @RequestCaller() caller: Caller): Promise<UnitPageResponse> {
    return this.rpc.request(PortfolioSubjects.unitsAvailable, query, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a unit in a building' })
  @ApiCreatedResponse({ type: UnitResponse })
  @ApiProblems(404, 409, 422)
  create(@Body() dto: CreateUnitDto, @RequestCaller() caller: Caller): Promise<UnitResponse> {
    return this.rpc.request(PortfolioSubjects.unitsCreate, dto, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a unit' })
  @ApiOkResponse({ type: UnitResponse })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<UnitResponse> {
    return this.rpc.request(PortfolioSubjects.unitsGet, { id }, caller);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Status changes of a unit over time, newest first' })
  @ApiOkResponse({ type: UnitStatusHistoryPageResponse })
  @ApiProblems(404, 422)
  history(
    @UuidParam() id: string,
    @Query() query: UnitHistoryQueryDto,
    @RequestCaller() caller: Caller,
  ): Promise<UnitStatusHistoryPageResponse> {
    return this.rpc.request(PortfolioSubjects.unitsHistory, { ...query, id }, caller);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a unit' })
  @ApiOkResponse({ type: UnitResponse })
  @ApiProblems(404, 409, 422)
  replace(@UuidParam() id: string, @Body() dto: ReplaceUnitDto, @RequestCaller() caller: Caller): Promise<UnitResponse> {
    return this.rpc.request(PortfolioSubjects.unitsUpdate, { ...dto, id }, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update some fields of a unit' })
  @ApiOkResponse({ type: UnitResponse })
  @ApiProblems(404, 409, 422)
  update(@UuidParam() id: string, @Body() dto: UpdateUnitDto, @RequestCaller() caller: Caller): Promise<UnitResponse> {
    return this.rpc.request(PortfolioSubjects.unitsUpdate, { ...dto, id }, caller);
  }

  @Patch(':id/status')
  @ApiOperation({ summary: 'Change the status of a unit (recorded in its history)' })
  @ApiOkResponse({ type: UnitResponse })
  @ApiProblems(404, 409, 422)
  changeStatus(@UuidParam() id: string, @Body() dto: ChangeUnitStatusDto, @RequestCaller() caller: Caller): Promise<UnitResponse> {
    return this.rpc.request(PortfolioSubjects.unitsChangeStatus, { ...dto, id }, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a unit' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  async remove(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(PortfolioSubjects.unitsDelete, { id }, caller);
  }
}
