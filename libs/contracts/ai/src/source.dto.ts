import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBase64, IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { Optional, PageQueryDto } from '@quartier/contracts-shared';
import {
  AI_INGEST_MAX_CHARS,
  AI_TITLE_MAX_CHARS,
  SOURCE_KINDS,
  SOURCE_STATUSES,
  SOURCE_VISIBILITIES,
  SourceKind,
  SourceStatus,
  SourceVisibility,
} from './limits';

export class AiIdDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

/** What the service answers to a delete of a source or a conversation (the HTTP routes answer 204 without a body). */
export class AiDeletedView {
  @ApiProperty({ enum: [true] }) deleted!: true;
}

/** Fields every source shares: who may retrieve it and an optional stable reference. */
export class SourceFieldsDto {
  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Stable reference of the document (e.g. its id or path elsewhere). Ingesting again with the same reference replaces its chunks; defaults to the title (file name for uploads).',
  })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  sourceRef?: string;

  @ApiPropertyOptional({ enum: SOURCE_VISIBILITIES, default: 'staff', description: 'Residents only retrieve `residents` sources' })
  @Optional()
  @IsIn(SOURCE_VISIBILITIES)
  visibility?: SourceVisibility;
}

/** `POST /ai/ingest`: text to make retrievable. */
export class IngestDocumentDto extends SourceFieldsDto {
  @ApiProperty({ maxLength: AI_TITLE_MAX_CHARS, example: 'House rules Lindenstraße 4' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(AI_TITLE_MAX_CHARS)
  title!: string;

  @ApiProperty({ maxLength: AI_INGEST_MAX_CHARS, description: 'Plain text or Markdown' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(AI_INGEST_MAX_CHARS)
  text!: string;
}

/** Multipart fields of `POST /ai/upload` beside the file. */
export class UploadFieldsDto extends SourceFieldsDto {
  @ApiPropertyOptional({ maxLength: AI_TITLE_MAX_CHARS, description: 'Defaults to the file name' })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(AI_TITLE_MAX_CHARS)
  title?: string;
}

/** `ai.v1.sources.upload`: the uploaded file, base64, with its fields. */
export class UploadDocumentMessageDto extends UploadFieldsDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  fileName!: string;

  /** As the client declared it; the service decides with the file name and the bytes (415 when unsupported). */
  @IsString()
  @MaxLength(255)
  contentType!: string;

  @IsBase64()
  data!: string;
}

export class SourceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SOURCE_STATUSES })
  @Optional()
  @IsIn(SOURCE_STATUSES)
  status?: SourceStatus;
}

export class SourceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() sourceRef!: string;
  @ApiProperty({ enum: SOURCE_KINDS }) kind!: SourceKind;
  @ApiProperty({ enum: SOURCE_VISIBILITIES }) visibility!: SourceVisibility;
  @ApiProperty({ type: String, nullable: true }) fileName!: string | null;
  @ApiProperty({ type: String, nullable: true }) contentType!: string | null;
  @ApiProperty({ enum: SOURCE_STATUSES }) status!: SourceStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why ingestion failed' }) error!: string | null;
  @ApiProperty() chunkCount!: number;
  @ApiProperty() charCount!: number;
  @ApiProperty({ description: 'How many times the source was ingested (re-ingesting replaces its chunks)' }) revision!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class SourcePageView {
  @ApiProperty({ type: [SourceView] }) items!: SourceView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() size!: number;
  @ApiProperty() pages!: number;
}
