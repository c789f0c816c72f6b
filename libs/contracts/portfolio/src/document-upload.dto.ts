import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBase64, IsString, IsUUID, MaxLength } from 'class-validator';
import { IdDto } from './common.dto';
import { IsInt32, Optional } from '@quartier/contracts-shared';

/**
 * File bytes cross NATS in chunks: at most this many (base64, ~683 KiB per message with its
 * envelope), which fits NATS' default max_payload of 1 MiB; portfolio announces a smaller size when
 * its server allows less. So files of any size travel gateway ⇄ portfolio without the gateway
 * needing access to the storage backend (see document-upload.ts in the gateway).
 */
export const DOCUMENT_CHUNK_BYTES = 512 * 1024;

/** Default largest document (portfolio's DOCUMENT_MAX_BYTES). */
export const DEFAULT_DOCUMENT_MAX_BYTES = 25 * 1024 * 1024;

/** `portfolio.v1.documents.uploads.start` → an upload staging area for chunks. */
export class UploadStartedResponse {
  @ApiProperty({ format: 'uuid' }) uploadId!: string;
  @ApiProperty({ description: 'Largest file portfolio accepts, in bytes' }) maxBytes!: number;
  @ApiProperty({ description: "Size of every chunk but the last, in bytes (fitted to the NATS server's max_payload)" }) chunkBytes!: number;
}

export class UploadIdDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  uploadId!: string;
}

/** One chunk of a staged upload; chunks arrive in order, starting at 0. */
export class UploadChunkMessageDto extends UploadIdDto {
  @ApiProperty({ minimum: 0 })
  @IsInt32({ min: 0 })
  index!: number;

  @ApiProperty({ description: 'Base64 bytes, at most DOCUMENT_CHUNK_BYTES decoded' })
  @IsString()
  @IsBase64()
  @MaxLength(Math.ceil(DOCUMENT_CHUNK_BYTES / 3) * 4)
  data!: string;
}

export class UploadChunkResponse {
  @ApiProperty() receivedBytes!: number;
}

/** `portfolio.v1.documents.download`: which version to read. */
export class DownloadMessageDto extends IdDto {
  @ApiPropertyOptional({ minimum: 1, description: 'The current version when absent' })
  @Optional()
  @IsInt32({ min: 1 })
  version?: number;
}

export class DownloadInfoResponse {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() fileName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty() chunkBytes!: number;
}

/** `portfolio.v1.documents.download-chunk`: `chunkBytes` bytes from `offset` of one version. */
export class DownloadChunkMessageDto extends IdDto {
  @ApiProperty({ minimum: 1 })
  @IsInt32({ min: 1 })
  version!: number;

  @ApiProperty({ minimum: 0 })
  @IsInt32({ min: 0 })
  offset!: number;
}

export class DownloadChunkResponse {
  @ApiProperty({ description: 'Base64 bytes; empty past the end' }) data!: string;
}
