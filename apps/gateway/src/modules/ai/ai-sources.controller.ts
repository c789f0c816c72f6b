import { Controller, Delete, Get, HttpCode, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AiSubjects, SourcePageView, SourceQueryDto, SourceView } from '@quartier/contracts-ai';
import { Caller } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';

/** The documents the assistant retrieves from (staff only). */
@ApiTags('ai')
@ApiAuthenticated()
@Controller('ai/sources')
export class AiSourcesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Indexed documents with their ingestion status and chunk counts' })
  @ApiOkResponse({ type: SourcePageView })
  @ApiProblems(422)
  list(@Query() query: SourceQueryDto, @RequestCaller() caller: Caller): Promise<SourcePageView> {
    return this.rpc.request(AiSubjects.sourcesList, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One indexed document' })
  @ApiOkResponse({ type: SourceView })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<SourceView> {
    return this.rpc.request(AiSubjects.sourcesGet, { id }, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a document and its chunks from the index' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  async remove(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(AiSubjects.sourcesDelete, { id }, caller);
  }
}
