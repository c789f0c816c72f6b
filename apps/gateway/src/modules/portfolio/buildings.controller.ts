import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  BuildingPageResponse,
  BuildingQueryDto,
  BuildingResponse,
  CreateBuildingDto,
  DeleteQueryDto,
  PortfolioSubjects,
  UpdateBuildingDto,
} from '@quartier/contracts-portfolio';
import { Caller } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';
import { ReplaceBuildingDto } from './portfolio-route.dto';

@ApiTags('buildings')
@ApiAuthenticated()
@Controller('buildings')
export class BuildingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'List buildings (filter by property, pagination, sorting)' })
  @ApiOkResponse({ type: BuildingPageResponse })
  @ApiProblems(422)
  list(@Query() query: BuildingQueryDto, @RequestCaller() caller: Caller): Promise<BuildingPageResponse> {
    return this.rpc.request(PortfolioSubjects.buildingsList, query, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a building in a property' })
  @ApiCreatedResponse({ type: BuildingResponse })
  @ApiProblems(404, 422)
  create(@Body() dto: CreateBuildingDto, @RequestCaller() caller: Caller): Promise<BuildingResponse> {
    return this.rpc.request(PortfolioSubjects.buildingsCreate, dto, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a building' })
  @ApiOkResponse({ type: BuildingResponse })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<BuildingResponse> {
    return this.rpc.request(PortfolioSubjects.buildingsGet, { id }, caller);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a building' })
  @ApiOkResponse({ type: BuildingResponse })
  @ApiProblems(404, 422)
  replace(@UuidParam() id: string, @Body() dto: ReplaceBuildingDto, @RequestCaller() caller: Caller): Promise<BuildingResponse> {
    return this.rpc.request(PortfolioSubjects.buildingsUpdate, { ...dto, id }, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update some fields of a building' })
  @ApiOkResponse({ type: BuildingResponse })
  @ApiProblems(404, 422)
  update(@UuidParam() id: string, @Body() dto: UpdateBuildingDto, @RequestCaller() caller: Caller): Promise<BuildingResponse> {
    return this.rpc.request(PortfolioSubjects.buildingsUpdate, { ...dto, id }, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a building (409 while it has units, unless ?cascade=true)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 409, 422)
  async remove(@UuidParam() id: string, @Query() query: DeleteQueryDto, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(PortfolioSubjects.buildingsDelete, { id, cascade: query.cascade ?? false }, caller);
  }
}
