import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateFolderDto,
  DeletedResponse,
  FolderResponse,
  FolderTreeResponse,
  IdDto,
  PortfolioSubjects,
  UpdateFolderMessageDto,
} from '@quartier/contracts-portfolio';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller } from '@quartier/messaging';
import { FoldersService } from './folders.service';

@Controller()
export class FoldersController {
  constructor(private readonly folders: FoldersService) {}

  @MessagePattern(PortfolioSubjects.foldersTree)
  tree(@CurrentCaller() caller: OrgCaller): Promise<FolderTreeResponse> {
    return this.folders.tree(caller.organizationId);
  }

  @MessagePattern(PortfolioSubjects.foldersGet)
  get(@CurrentCaller() caller: OrgCaller, @Payload() dto: IdDto): Promise<FolderResponse> {
    return this.folders.get(caller.organizationId, dto.id);
  }

  @MessagePattern(PortfolioSubjects.foldersCreate)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateFolderDto): Promise<FolderResponse> {
    return this.folders.create(caller.organizationId, dto);
  }

  @MessagePattern(PortfolioSubjects.foldersUpdate)
  update(@CurrentCaller() caller: OrgCaller, @Payload() dto: UpdateFolderMessageDto): Promise<FolderResponse> {
    return this.folders.update(caller.organizationId, dto);
  }

  @MessagePattern(PortfolioSubjects.foldersDelete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() dto: IdDto): Promise<DeletedResponse> {
    await this.folders.delete(caller.organizationId, dto.id);
    return { deleted: true };
  }
}
