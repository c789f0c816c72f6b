import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsUUID, Matches } from 'class-validator';
import { Optional, PageQueryDto } from '@quartier/contracts-shared';

export const COMMAND_STATUSES = ['pending', 'sent', 'acknowledged', 'failed', 'timed_out'] as const;
export type CommandStatus = (typeof COMMAND_STATUSES)[number];

export class SendCommandDto {
  @ApiProperty({ example: 'set_temperature' })
  @Matches(/^[a-zA-Z][a-zA-Z0-9_.-]{0,63}$/, { message: 'command must be a simple name' })
  command!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { target: 21 } })
  @Optional()
  @IsObject()
  params?: Record<string, unknown>;
}

/** The command for device `id`. */
export class SendCommandRequest extends SendCommandDto {
  @IsUUID()
  id!: string;
}

export class CommandListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  deviceId?: string;

  @ApiPropertyOptional({ enum: COMMAND_STATUSES })
  @Optional()
  @IsIn(COMMAND_STATUSES)
  status?: CommandStatus;
}

export class CommandResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) deviceId!: string;
  @ApiProperty() command!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) params!: Record<string, unknown>;
  @ApiProperty({ enum: COMMAND_STATUSES }) status!: CommandStatus;
  @ApiPropertyOptional({ nullable: true, format: 'uuid', description: 'The automation rule that sent it' }) ruleId!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'What the device answered' }) response!: Record<string, unknown> | null;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true }) sentAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) completedAt!: string | null;
}
