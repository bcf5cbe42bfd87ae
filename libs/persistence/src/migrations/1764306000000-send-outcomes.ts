import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** A send step waits for its message: the outcome of each journey send is recorded for its instance. */
export class SendOutcomes1764306000000 implements MigrationInterface {
  name = 'SendOutcomes1764306000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE send_outcomes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id uuid NOT NULL,
        instance_id uuid NOT NULL REFERENCES journey_instances(id) ON DELETE CASCADE,
        node_id text NOT NULL,
        visit integer NOT NULL,
        outcome text NOT NULL CONSTRAINT send_outcomes_outcome_check CHECK (outcome IN ('sent', 'not_sent')),
        at timestamptz NOT NULL,
        reason text,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        applied_at timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX send_outcomes_instance_node_visit ON send_outcomes (instance_id, node_id, visit)`);
    await queryRunner.query(`CREATE INDEX send_outcomes_unapplied_user ON send_outcomes (user_id, id) WHERE applied_at IS NULL`);
    await queryRunner.query(`CREATE INDEX send_outcomes_unapplied_recorded ON send_outcomes (recorded_at) WHERE applied_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS send_outcomes`);
  }
}
