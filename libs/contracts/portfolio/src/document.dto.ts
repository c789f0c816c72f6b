import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { IsInt32, Nullable, Optional, PageQueryDto, PATCH_FIELDS, QueryBoolean } from '@quartier/contracts-shared';
import { IdDto, PageMetaResponse } from './common.dto';

export const DOCUMENT_CATEGORIES = [
  'lease_contract',
  'invoice',
  'handover_protocol',
  'energy_certificate',
  'floor_plan',
  'photo',
  'insurance',
  'other',
] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

export const MAX_DOCUMENT_TAGS = 20;

/** `a, b` (a multipart field or query string) or `['a', 'b']`: trimmed, empty entries dropped. */
export function toTagList({ value }: { value: unknown }): unknown {
  const list = typeof value === 'string' ? value.split(',') : value;
  return Array.isArray(list) ? list.map((tag) => (typeof tag === 'string' ? tag.trim() : tag)).filter((tag) => tag !== '') : list;
}

/** What describes a document: sent as multipart fields beside the file, or as JSON when updating. */
export class DocumentMetadataDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'Defaults to the file name without its extension', example: 'Mietvertrag WE 3.2' })
  @Optional()
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiPropertyOptional({ enum: DOCUMENT_CATEGORIES, default: 'other' })
  @Optional()
  @IsIn(DOCUMENT_CATEGORIES)
  category?: DocumentCategory;

  @ApiPropertyOptional({ type: [String], description: `Up to ${MAX_DOCUMENT_TAGS}; a multipart field may list them comma separated`, example: ['2025', 'signed'] })
  @Optional()
  @Transform(toTagList)
  @IsArray()
  @ArrayMaxSize(MAX_DOCUMENT_TAGS)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  @Matches(/^[^,]+$/, { each: true, message: 'tags must not contain commas' })
  tags?: string[];

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  propertyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Must belong to the property when both are given' })
  @Nullable()
  @IsUUID()
  buildingId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Must belong to the building/property when those are given' })
  @Nullable()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A lease of the leasing service (not checked here)' })
  @Nullable()
  @IsUUID()
  leaseId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A contact of the CRM (not checked here)' })
  @Nullable()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  folderId?: string;
}

/** Multipart fields of `POST /documents`: the metadata plus a comment on the first version. */
export class UploadDocumentFieldsDto extends DocumentMetadataDto {
  @ApiPropertyOptional({ maxLength: 500, example: 'Signed by both parties' })
  @Nullable()
  @IsString()
  @MaxLength(500)
  comment?: string;
}

/** Multipart fields of `POST /documents/{id}/versions`. */
export class UploadVersionFieldsDto extends OmitType(UploadDocumentFieldsDto, [
  'title',
  'category',
  'tags',
  'propertyId',
  'buildingId',
  'unitId',
  'leaseId',
  'contactId',
  'folderId',
] as const) {}

/** The staged upload (see document-upload.dto.ts) and the name the client gave the file. */
export class StagedFileDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  uploadId!: string;

  @ApiProperty({ maxLength: 255, example: 'mietvertrag.pdf' })
  @IsString()
  @Length(1, 255)
  fileName!: string;
}

export class CreateDocumentMessageDto extends IntersectionType(StagedFileDto, UploadDocumentFieldsDto) {}

export class AddDocumentVersionMessageDto extends IntersectionType(IntersectionType(IdDto, StagedFileDto), UploadVersionFieldsDto) {}

/** Only the given fields change; `null` clears a link or moves the document to the root folder. */
export class UpdateDocumentDto extends PartialType(DocumentMetadataDto, PATCH_FIELDS) {}

export class UpdateDocumentMessageDto extends UpdateDocumentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export const DOCUMENT_SORT_FIELDS = ['title', 'category', 'size', 'createdAt', 'updatedAt'] as const;

export class DocumentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DOCUMENT_CATEGORIES })
  @Optional()
  @IsIn(DOCUMENT_CATEGORIES)
  category?: DocumentCategory;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  propertyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  buildingId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  leaseId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Documents directly in this folder (and its sub-folders with includeSubfolders)' })
  @Nullable()
  @IsUUID()
  folderId?: string;

  @ApiPropertyOptional({ description: 'With folderId: also the documents of every folder below it', default: false })
  @Optional()
  @QueryBoolean()
  includeSubfolders?: boolean;

  @ApiPropertyOptional({ description: 'Exact tag (case-insensitive)' })
  @Optional()
  @IsString()
  @Length(1, 50)
  tag?: string;

  @ApiPropertyOptional({ description: 'Search in title and tags' })
  @Optional()
  @IsString()
  @Length(1, 200)
  q?: string;
}

export class DocumentVersionsMessageDto extends IntersectionType(IdDto, OmitType(PageQueryDto, ['sort'] as const)) {}

export class DocumentVersionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 2 }) number!: number;
  @ApiProperty({ example: 'mietvertrag.pdf' }) fileName!: string;
  @ApiProperty({ example: 'application/pdf' }) contentType!: string;
  @ApiProperty({ description: 'Bytes', example: 183422 }) size!: number;
  @ApiProperty({ description: 'Hex SHA-256 of the bytes', example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  sha256!: string;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) uploadedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class DocumentVersionPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [DocumentVersionResponse], description: 'Newest first' })
  items!: DocumentVersionResponse[];
}

export class DocumentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: DOCUMENT_CATEGORIES }) category!: DocumentCategory;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) propertyId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) buildingId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) unitId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) leaseId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) contactId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) folderId!: string | null;
  @ApiProperty({ type: DocumentVersionResponse, description: 'The newest version, which downloads return by default' })
  currentVersion!: DocumentVersionResponse;
  @ApiProperty({ example: 2 }) versionCount!: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class DocumentPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [DocumentResponse] })
  items!: DocumentResponse[];
}

/** `portfolio.v1.documents.usage`: what the organization stores, for the plan's document and storage limits. */
export class DocumentUsageResponse {
  @ApiProperty({ example: 42 }) documents!: number;
  @ApiProperty({ description: 'Bytes of every version of every document', example: 73400320 }) storageBytes!: number;
}

/** `?inline=true` of a download: shown by the browser (PDF, image preview) instead of saved. */
export class DispositionQueryDto {
  @ApiPropertyOptional({ description: 'Content-Disposition inline instead of attachment, for previews', default: false })
  @Optional()
  @QueryBoolean()
  inline?: boolean;
}

/** `?version=` of a download: a version number, the current one when absent. */
export class DownloadQueryDto extends DispositionQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @Optional()
  @Type(() => Number)
  @IsInt32({ min: 1 })
  version?: number;
}
