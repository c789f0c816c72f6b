import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Domain events written in the same transaction as the change (ARCHITECTURE §4). */
@Entity({ name: 'outbox' })
export class OutboxEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'jsonb' })
  payload!: unknown;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}

/** Ids of events a consumer has handled, so redelivery never handles one twice. */
@Entity({ name: 'inbox' })
export class InboxEntity {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId!: string;

  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  @CreateDateColumn({ name: 'handled_at', type: 'timestamptz' })
  handledAt!: Date;
}

/** SQL for the outbox and inbox tables; every service's first migration runs it. */
export const MESSAGING_TABLES_SQL = [
  `CREATE TABLE outbox (
     id uuid PRIMARY KEY,
     organization_id uuid NOT NULL,
     type text NOT NULL,
     payload jsonb NOT NULL,
     occurred_at timestamptz NOT NULL DEFAULT now(),
     published_at timestamptz
   )`,
  'CREATE INDEX outbox_unpublished_idx ON outbox (occurred_at) WHERE published_at IS NULL',
  `CREATE TABLE inbox (
     event_id uuid NOT NULL,
     consumer text NOT NULL,
     handled_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (event_id, consumer)
   )`,
];

/**
 * SQL for the table of Idempotency-Keys (libs/messaging idempotency): one row per scope (the
 * organization, or 'public' for anonymous calls), operation subject and key; `pending` while the
 * first attempt runs (owned by `attempt` until `locked_until`), `done` with its answer after.
 * Every service adds it with a migration of its own.
 */
export const IDEMPOTENCY_TABLE_SQL = [
  `CREATE TABLE idempotency_records (
     organization_id uuid,
     scope text GENERATED ALWAYS AS (coalesce(organization_id::text, 'public')) STORED,
     subject text NOT NULL,
     key text NOT NULL,
     request_hash text NOT NULL,
     state text NOT NULL CHECK (state IN ('pending', 'done')),
     attempt uuid,
     locked_until timestamptz,
     response jsonb,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (scope, subject, key)
   )`,
  'CREATE INDEX idempotency_records_created_idx ON idempotency_records (created_at)',
];
