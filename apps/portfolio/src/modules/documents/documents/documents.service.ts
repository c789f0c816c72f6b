import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  AddDocumentVersionMessageDto,
  CreateDocumentMessageDto,
  DOCUMENT_SORT_FIELDS,
  DocumentDeletedPayload,
  DocumentEvent,
  DocumentMetadataPayload,
  DocumentQueryDto,
  DocumentResponse,
  DocumentUpdatedPayload,
  DocumentUploadedPayload,
  DocumentUsageResponse,
  DocumentVersionAddedPayload,
  DocumentVersionResponse,
  DocumentVersionsMessageDto,
  UpdateDocumentMessageDto,
} from '@quartier/contracts-portfolio';
import { OrgCaller, Page, pageOf, pageParams } from '@quartier/contracts-shared';
import { OrgScopedRepository, addToOutbox } from '@quartier/db';
import { notFound } from '@quartier/messaging';
import { givenFields } from '../../../common/changes';
import { escapeLike, fetchPage, orderFor } from '../../../common/list';
import { PlanLimitsService } from '../../limits/plan-limits.service';
import { FoldersService } from '../folders/folders.service';
import { UploadsService } from '../uploads/uploads.service';
import { DocumentFilesService, StoredFile } from './document-files.service';
import { mergeLinks, resolveLinks } from './document-links';
import { nextVersionNumber, normalizeTags, titleFromFileName } from './document-rules';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentEntity } from './document.entity';
import { toDocumentResponse, toVersionResponse } from './document.mapper';

const SORT_COLUMNS: Record<(typeof DOCUMENT_SORT_FIELDS)[number], string> = {
  title: 'lower(d.title)',
  category: 'd.category',
  size: 'v.size_bytes',
  createdAt: 'd.created_at',
  updatedAt: 'd.updated_at',
};

