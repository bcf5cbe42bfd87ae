import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** When the sweeper last completed, per queue namespace: /health reports a sweeper that has fallen silent. */
export class SweeperRuns1764327600000 implements MigrationInterface {
  name = 'SweeperRuns1764327600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sweeper_runs (
        queue_prefix text PRIMARY KEY,
        completed_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS sweeper_runs`);
  }
}
