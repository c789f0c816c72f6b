import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { IsIsoDateTime, Nullable, Optional, PageQueryDto } from '@quartier/contracts-shared';
import { PageMetaResponse } from './common.dto';
import { CONTACT_ACTIVITY_TYPES, type ContactActivityType } from './contact.enums';

/** `{ contactId }`: the contact an activity belongs to. */
export class ContactRefDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  contactId!: string;
}

export class CreateContactActivityDto {
  @ApiProperty({ enum: CONTACT_ACTIVITY_TYPES })
  @IsIn(CONTACT_ACTIVITY_TYPES)
  type!: ContactActivityType;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it happened; defaults to now, never in the future' })
  @Optional()
  @IsIsoDateTime()
  occurredAt?: string;

  @ApiProperty({ example: 'Called about the 3-room flat in Prenzlauer Berg', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  summary!: string;

  @ApiPropertyOptional({ example: 'Wants a viewing next week', maxLength: 500 })
  @Nullable()
  @IsString()
  @MaxLength(500)
  outcome?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The property it was about (of the organization)' })
  @Nullable()
  @IsUUID()
  propertyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The unit it was about (of the organization)' })
  @Nullable()
  @IsUUID()
  unitId?: string;
}

export class CreateContactActivityMessageDto extends IntersectionType(ContactRefDto, CreateContactActivityDto) {}

export class ContactActivityQueryDto extends OmitType(PageQueryDto, ['sort'] as const) {
  @ApiPropertyOptional({ enum: CONTACT_ACTIVITY_TYPES })
  @Optional()
  @IsIn(CONTACT_ACTIVITY_TYPES)
  type?: ContactActivityType;
}

/** The timeline of one contact, newest first. */
export class ContactActivitiesMessageDto extends IntersectionType(ContactRefDto, ContactActivityQueryDto) {}

export class DeleteContactActivityMessageDto extends ContactRefDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  activityId!: string;
}

export class ContactActivityResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ enum: CONTACT_ACTIVITY_TYPES }) type!: ContactActivityType;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ nullable: true, type: String }) outcome!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) propertyId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) unitId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Who recorded it' }) createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ContactActivityPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [ContactActivityResponse] })
  items!: ContactActivityResponse[];
}
