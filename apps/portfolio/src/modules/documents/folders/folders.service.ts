import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  CreateFolderDto,
  DocumentErrorCode,
  FolderNodeResponse,
  FolderResponse,
  FolderTreeResponse,
  UpdateFolderMessageDto,
} from '@quartier/contracts-portfolio';
import { OrgScopedRepository } from '@quartier/db';
import { notFound, rpcError, validationFailed } from '@quartier/messaging';
import { givenFields } from '../../../common/changes';
import { PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION, pgErrorCode } from '../../../common/pg-errors';
import { DocumentFolderEntity } from './document-folder.entity';
import { buildFolderTree, normalizeFolderName, wouldCreateCycle } from './folder-rules';

interface FolderRow {
  id: string;
  parent_id: string | null;
  name: string;
  document_count: number;
  created_at: Date;
  updated_at: Date;
}

function toFolderResponse(row: FolderRow): FolderResponse {
  return {
    id: row.id,
    name: row.name,
    parentId: row.parent_id,
    documentCount: row.document_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const FOLDERS_WITH_COUNTS = `
  SELECT f.id, f.parent_id, f.name, f.created_at, f.updated_at,
         (SELECT count(*)::int FROM documents d WHERE d.folder_id = f.id AND d.organization_id = f.organization_id) AS document_count
    FROM document_folders f
   WHERE f.organization_id = $1`;

@Injectable()
export class FoldersService {
  private readonly folders: OrgScopedRepository<DocumentFolderEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.folders = new OrgScopedRepository(DocumentFolderEntity, dataSource.manager);
  }

  async tree(organizationId: string): Promise<FolderTreeResponse> {
    const rows = await this.dataSource.query<FolderRow[]>(FOLDERS_WITH_COUNTS, [organizationId]);
    return { items: buildFolderTree(rows.map(toFolderResponse)) as FolderNodeResponse[] };
  }

  async get(organizationId: string, id: string): Promise<FolderResponse> {
    const [row] = await this.dataSource.query<FolderRow[]>(`${FOLDERS_WITH_COUNTS} AND f.id = $2`, [organizationId, id]);
    if (!row) throw notFound('Folder', id);
    return toFolderResponse(row);
  }

  async create(organizationId: string, dto: CreateFolderDto): Promise<FolderResponse> {
    const parentId = dto.parentId ?? null;
    if (parentId) await this.assertExists(organizationId, parentId, 'Parent folder');
    const name = normalizeFolderName(dto.name);
    const created = await saving(name, () => this.folders.insert(organizationId, { name, parentId }));
    return this.get(organizationId, created.id);
  }

  /** Renames and/or moves; moves are serialized per organization so two cannot build a cycle together. */
  async update(organizationId: string, dto: UpdateFolderMessageDto): Promise<FolderResponse> {
    const { id, ...changes } = dto;
    const fields = givenFields(changes);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`portfolio-folders:${organizationId}`]);
      const folders = this.folders.withManager(manager);
      const folder = await folders.findById(organizationId, id);
      if (!folder) throw notFound('Folder', id);
      if (fields.parentId !== undefined) {
        const parentId = fields.parentId ?? null;
        if (parentId) await this.assertExists(organizationId, parentId, 'Parent folder', manager);
        if (wouldCreateCycle(await this.parents(manager, organizationId), id, parentId)) {
          throw validationFailed([{ field: 'parentId', message: 'parentId must not be the folder itself or one of its sub-folders' }]);
        }
        folder.parentId = parentId;
      }
      if (fields.name !== undefined) folder.name = normalizeFolderName(fields.name);
      await saving(folder.name, () => folders.save(organizationId, folder));
    });
    return this.get(organizationId, id);
  }

  /** Only empty folders: no sub-folders and no documents (409 FOLDER_NOT_EMPTY). */
  async delete(organizationId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<FolderRow[]>(`${FOLDERS_WITH_COUNTS} AND f.id = $2`, [organizationId, id]);
      if (!row) throw notFound('Folder', id);
      const subFolders = await this.folders.withManager(manager).count(organizationId, { parentId: id });
      if (subFolders > 0 || row.document_count > 0) throw notEmpty(id, subFolders, row.document_count);
      try {
        await this.folders.withManager(manager).deleteById(organizationId, id);
      } catch (error) {
        // A document or sub-folder added meanwhile still protects the folder (foreign key).
        if (pgErrorCode(error) === PG_FOREIGN_KEY_VIOLATION) throw notEmpty(id, subFolders, row.document_count);
        throw error;
      }
    });
  }

  async assertExists(organizationId: string, id: string, what = 'Folder', manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (!(await this.folders.withManager(manager).exists(organizationId, { id }))) throw notFound(what, id);
  }

  private async parents(manager: EntityManager, organizationId: string): Promise<Map<string, string | null>> {
    const rows = await this.folders.withManager(manager).find(organizationId);
    return new Map(rows.map((row) => [row.id, row.parentId]));
  }
}

async function saving<T>(name: string, save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
      throw rpcError(409, DocumentErrorCode.FOLDER_NAME_TAKEN, `A folder named "${name}" already exists here`, { name });
    }
    throw error;
  }
}

function notEmpty(id: string, folders: number, documents: number) {
  return rpcError(409, DocumentErrorCode.FOLDER_NOT_EMPTY, 'The folder still has sub-folders or documents; move or delete them first', {
    folderId: id,
    folders,
    documents,
  });
}
