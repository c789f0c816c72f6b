import { Controller, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { AI_UPLOAD_MAX_BYTES, AiOperations, SOURCE_VISIBILITIES, SourceView } from '@quartier/contracts-ai';
import { Caller } from '@quartier/contracts-shared';
import { operationController } from '../../operations/operation-routes.factory';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { RequestCaller } from '../../security/caller.decorator';
import { OperationAccess } from '../../operations/operation-access.decorator';
import { readAiUpload } from './ai-upload';

/** The assistant: chat with retrieval and live data, the document index it retrieves from, insights and health. */
@Controller()
export class AiController extends operationController('AiController', {
  chat: AiOperations.chat,
  ingest: AiOperations.ingest,
  analyzeProperty: AiOperations.analyzeProperty,
  analyzeTenant: AiOperations.analyzeTenant,
  insights: AiOperations.insights,
  health: AiOperations.health,
}) {
  // Hand-written: a multipart upload, which the factory cannot read.
  @Post('ai/upload')
  @OperationAccess(AiOperations.upload)
  @ApiAuthenticated()
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
    return this.client.send(AiOperations.upload, await readAiUpload(request), caller);
  }
}
