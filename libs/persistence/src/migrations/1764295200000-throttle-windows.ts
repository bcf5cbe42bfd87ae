import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Journey throttle windows move from Redis into PostgreSQL, so they work on either queue backend. */
export class ThrottleWindows1764295200000 implements MigrationInterface {
  name = 'ThrottleWindows1764295200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE throttle_windows (
        journey_id uuid NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        channel text NOT NULL,
        window_start bigint NOT NULL,
        sends integer NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (journey_id, channel, window_start)
      )`);
    await queryRunner.query(`CREATE INDEX throttle_windows_expires_at ON throttle_windows (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS throttle_windows`);
  }
}
