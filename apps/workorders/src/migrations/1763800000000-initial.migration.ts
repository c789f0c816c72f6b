import { MigrationInterface, QueryRunner } from 'typeorm';
import { MESSAGING_TABLES_SQL } from '@quartier/db';

/** Work orders, contractors, kanban boards and tasks, plus the outbox/inbox tables. */
export class Initial1763800000000 implements MigrationInterface {
  name = 'Initial1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of MESSAGING_TABLES_SQL) await runner.query(sql);
    await runner.query(`CREATE TABLE contractors (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      name text NOT NULL,
      trade text NOT NULL,
      contact_name text,
      email text,
      phone text,
      hourly_rate_cents integer CHECK (hourly_rate_cents >= 0),
      currency char(3) NOT NULL DEFAULT 'EUR',
      active boolean NOT NULL DEFAULT true,
      notes text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE INDEX contractors_org_idx ON contractors (organization_id, name)');
    await runner.query(`CREATE TABLE work_orders (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      title text NOT NULL,
      description text,
      status text NOT NULL DEFAULT 'open',
      priority text NOT NULL DEFAULT 'normal',
      category text NOT NULL DEFAULT 'general',
      unit_id uuid,
      property_id uuid,
      contractor_id uuid REFERENCES contractors (id),
      requested_by_user_id uuid,
      source text NOT NULL DEFAULT 'staff',
      source_alert_id uuid,
      estimated_cost_cents integer CHECK (estimated_cost_cents >= 0),
      actual_cost_cents integer CHECK (actual_cost_cents >= 0),
      currency char(3) NOT NULL DEFAULT 'EUR',
      resolution_notes text,
      cancellation_reason text,
      scheduled_for timestamptz,
      due_at timestamptz NOT NULL,
      assigned_at timestamptz,
      started_at timestamptz,
      completed_at timestamptz,
      cancelled_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE INDEX work_orders_org_status_idx ON work_orders (organization_id, status, due_at)');
    await runner.query('CREATE INDEX work_orders_org_unit_idx ON work_orders (organization_id, unit_id)');
    await runner.query('CREATE INDEX work_orders_org_contractor_idx ON work_orders (organization_id, contractor_id)');
    await runner.query('CREATE INDEX work_orders_org_requester_idx ON work_orders (organization_id, requested_by_user_id)');
    // One work order per iot alert, even when the alert event is delivered twice.
    await runner.query(
      'CREATE UNIQUE INDEX work_orders_alert_uq ON work_orders (organization_id, source_alert_id) WHERE source_alert_id IS NOT NULL',
    );
    await runner.query(`CREATE TABLE work_order_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      work_order_id uuid NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
      type text NOT NULL,
      actor_user_id uuid,
      note text,
      data jsonb NOT NULL DEFAULT '{}',
      occurred_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    await runner.query('CREATE INDEX work_order_events_idx ON work_order_events (organization_id, work_order_id, occurred_at)');
    await runner.query(`CREATE TABLE work_order_tasks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      work_order_id uuid NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
      title text NOT NULL,
      done boolean NOT NULL DEFAULT false,
      position integer NOT NULL
    )`);
    await runner.query('CREATE INDEX work_order_tasks_idx ON work_order_tasks (organization_id, work_order_id, position)');
    await runner.query(`CREATE TABLE work_order_materials (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      work_order_id uuid NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
      name text NOT NULL,
      quantity numeric(12, 3) NOT NULL CHECK (quantity > 0),
      unit text,
      unit_cost_cents integer NOT NULL CHECK (unit_cost_cents >= 0),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE INDEX work_order_materials_idx ON work_order_materials (organization_id, work_order_id)');
    await runner.query(`CREATE TABLE boards (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      name text NOT NULL,
      description text,
      is_default boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE UNIQUE INDEX boards_default_uq ON boards (organization_id) WHERE is_default');
    await runner.query(`CREATE TABLE board_columns (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      board_id uuid NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
      key text NOT NULL,
      name text NOT NULL,
      position integer NOT NULL,
      wip_limit integer,
      terminal boolean NOT NULL DEFAULT false,
      allowed_from text[],
      UNIQUE (board_id, key)
    )`);
    await runner.query(`CREATE TABLE tasks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      board_id uuid NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
      column_key text NOT NULL,
      position integer NOT NULL,
      title text NOT NULL,
      description text,
      priority text NOT NULL DEFAULT 'medium',
      assignee_id uuid,
      due_date date,
      labels text[] NOT NULL DEFAULT '{}',
      story_points integer,
      property_id uuid,
      unit_id uuid,
      contact_id uuid,
      work_order_id uuid REFERENCES work_orders (id) ON DELETE SET NULL,
      completed_at timestamptz,
      created_by_user_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE INDEX tasks_board_idx ON tasks (organization_id, board_id, column_key, position)');
    await runner.query(`CREATE TABLE subtasks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      task_id uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
      title text NOT NULL,
      done boolean NOT NULL DEFAULT false,
      position integer NOT NULL
    )`);
    await runner.query('CREATE INDEX subtasks_idx ON subtasks (organization_id, task_id, position)');
    await runner.query(`CREATE TABLE task_comments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      task_id uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
      author_user_id uuid NOT NULL,
      body text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    await runner.query('CREATE INDEX task_comments_idx ON task_comments (organization_id, task_id, created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'task_comments',
      'subtasks',
      'tasks',
      'board_columns',
      'boards',
      'work_order_materials',
      'work_order_tasks',
      'work_order_events',
      'work_orders',
      'contractors',
      'inbox',
      'outbox',
    ]) {
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
