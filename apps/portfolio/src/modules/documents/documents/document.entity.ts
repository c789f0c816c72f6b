import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DocumentCategory } from '@quartier/contracts-portfolio';
import { OrgOwned } from '@quartier/db';
import { DocumentVersionEntity } from './document-version.entity';

@Entity({ name: 'documents' })
export class DocumentEntity implements OrgOwned {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) category!: DocumentCategory;
  @Column({ type: 'text', array: true }) tags!: string[];
  @Column({ name: 'property_id', type: 'uuid', nullable: true }) propertyId!: string | null;
  @Column({ name: 'building_id', type: 'uuid', nullable: true }) buildingId!: string | null;
  @Column({ name: 'unit_id', type: 'uuid', nullable: true }) unitId!: string | null;
  @Column({ name: 'lease_id', type: 'uuid', nullable: true }) leaseId!: string | null;
  @Column({ name: 'contact_id', type: 'uuid', nullable: true }) contactId!: string | null;
  @Column({ name: 'folder_id', type: 'uuid', nullable: true }) folderId!: string | null;
  @Column({ name: 'current_version', type: 'integer' }) currentVersion!: number;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  /** The current version, joined by the queries that read documents (not a column). */
  current?: DocumentVersionEntity;
}
