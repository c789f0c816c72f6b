import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { IsIsoDateTime, Nullable, Optional, PageQueryDto } from '@quartier/contracts-shared';
import { PageMetaDto } from './page-meta.dto';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export const AUDIT_SORT_FIELDS = ['occurredAt', 'status', 'method'] as const;

export class ListAuditLogsDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: HTTP_METHODS })
  @Optional()
  @IsIn(HTTP_METHODS)
  method?: (typeof HTTP_METHODS)[number];

  @ApiPropertyOptional({ minimum: 100, maximum: 599 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(599)
  status?: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'Inclusive' })
  @Optional()
  @IsIsoDateTime()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Exclusive' })
  @Optional()
  @IsIsoDateTime()
  to?: string;
}

export class AuditLogDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() requestId!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) userId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) userEmail!: string | null;
  @ApiProperty({ example: 'POST' }) method!: string;
  @ApiProperty({ example: '/api/v1/properties' }) path!: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '/api/v1/properties/:id' }) route!: string | null;
  @ApiProperty({ example: 201 }) status!: number;
  @ApiProperty({ enum: ['success', 'failure'] }) outcome!: 'success' | 'failure';
  @ApiProperty() durationMs!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

export class AuditLogPageDto extends PageMetaDto {
  @ApiProperty({ type: () => AuditLogDto, isArray: true }) items!: AuditLogDto[];
}
