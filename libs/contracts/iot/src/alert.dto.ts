import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length } from 'class-validator';
import { IsIsoDateTime, Nullable, Optional, PageQueryDto } from '@quartier/contracts-shared';
import { ALERT_SEVERITIES, AlertSeverity } from './alert.events';

export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export class AlertListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ALERT_STATUSES })
  @Optional()
  @IsIn(ALERT_STATUSES)
  status?: AlertStatus;

  @ApiPropertyOptional({ enum: ALERT_SEVERITIES })
  @Optional()
  @IsIn(ALERT_SEVERITIES)
  severity?: AlertSeverity;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  deviceId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Nullable()
  @IsUUID()
  ruleId?: string;

  @ApiPropertyOptional({ example: 'threshold' })
  @Optional()
  @IsString()
  @Length(1, 50)
  kind?: string;

  @ApiPropertyOptional({ description: 'Raised at or after (ISO)' })
  @Optional()
  @IsIsoDateTime()
  from?: string;

  @ApiPropertyOptional({ description: 'Raised before (ISO)' })
  @Optional()
  @IsIsoDateTime()
  to?: string;
}

export class AlertNoteDto {
  @ApiPropertyOptional({ description: 'Why, for the record' })
  @Nullable()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

/** Acknowledge or resolve alert `id`, with an optional note. */
export class AlertActionRequest extends AlertNoteDto {
  @IsUUID()
  id!: string;
}

export class AlertResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) deviceId!: string;
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) unitId!: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) buildingId!: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) ruleId!: string | null;
  @ApiProperty({ enum: ALERT_SEVERITIES }) severity!: AlertSeverity;
  @ApiProperty({ example: 'threshold' }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ nullable: true }) metric!: string | null;
  @ApiPropertyOptional({ nullable: true }) value!: number | null;
  @ApiProperty({ enum: ALERT_STATUSES }) status!: AlertStatus;
  @ApiProperty() raisedAt!: string;
  @ApiPropertyOptional({ nullable: true }) acknowledgedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) acknowledgedBy!: string | null;
  @ApiPropertyOptional({ nullable: true }) resolvedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'uuid', description: 'Null when the rule cleared by itself' }) resolvedBy!: string | null;
  @ApiPropertyOptional({ nullable: true }) note!: string | null;
}
