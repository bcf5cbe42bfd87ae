import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The audience: the tag catalogue (one type per tag and project), user imports with their rejected
 * lines, and two default tags the engine keeps on users: when they were last seen (an event) and
 * their country (from the phone number).
 */
export class AudienceTagsAndImports1764410000000 implements MigrationInterface {
  name = 'AudienceTagsAndImports1764410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE tag_definitions (
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        name text NOT NULL,
        type text NOT NULL CONSTRAINT tag_definitions_type_check CHECK (type IN ('string', 'integer', 'decimal', 'boolean', 'date', 'list')),
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (project_id, name)
      )`);
    await queryRunner.query(`
      CREATE TABLE user_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        format text NOT NULL CONSTRAINT user_imports_format_check CHECK (format IN ('csv', 'ndjson')),
        default_country text,
        status text NOT NULL CONSTRAINT user_imports_status_check CHECK (status IN ('running', 'done', 'failed')),
        rows_imported integer NOT NULL DEFAULT 0,
        rows_rejected integer NOT NULL DEFAULT 0,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        progressed_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX user_imports_project ON user_imports (project_id, created_at)`);
    await queryRunner.query(`
      CREATE TABLE user_import_rejections (
        import_id uuid NOT NULL REFERENCES user_imports(id) ON DELETE CASCADE,
        line integer NOT NULL,
        reason text NOT NULL,
        content text NOT NULL,
        PRIMARY KEY (import_id, line)
      )`);
    await queryRunner.query(`ALTER TABLE users ADD COLUMN last_seen_at timestamptz, ADD COLUMN country text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP COLUMN IF EXISTS last_seen_at, DROP COLUMN IF EXISTS country`);
    await queryRunner.query(`DROP TABLE IF EXISTS user_import_rejections`);
    await queryRunner.query(`DROP TABLE IF EXISTS user_imports`);
    await queryRunner.query(`DROP TABLE IF EXISTS tag_definitions`);
  }
}
