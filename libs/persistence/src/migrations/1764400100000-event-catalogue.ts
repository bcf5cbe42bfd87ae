import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The events catalogue: a count per event name, and each name's attributes with their types. The
 * counts live beside `project_event_names`, whose rows the ingestion transaction leaves untouched
 * for an hour (no rewrite, no row lock on the hot path); these are written after its commit.
 */
export class EventCatalogue1764400100000 implements MigrationInterface {
  name = 'EventCatalogue1764400100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE project_event_counts (
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        name text NOT NULL,
        count bigint NOT NULL,
        PRIMARY KEY (project_id, name)
      )`);
    await queryRunner.query(`INSERT INTO project_event_counts (project_id, name, count) SELECT project_id, name, count(*) FROM events GROUP BY project_id, name`);
    await queryRunner.query(`
      CREATE TABLE project_event_attributes (
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        event_name text NOT NULL,
        attribute text NOT NULL,
        type text NOT NULL,
        count bigint NOT NULL,
        first_seen_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        PRIMARY KEY (project_id, event_name, attribute, type)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS project_event_attributes`);
    await queryRunner.query(`DROP TABLE IF EXISTS project_event_counts`);
  }
}
