import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DeletedResponse,
  PortfolioSubjects,
  UploadChunkMessageDto,
  UploadChunkResponse,
  UploadIdDto,
  UploadStartedResponse,
} from '@quartier/contracts-portfolio';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller } from '@quartier/messaging';
import { UploadsService } from './uploads.service';

@Controller()
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @MessagePattern(PortfolioSubjects.documentsUploadStart)
  start(@CurrentCaller() caller: OrgCaller): Promise<UploadStartedResponse> {
    return this.uploads.start(caller.organizationId);
  }

  @MessagePattern(PortfolioSubjects.documentsUploadChunk)
  append(@CurrentCaller() caller: OrgCaller, @Payload() dto: UploadChunkMessageDto): Promise<UploadChunkResponse> {
    return this.uploads.append(caller.organizationId, dto);
  }

  @MessagePattern(PortfolioSubjects.documentsUploadDiscard)
  async discard(@CurrentCaller() caller: OrgCaller, @Payload() dto: UploadIdDto): Promise<DeletedResponse> {
    await this.uploads.discard(caller.organizationId, dto.uploadId);
    return { deleted: true };
  }
}
