import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A message whose attempt failed in a way worth retrying gets its own status, `retrying`, instead
 * of staying `queued` with a "retry: " marker in the detail of its last status change.
 */
export class MessageRetryingStatus1764320400000 implements MigrationInterface {
  name = 'MessageRetryingStatus1764320400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE messages SET status = 'retrying' WHERE status = 'queued' AND (status_history -> -1 ->> 'detail') LIKE 'retry: %'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE messages SET status = 'queued' WHERE status = 'retrying'`);
  }
}
