import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsString, IsUUID, Length, Matches } from 'class-validator';
import { Nullable, PATCH_FIELDS } from '@quartier/contracts-shared';

export class CreateFolderDto {
  @ApiProperty({ maxLength: 100, description: 'Unique among its siblings (case-insensitive)', example: 'Mietverträge 2025' })
  @IsString()
  @Length(1, 100)
  @Matches(/^(?=.*\S)[^/\\]+$/, { message: 'name must not be blank or contain / or \\' })
  name!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The parent folder; a root folder when absent' })
  @Nullable()
  @IsUUID()
  parentId?: string;
}

/** Rename and/or move; `parentId: null` moves the folder to the root. */
export class UpdateFolderDto extends PartialType(CreateFolderDto, PATCH_FIELDS) {}

export class UpdateFolderMessageDto extends UpdateFolderDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class FolderResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) parentId!: string | null;
  @ApiProperty({ description: 'Documents directly in this folder' }) documentCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class FolderNodeResponse extends FolderResponse {
  @ApiProperty({ type: () => [FolderNodeResponse], description: 'Sub-folders, by name' })
  children!: FolderNodeResponse[];
}

/** `GET /documents/folders`: the organization's folder tree, root folders by name. */
export class FolderTreeResponse {
  @ApiProperty({ type: [FolderNodeResponse] })
  items!: FolderNodeResponse[];
}
