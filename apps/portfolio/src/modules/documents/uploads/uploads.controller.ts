import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  DeletedResponse,
  DocumentOperations,
  UploadChunkMessageDto,
  UploadChunkResponse,
  UploadIdDto,
  UploadStartedResponse,
} from '@quartier/contracts-portfolio';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { UploadsService } from './uploads.service';

@Controller()
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @HandlesOperation(DocumentOperations.uploadStart)
  start(@CurrentCaller() caller: OrgCaller): Promise<UploadStartedResponse> {
    return this.uploads.start(caller.organizationId);
  }

  @HandlesOperation(DocumentOperations.uploadChunk)
  append(@CurrentCaller() caller: OrgCaller, @Payload() dto: UploadChunkMessageDto): Promise<UploadChunkResponse> {
    return this.uploads.append(caller.organizationId, dto);
  }

  @HandlesOperation(DocumentOperations.uploadDiscard)
  async discard(@CurrentCaller() caller: OrgCaller, @Payload() dto: UploadIdDto): Promise<DeletedResponse> {
    await this.uploads.discard(caller.organizationId, dto.uploadId);
    return { deleted: true };
  }
}
