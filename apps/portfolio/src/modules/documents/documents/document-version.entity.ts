import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { OrgOwned, numericTransformer } from '@quartier/db';

/** One stored file of a document; `storageKey` never leaves the service. */
@Entity({ name: 'document_versions' })
export class DocumentVersionEntity implements OrgOwned {
  /** Generated before the bytes are stored, because it is part of the storage key. */
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId!: string;
  @Column({ type: 'integer' }) number!: number;
  @Column({ name: 'file_name', type: 'text' }) fileName!: string;
  @Column({ name: 'content_type', type: 'text' }) contentType!: string;
  @Column({ name: 'size_bytes', type: 'bigint', transformer: numericTransformer }) sizeBytes!: number;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ name: 'storage_key', type: 'text' }) storageKey!: string;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true }) uploadedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
