import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CreateFolderDto,
  DeletedResponse,
  FolderOperations,
  FolderResponse,
  FolderTreeResponse,
  IdDto,
  UpdateFolderMessageDto,
} from '@quartier/contracts-portfolio';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { FoldersService } from './folders.service';

@Controller()
export class FoldersController {
  constructor(private readonly folders: FoldersService) {}

  @HandlesOperation(FolderOperations.tree)
  tree(@CurrentCaller() caller: OrgCaller): Promise<FolderTreeResponse> {
    return this.folders.tree(caller.organizationId);
  }

  @HandlesOperation(FolderOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() dto: IdDto): Promise<FolderResponse> {
    return this.folders.get(caller.organizationId, dto.id);
  }

  @HandlesOperation(FolderOperations.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateFolderDto): Promise<FolderResponse> {
    return this.folders.create(caller.organizationId, dto);
  }

  @HandlesOperation(FolderOperations.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() dto: UpdateFolderMessageDto): Promise<FolderResponse> {
    return this.folders.update(caller.organizationId, dto);
  }

  @HandlesOperation(FolderOperations.delete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() dto: IdDto): Promise<DeletedResponse> {
    await this.folders.delete(caller.organizationId, dto.id);
    return { deleted: true };
  }
}
