import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The user's story: each instance keeps its step log (the last entries, with a count of the older
 * ones dropped), and users can be searched by id, phone or email prefix and listed by last seen; a user's events are read newest first a page at a time.
 */
export class UserStory1764420000000 implements MigrationInterface {
  name = 'UserStory1764420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE journey_instances ADD COLUMN steps jsonb NOT NULL DEFAULT '[]', ADD COLUMN steps_dropped int NOT NULL DEFAULT 0`);
    // Prefix search whatever the database's collation (text_pattern_ops serves LIKE 'abc%').
    await queryRunner.query(`CREATE INDEX users_project_external_id_prefix ON users (project_id, external_id text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX users_project_phone_prefix ON users (project_id, phone text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX users_project_email_prefix ON users (project_id, lower(email) text_pattern_ops)`);
    // Last seen first: the last event's time, or when the user was created (imported, upserted) if none came yet.
    await queryRunner.query(`CREATE INDEX users_project_last_seen ON users (project_id, (coalesce(last_seen_at, created_at)), id)`);
    // A user's event timeline, newest first, a page at a time.
    await queryRunner.query(`CREATE INDEX events_user_occurred ON events (user_id, occurred_at, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS events_user_occurred`);
    await queryRunner.query(`DROP INDEX IF EXISTS users_project_last_seen`);
    await queryRunner.query(`DROP INDEX IF EXISTS users_project_email_prefix`);
    await queryRunner.query(`DROP INDEX IF EXISTS users_project_phone_prefix`);
    await queryRunner.query(`DROP INDEX IF EXISTS users_project_external_id_prefix`);
    await queryRunner.query(`ALTER TABLE journey_instances DROP COLUMN steps_dropped, DROP COLUMN steps`);
  }
}