@Injectable()
export class DocumentsService {
  private readonly documents: OrgScopedRepository<DocumentEntity>;
  private readonly versions: OrgScopedRepository<DocumentVersionEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly files: DocumentFilesService,
    private readonly uploads: UploadsService,
    private readonly folders: FoldersService,
    private readonly limits: PlanLimitsService,
  ) {
    this.documents = new OrgScopedRepository(DocumentEntity, dataSource.manager);
    this.versions = new OrgScopedRepository(DocumentVersionEntity, dataSource.manager);
  }

  list(organizationId: string, query: DocumentQueryDto): Promise<Page<DocumentResponse>> {
    const order = orderFor(query, SORT_COLUMNS, '-createdAt', 'd.id');
    const builder = this.withCurrentVersion(organizationId);
    if (query.category) builder.andWhere('d.category = :category', { category: query.category });
    if (query.propertyId) builder.andWhere('d.property_id = :propertyId', { propertyId: query.propertyId });
    if (query.buildingId) builder.andWhere('d.building_id = :buildingId', { buildingId: query.buildingId });
    if (query.unitId) builder.andWhere('d.unit_id = :unitId', { unitId: query.unitId });
    if (query.leaseId) builder.andWhere('d.lease_id = :leaseId', { leaseId: query.leaseId });
    if (query.contactId) builder.andWhere('d.contact_id = :contactId', { contactId: query.contactId });
    if (query.folderId && query.includeSubfolders) {
      builder.andWhere(
        `d.folder_id IN (
           WITH RECURSIVE tree AS (
             SELECT id FROM document_folders WHERE id = :folderId AND organization_id = :organizationId
             UNION ALL
             SELECT f.id FROM document_folders f JOIN tree ON f.parent_id = tree.id WHERE f.organization_id = :organizationId
           ) SELECT id FROM tree)`,
        { folderId: query.folderId },
      );
    } else if (query.folderId) {
      builder.andWhere('d.folder_id = :folderId', { folderId: query.folderId });
    }
    if (query.tag) builder.andWhere('EXISTS (SELECT 1 FROM unnest(d.tags) AS t(tag) WHERE lower(t.tag) = lower(:tag))', { tag: query.tag });
    if (query.q) {
      builder.andWhere(
        "(d.title ILIKE :q ESCAPE '\\' OR EXISTS (SELECT 1 FROM unnest(d.tags) AS t(tag) WHERE t.tag ILIKE :q ESCAPE '\\'))",
        { q: `%${escapeLike(query.q)}%` },
      );
    }
    return fetchPage(builder, query, order, toDocumentResponse);
  }

  async get(organizationId: string, id: string): Promise<DocumentResponse> {
    return toDocumentResponse(await this.load(organizationId, id));
  }

  async create(caller: OrgCaller, dto: CreateDocumentMessageDto): Promise<DocumentResponse> {
    const organizationId = caller.organizationId;
    const upload = await this.uploads.find(organizationId, dto.uploadId);
    const links = await resolveLinks(this.dataSource.manager, organizationId, {
      propertyId: dto.propertyId ?? null,
      buildingId: dto.buildingId ?? null,
      unitId: dto.unitId ?? null,
    });
    if (dto.folderId) await this.folders.assertExists(organizationId, dto.folderId);
    const documentId = randomUUID();
    const file = await this.files.store(organizationId, documentId, upload, dto.fileName);
    await this.writeOrRemove(file, async (manager) => {
      await this.lockStorage(manager, caller, file.size, true);
      await this.uploads.consume(manager, organizationId, upload.id);
      const document = await this.documents.withManager(manager).insert(organizationId, {
        id: documentId,
        title: dto.title ?? titleFromFileName(file.fileName),
        category: dto.category ?? 'other',
        tags: normalizeTags(dto.tags ?? []),
        ...links,
        leaseId: dto.leaseId ?? null,
        contactId: dto.contactId ?? null,
        folderId: dto.folderId ?? null,
        currentVersion: 1,
        createdBy: caller.userId ?? null,
      });
      await this.insertVersion(manager, caller, documentId, 1, file, dto.comment);
      const payload: DocumentUploadedPayload = { ...metadataPayload(document), uploadedBy: document.createdBy, ...filePayload(1, file) };
      await addToOutbox(manager, organizationId, DocumentEvent.UPLOADED, payload);
    });
    return this.get(organizationId, documentId);
  }

  /** The document row is locked while the number is taken, so concurrent uploads get 2 and 3, never 2 twice. */
  async addVersion(caller: OrgCaller, dto: AddDocumentVersionMessageDto): Promise<DocumentResponse> {
    const organizationId = caller.organizationId;
    await this.load(organizationId, dto.id);
    const upload = await this.uploads.find(organizationId, dto.uploadId);
    const file = await this.files.store(organizationId, dto.id, upload, dto.fileName);
    // Read back in the transaction: after it, a concurrent upload may already be the current version.
    return this.writeOrRemove(file, async (manager) => {
      await this.lockStorage(manager, caller, file.size, false);
      const document = await this.documents.withManager(manager).query(organizationId, 'd').andWhere('d.id = :id', { id: dto.id }).setLock('pessimistic_write').getOne();
      if (!document) throw notFound('Document', dto.id);
      await this.uploads.consume(manager, organizationId, upload.id);
      const number = nextVersionNumber(document.currentVersion);
      await this.insertVersion(manager, caller, dto.id, number, file, dto.comment);
      document.currentVersion = number;
      await this.documents.withManager(manager).save(organizationId, document);
      const payload: DocumentVersionAddedPayload = {
        documentId: dto.id,
        comment: dto.comment ?? null,
        uploadedBy: caller.userId ?? null,
        ...filePayload(number, file),
      };
      await addToOutbox(manager, organizationId, DocumentEvent.VERSION_ADDED, payload);
      return toDocumentResponse(await this.load(organizationId, dto.id, manager));
    });
  }

  async versionsOf(organizationId: string, dto: DocumentVersionsMessageDto): Promise<Page<DocumentVersionResponse>> {
    await this.load(organizationId, dto.id);
    const { page, size } = pageParams(dto);
    const [rows, total] = await this.versions.findPage(organizationId, { where: { documentId: dto.id }, order: { number: 'DESC', id: 'ASC' }, page, size });
    return pageOf(rows.map(toVersionResponse), total, page, size);
  }

  /** The version row with its storage key, or 404. */
  async version(organizationId: string, documentId: string, number: number): Promise<DocumentVersionEntity> {
    const version = await this.versions.findOne(organizationId, { documentId, number });
    if (!version) throw notFound(`Version ${number} of document`, documentId);
    return version;
  }

  async update(organizationId: string, dto: UpdateDocumentMessageDto): Promise<DocumentResponse> {
    const { id, ...changes } = dto;
    const fields = givenFields(changes);
    const document = await this.documents.findById(organizationId, id);
    if (!document) throw notFound('Document', id);
    // Links are checked only when they change, so a document whose unit was deleted can still be renamed.
    if (fields.propertyId !== undefined || fields.buildingId !== undefined || fields.unitId !== undefined) {
      Object.assign(document, await resolveLinks(this.dataSource.manager, organizationId, mergeLinks(document, fields)));
    }
    if (fields.folderId) await this.folders.assertExists(organizationId, fields.folderId);
    if (fields.title !== undefined) document.title = fields.title;
    if (fields.category !== undefined) document.category = fields.category;
    if (fields.tags !== undefined) document.tags = normalizeTags(fields.tags ?? []);
    if (fields.leaseId !== undefined) document.leaseId = fields.leaseId ?? null;
    if (fields.contactId !== undefined) document.contactId = fields.contactId ?? null;
    if (fields.folderId !== undefined) document.folderId = fields.folderId ?? null;
    await this.dataSource.transaction(async (manager) => {
      const saved = await this.documents.withManager(manager).save(organizationId, document);
      const payload: DocumentUpdatedPayload = metadataPayload(saved);
      await addToOutbox(manager, organizationId, DocumentEvent.UPDATED, payload);
    });
    return this.get(organizationId, id);
  }

  /** Metadata and versions go in one transaction with the event; the stored files after it commits. */
  async delete(organizationId: string, id: string): Promise<void> {
    const storageKeys = await this.dataSource.transaction(async (manager) => {
      const documents = this.documents.withManager(manager);
      const document = await documents.query(organizationId, 'd').andWhere('d.id = :id', { id }).setLock('pessimistic_write').getOne();
      if (!document) throw notFound('Document', id);
      const versions = await this.versions.withManager(manager).find(organizationId, { documentId: id });
      await documents.deleteById(organizationId, id);
      const payload: DocumentDeletedPayload = {
        documentId: id,
        title: document.title,
        versions: versions.length,
        size: versions.reduce((sum, version) => sum + version.sizeBytes, 0),
      };
      await addToOutbox(manager, organizationId, DocumentEvent.DELETED, payload);
      return versions.map((version) => version.storageKey);
    });
    await this.files.remove(storageKeys);
  }

  async usage(organizationId: string, manager: EntityManager = this.dataSource.manager): Promise<DocumentUsageResponse> {
    const [row] = await manager.query<{ documents: number; storage_bytes: string }[]>(
      `SELECT (SELECT count(*)::int FROM documents WHERE organization_id = $1) AS documents,
              (SELECT coalesce(sum(size_bytes), 0) FROM document_versions WHERE organization_id = $1) AS storage_bytes`,
      [organizationId],
    );
    return { documents: row.documents, storageBytes: Number(row.storage_bytes) };
  }

  private async load(organizationId: string, id: string, manager?: EntityManager): Promise<DocumentEntity> {
    const document = await this.withCurrentVersion(organizationId, manager).andWhere('d.id = :id', { id }).getOne();
    if (!document) throw notFound('Document', id);
    return document;
  }

  private withCurrentVersion(organizationId: string, manager?: EntityManager) {
    return (manager ? this.documents.withManager(manager) : this.documents)
      .query(organizationId, 'd')
      .innerJoinAndMapOne('d.current', DocumentVersionEntity, 'v', 'v.document_id = d.id AND v.number = d.current_version');
  }

  /**
   * Serializes an organization's uploads and asks identity whether the plan allows them (402
   * PLAN_LIMIT_REACHED), so concurrent uploads cannot together pass the document or storage limit.
   */
  private async lockStorage(manager: EntityManager, caller: OrgCaller, adding: number, newDocument: boolean): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`portfolio-documents:${caller.organizationId}`]);
    const usage = await this.usage(caller.organizationId, manager);
    if (newDocument) await this.limits.assertCanAdd(caller, 'documents', usage.documents);
    await this.limits.assertCanAdd(caller, 'storage', usage.storageBytes, adding);
  }

  private async insertVersion(
    manager: EntityManager,
    caller: OrgCaller,
    documentId: string,
    number: number,
    file: StoredFile,
    comment: string | undefined,
  ): Promise<void> {
    await this.versions.withManager(manager).insert(caller.organizationId, {
      id: file.versionId,
      documentId,
      number,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.size,
      sha256: file.sha256,
      storageKey: file.storageKey,
      comment: comment ?? null,
      uploadedBy: caller.userId ?? null,
    });
  }

  /** Runs the metadata transaction; when it fails, the file just stored is removed again. */
  private async writeOrRemove<T>(file: StoredFile, write: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(write);
    } catch (error) {
      await this.files.remove([file.storageKey]);
      throw error;
    }
  }
}

function metadataPayload(document: DocumentEntity): DocumentMetadataPayload {
  return {
    documentId: document.id,
    title: document.title,
    category: document.category,
    tags: document.tags,
    propertyId: document.propertyId,
    buildingId: document.buildingId,
    unitId: document.unitId,
    leaseId: document.leaseId,
    contactId: document.contactId,
    folderId: document.folderId,
  };
}

function filePayload(version: number, file: StoredFile) {
  return { version, fileName: file.fileName, contentType: file.contentType, size: file.size, sha256: file.sha256 };
}
