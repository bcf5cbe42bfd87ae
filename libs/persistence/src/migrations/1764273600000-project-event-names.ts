import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The event names each project has received (for the validator's typo warning), and the inbox's newest-first index on messages. */
export class ProjectEventNames1764273600000 implements MigrationInterface {
  name = 'ProjectEventNames1764273600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE project_event_names (
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        name text NOT NULL,
        first_seen_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        PRIMARY KEY (project_id, name)
      )`);
    // Events received before this table existed count as received too.
    await queryRunner.query(`
      INSERT INTO project_event_names (project_id, name, first_seen_at, last_seen_at)
      SELECT project_id, name, min(received_at), max(received_at) FROM events GROUP BY project_id, name`);
    // The sandbox inbox lists a project's messages newest first.
    await queryRunner.query(`CREATE INDEX messages_project_created ON messages (project_id, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS messages_project_created`);
    await queryRunner.query(`DROP TABLE IF EXISTS project_event_names`);
  }
}
