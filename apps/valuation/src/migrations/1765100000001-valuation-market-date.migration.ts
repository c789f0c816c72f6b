import { MigrationInterface, QueryRunner } from 'typeorm';

/** Valuations record the market level they reflect; earlier rows reflected their valuation date or later. */
export class ValuationMarketDate1765100000001 implements MigrationInterface {
  name = 'ValuationMarketDate1765100000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE valuations ADD COLUMN market_date date');
    await runner.query(
      'UPDATE valuations v SET market_date = least(v.valuation_date, m.training_to) FROM avm_models m WHERE m.id = v.model_id',
    );
    await runner.query('ALTER TABLE valuations ALTER COLUMN market_date SET NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE valuations DROP COLUMN market_date');
  }
}
