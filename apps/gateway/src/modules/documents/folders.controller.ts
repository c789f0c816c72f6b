import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '@quartier/auth';
import { CreateFolderDto, FolderResponse, FolderTreeResponse, PortfolioSubjects, UpdateFolderDto } from '@quartier/contracts-portfolio';
import { Caller } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';
import { DOCUMENT_ROLES } from './documents-route.dto';

@ApiTags('documents')
@ApiAuthenticated()
@RequireRoles(...DOCUMENT_ROLES)
@Controller('documents/folders')
export class FoldersController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: "The organization's folder tree with document counts" })
  @ApiOkResponse({ type: FolderTreeResponse })
  @ApiProblems()
  tree(@RequestCaller() caller: Caller): Promise<FolderTreeResponse> {
    return this.rpc.request(PortfolioSubjects.foldersTree, {}, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a folder (409 when a sibling has the same name)' })
  @ApiCreatedResponse({ type: FolderResponse })
  @ApiProblems(404, 409, 422)
  create(@Body() dto: CreateFolderDto, @RequestCaller() caller: Caller): Promise<FolderResponse> {
    return this.rpc.request(PortfolioSubjects.foldersCreate, dto, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a folder' })
  @ApiOkResponse({ type: FolderResponse })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<FolderResponse> {
    return this.rpc.request(PortfolioSubjects.foldersGet, { id }, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename or move a folder (parentId null = root; 422 into itself or a sub-folder, 409 name taken)' })
  @ApiOkResponse({ type: FolderResponse })
  @ApiProblems(404, 409, 422)
  update(@UuidParam() id: string, @Body() dto: UpdateFolderDto, @RequestCaller() caller: Caller): Promise<FolderResponse> {
    return this.rpc.request(PortfolioSubjects.foldersUpdate, { ...dto, id }, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an empty folder (409 FOLDER_NOT_EMPTY while it has sub-folders or documents)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 409, 422)
  async delete(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(PortfolioSubjects.foldersDelete, { id }, caller);
  }
}
