import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { RequireScopes } from '@quartier/auth';
import {
  AI_GATEWAY_TIMEOUT_MS,
  AI_INGEST_GATEWAY_TIMEOUT_MS,
  AI_UPLOAD_MAX_BYTES,
  AiHealthView,
  AiSubjects,
  AnalysisView,
  ChatDto,
  ChatResponse,
  IngestDocumentDto,
  InsightsView,
  SOURCE_VISIBILITIES,
  SourceView,
} from '@quartier/contracts-ai';
import { Caller } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';
import { readAiUpload } from './ai-upload';

/** The assistant: chat with retrieval and live data, the document index it retrieves from, insights and health. */
@ApiTags('ai')
@ApiAuthenticated()
@Controller('ai')
export class AiController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('chat')
  @HttpCode(200)
  @RequireScopes('read')
  @ApiOperation({
    summary: "Chat with the assistant: answers from the organization's documents (with citations) and live data it may read (local Ollama)",
  })
  @ApiOkResponse({ type: ChatResponse })
  @ApiProblems(404, 422)
  chat(@Body() dto: ChatDto, @RequestCaller() caller: Caller): Promise<ChatResponse> {
    return this.rpc.request(AiSubjects.chat, dto, caller, AI_GATEWAY_TIMEOUT_MS);
  }

  @Post('ingest')
  @ApiOperation({ summary: 'Add text to the document index (the same sourceRef replaces its earlier chunks)' })
  @ApiCreatedResponse({ type: SourceView })
  @ApiProblems(422)
  ingest(@Body() dto: IngestDocumentDto, @RequestCaller() caller: Caller): Promise<SourceView> {
    return this.rpc.request(AiSubjects.ingest, dto, caller, AI_INGEST_GATEWAY_TIMEOUT_MS);
  }

  @Post('upload')
  @ApiOperation({ summary: `Upload a PDF, text, Markdown or CSV file (at most ${AI_UPLOAD_MAX_BYTES} bytes) to the document index` })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        title: { type: 'string', description: 'Defaults to the file name' },
        sourceRef: { type: 'string', description: 'Uploading the same reference again replaces its chunks; defaults to the file name' },
        visibility: { type: 'string', enum: [...SOURCE_VISIBILITIES], default: 'staff' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiCreatedResponse({ type: SourceView })
  @ApiProblems(413, 415, 422)
  async upload(@Req() request: FastifyRequest, @RequestCaller() caller: Caller): Promise<SourceView> {
    return this.rpc.request(AiSubjects.upload, await readAiUpload(request), caller, AI_INGEST_GATEWAY_TIMEOUT_MS);
  }

  @Post('analyze/property/:id')
  @HttpCode(200)
  @RequireScopes('read')
  @ApiOperation({ summary: 'Assessment of one property from its live figures: occupancy, vacant rent potential, open maintenance (staff)' })
  @ApiOkResponse({ type: AnalysisView })
  @ApiProblems(404, 422)
  analyzeProperty(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<AnalysisView> {
    return this.rpc.request(AiSubjects.analyzeProperty, { id }, caller, AI_GATEWAY_TIMEOUT_MS);
  }

  @Post('analyze/tenant/:id')
  @HttpCode(200)
  @RequireScopes('read')
  @ApiOperation({ summary: 'Assessment of one tenant from live figures: payments, overdue charges (staff)' })
  @ApiOkResponse({ type: AnalysisView })
  @ApiProblems(404, 422)
  analyzeTenant(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<AnalysisView> {
    return this.rpc.request(AiSubjects.analyzeTenant, { id }, caller, AI_GATEWAY_TIMEOUT_MS);
  }

  @Get('insights')
  @ApiOperation({ summary: 'Suggestions from live data the caller may read: vacancies, overdue rent, urgent work orders' })
  @ApiOkResponse({ type: InsightsView })
  @ApiProblems()
  insights(@RequestCaller() caller: Caller): Promise<InsightsView> {
    return this.rpc.request(AiSubjects.insights, {}, caller);
  }

  @Get('health')
  @ApiOperation({ summary: "Reachability of Ollama, Qdrant and the cloud LLM, and the organization's indexed chunks" })
  @ApiOkResponse({ type: AiHealthView })
  @ApiProblems()
  health(@RequestCaller() caller: Caller): Promise<AiHealthView> {
    return this.rpc.request(AiSubjects.health, {}, caller);
  }
}
