import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Channel, PublicationStatus } from '@quartier/contracts-publishing';

export type FeedAction = 'add' | 'change' | 'delete';

/** A listing on one channel: its state there, the portal's id and URL. */
@Entity({ name: 'publications' })
export class PublicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'listing_id', type: 'uuid' })
  listingId!: string;

  @Column({ type: 'text' })
  channel!: Channel;

  @Column({ type: 'text' })
  status!: PublicationStatus;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId!: string | null;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** OpenImmo channels: the aktion the next delta feed carries for this listing. */
  @Column({ name: 'feed_action', type: 'text', nullable: true })
  feedAction!: FeedAction | null;

  @Column({ name: 'feed_pending', type: 'boolean' })
  feedPending!: boolean;

  @Column({ name: 'feed_changed_at', type: 'timestamptz', nullable: true })
  feedChangedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
