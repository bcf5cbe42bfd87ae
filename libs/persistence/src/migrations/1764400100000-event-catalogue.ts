import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The events catalogue: a count per event name, and each name's attributes with their types. */
export class EventCatalogue1764400100000 implements MigrationInterface {
  name = 'EventCatalogue1764400100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE project_event_names ADD COLUMN count bigint NOT NULL DEFAULT 0`);
    await queryRunner.query(`
      UPDATE project_event_names n SET count = c.count
        FROM (SELECT project_id, name, count(*) AS count FROM events GROUP BY project_id, name) c
       WHERE c.project_id = n.project_id AND c.name = n.name`);
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
    await queryRunner.query(`ALTER TABLE project_event_names DROP COLUMN IF EXISTS count`);
  }
}
