import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SourceKind, SourceStatus, SourceVisibility } from '@quartier/contracts-ai';

@Entity({ name: 'sources' })
export class SourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'source_ref', type: 'text' })
  sourceRef!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  kind!: SourceKind;

  @Column({ type: 'text' })
  visibility!: SourceVisibility;

  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName!: string | null;

  @Column({ name: 'content_type', type: 'text', nullable: true })
  contentType!: string | null;

  @Column({ type: 'text' })
  status!: SourceStatus;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'chunk_count', type: 'integer' })
  chunkCount!: number;

  @Column({ name: 'char_count', type: 'integer' })
  charCount!: number;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A chunk's text and place in its source; its id is also its point id in Qdrant. */
@Entity({ name: 'chunks' })
export class ChunkEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'source_id', type: 'uuid' })
  sourceId!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  content!: string;

  @Column({ name: 'char_start', type: 'integer' })
  charStart!: number;

  @Column({ name: 'char_end', type: 'integer' })
  charEnd!: number;
}
