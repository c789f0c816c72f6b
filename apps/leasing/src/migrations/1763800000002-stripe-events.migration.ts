import { MigrationInterface, QueryRunner } from 'typeorm';

/** Stripe webhook events already handled: Stripe retries, we act once. */
export class StripeEvents1763800000002 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE stripe_events (
      event_id text PRIMARY KEY,
      type text NOT NULL,
      organization_id uuid,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE UNIQUE INDEX payments_stripe_intent_uq ON payments (stripe_payment_intent_id) WHERE stripe_payment_intent_id IS NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX payments_stripe_intent_uq');
    await runner.query('DROP TABLE stripe_events');
  }
}
