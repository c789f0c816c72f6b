import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller } from '@quartier/contracts-shared';
import { BoardPageView, BoardQueryDto, BoardSubjects, BoardView, CreateBoardDto, UpdateBoardDto } from '@quartier/contracts-workorders';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';

@ApiTags('boards')
@ApiAuthenticated()
@Controller('boards')
export class BoardsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'List kanban boards with their columns and task counts' })
  @ApiOkResponse({ type: BoardPageView })
  @ApiProblems(422)
  list(@Query() query: BoardQueryDto, @RequestCaller() caller: Caller): Promise<BoardPageView> {
    return this.rpc.request(BoardSubjects.list, query, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a board with columns (key, order, WIP limit, terminal flag, allowed source columns)' })
  @ApiCreatedResponse({ type: BoardView })
  @ApiProblems(422)
  create(@Body() dto: CreateBoardDto, @RequestCaller() caller: Caller): Promise<BoardView> {
    return this.rpc.request(BoardSubjects.create, dto, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a board' })
  @ApiOkResponse({ type: BoardView })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<BoardView> {
    return this.rpc.request(BoardSubjects.get, { id }, caller);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Update a board; new columns replace the old (409 when a dropped column still holds tasks)' })
  @ApiOkResponse({ type: BoardView })
  @ApiProblems(404, 409, 422)
  replace(@UuidParam() id: string, @Body() dto: UpdateBoardDto, @RequestCaller() caller: Caller): Promise<BoardView> {
    return this.rpc.request(BoardSubjects.update, { ...dto, id }, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update some fields of a board' })
  @ApiOkResponse({ type: BoardView })
  @ApiProblems(404, 409, 422)
  update(@UuidParam() id: string, @Body() dto: UpdateBoardDto, @RequestCaller() caller: Caller): Promise<BoardView> {
    return this.rpc.request(BoardSubjects.update, { ...dto, id }, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a board with its tasks' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  async remove(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(BoardSubjects.delete, { id }, caller);
  }
}
