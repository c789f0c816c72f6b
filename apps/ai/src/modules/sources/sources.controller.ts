import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AiDeletedView,
  AiIdDto,
  AiOperations,
  IngestDocumentDto,
  SourcePageView,
  SourceQueryDto,
  SourceView,
  UploadDocumentMessageDto,
} from '@quartier/contracts-ai';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { SourcesService } from './sources.service';

@Controller()
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @HandlesOperation(AiOperations.ingest)
  ingest(@CurrentCaller() caller: OrgCaller, @Payload() dto: IngestDocumentDto): Promise<SourceView> {
    return this.sources.ingestText(caller, dto);
  }

  @HandlesOperation(AiOperations.upload)
  upload(@CurrentCaller() caller: OrgCaller, @Payload() dto: UploadDocumentMessageDto): Promise<SourceView> {
    return this.sources.upload(caller, dto);
  }

  @HandlesOperation(AiOperations.sourcesList)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: SourceQueryDto): Promise<SourcePageView> {
    return this.sources.list(caller, query);
  }

  @HandlesOperation(AiOperations.sourcesGet)
  get(@CurrentCaller() caller: OrgCaller, @Payload() request: AiIdDto): Promise<SourceView> {
    return this.sources.get(caller, request.id);
  }

  @HandlesOperation(AiOperations.sourcesDelete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() request: AiIdDto): Promise<AiDeletedView> {
    await this.sources.delete(caller, request.id);
    return { deleted: true };
  }
}
