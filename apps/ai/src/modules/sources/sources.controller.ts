import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AiIdDto,
  AiSubjects,
  IngestDocumentDto,
  SourcePageView,
  SourceQueryDto,
  SourceView,
  UploadDocumentMessageDto,
} from '@quartier/contracts-ai';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller } from '@quartier/messaging';
import { SourcesService } from './sources.service';

@Controller()
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @MessagePattern(AiSubjects.ingest)
  ingest(@CurrentCaller() caller: OrgCaller, @Payload() dto: IngestDocumentDto): Promise<SourceView> {
    return this.sources.ingestText(caller, dto);
  }

  @MessagePattern(AiSubjects.upload)
  upload(@CurrentCaller() caller: OrgCaller, @Payload() dto: UploadDocumentMessageDto): Promise<SourceView> {
    return this.sources.upload(caller, dto);
  }

  @MessagePattern(AiSubjects.sourcesList)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: SourceQueryDto): Promise<SourcePageView> {
    return this.sources.list(caller, query);
  }

  @MessagePattern(AiSubjects.sourcesGet)
  get(@CurrentCaller() caller: OrgCaller, @Payload() request: AiIdDto): Promise<SourceView> {
    return this.sources.get(caller, request.id);
  }

  @MessagePattern(AiSubjects.sourcesDelete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() request: AiIdDto): Promise<{ deleted: true }> {
    await this.sources.delete(caller, request.id);
    return { deleted: true };
  }
}
