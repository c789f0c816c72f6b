import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, PageQueryDto } from '@quartier/contracts-shared';
import {
  ContractorPageView,
  ContractorQueryDto,
  ContractorSubjects,
  ContractorView,
  CreateContractorDto,
  UpdateContractorDto,
  WorkOrderPageView,
} from '@quartier/contracts-workorders';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';

@ApiTags('contractors')
@ApiAuthenticated()
@Controller('contractors')
export class ContractorsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'List contractors (trade, active, search)' })
  @ApiOkResponse({ type: ContractorPageView })
  @ApiProblems(422)
  list(@Query() query: ContractorQueryDto, @RequestCaller() caller: Caller): Promise<ContractorPageView> {
    return this.rpc.request(ContractorSubjects.list, query, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a contractor' })
  @ApiCreatedResponse({ type: ContractorView })
  @ApiProblems(422)
  create(@Body() dto: CreateContractorDto, @RequestCaller() caller: Caller): Promise<ContractorView> {
    return this.rpc.request(ContractorSubjects.create, dto, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a contractor with counts of open and completed work orders' })
  @ApiOkResponse({ type: ContractorView })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<ContractorView> {
    return this.rpc.request(ContractorSubjects.get, { id }, caller);
  }

  @Get(':id/workorders')
  @ApiOperation({ summary: "A contractor's work orders" })
  @ApiOkResponse({ type: WorkOrderPageView })
  @ApiProblems(404, 422)
  workOrders(@UuidParam() id: string, @Query() query: PageQueryDto, @RequestCaller() caller: Caller): Promise<WorkOrderPageView> {
    return this.rpc.request(ContractorSubjects.workOrders, { ...query, id }, caller);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Update a contractor' })
  @ApiOkResponse({ type: ContractorView })
  @ApiProblems(404, 422)
  replace(@UuidParam() id: string, @Body() dto: UpdateContractorDto, @RequestCaller() caller: Caller): Promise<ContractorView> {
    return this.rpc.request(ContractorSubjects.update, { ...dto, id }, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update some fields of a contractor' })
  @ApiOkResponse({ type: ContractorView })
  @ApiProblems(404, 422)
  update(@UuidParam() id: string, @Body() dto: UpdateContractorDto, @RequestCaller() caller: Caller): Promise<ContractorView> {
    return this.rpc.request(ContractorSubjects.update, { ...dto, id }, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a contractor (409 while work orders are assigned to it)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 409, 422)
  async remove(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(ContractorSubjects.delete, { id }, caller);
  }
}
