import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreatePropertyDto,
  DeleteQueryDto,
  PortfolioSubjects,
  PropertyPageResponse,
  PropertyQueryDto,
  PropertyResponse,
  UpdatePropertyDto,
} from '@quartier/contracts-portfolio';
import { Caller } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';

@ApiTags('properties')
@ApiAuthenticated()
@Controller('properties')
export class PropertiesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'List properties (filters, pagination, sorting)' })
  @ApiOkResponse({ type: PropertyPageResponse })
  @ApiProblems(422)
  list(@Query() query: PropertyQueryDto, @RequestCaller() caller: Caller): Promise<PropertyPageResponse> {
    return this.rpc.request(PortfolioSubjects.propertiesList, query, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a property (402 over the plan limit)' })
  @ApiCreatedResponse({ type: PropertyResponse })
  @ApiProblems(402, 422)
  create(@Body() dto: CreatePropertyDto, @RequestCaller() caller: Caller): Promise<PropertyResponse> {
    return this.rpc.request(PortfolioSubjects.propertiesCreate, dto, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a property' })
  @ApiOkResponse({ type: PropertyResponse })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<PropertyResponse> {
    return this.rpc.request(PortfolioSubjects.propertiesGet, { id }, caller);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a property' })
  @ApiOkResponse({ type: PropertyResponse })
  @ApiProblems(404, 422)
  replace(@UuidParam() id: string, @Body() dto: CreatePropertyDto, @RequestCaller() caller: Caller): Promise<PropertyResponse> {
    return this.rpc.request(PortfolioSubjects.propertiesUpdate, { ...dto, id }, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update some fields of a property' })
  @ApiOkResponse({ type: PropertyResponse })
  @ApiProblems(404, 422)
  update(@UuidParam() id: string, @Body() dto: UpdatePropertyDto, @RequestCaller() caller: Caller): Promise<PropertyResponse> {
    return this.rpc.request(PortfolioSubjects.propertiesUpdate, { ...dto, id }, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a property (409 while it has buildings, unless ?cascade=true)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 409, 422)
  async remove(@UuidParam() id: string, @Query() query: DeleteQueryDto, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(PortfolioSubjects.propertiesDelete, { id, cascade: query.cascade ?? false }, caller);
  }
}
