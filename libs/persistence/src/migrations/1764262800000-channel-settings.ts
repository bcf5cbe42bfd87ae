import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Per-project channel providers (secrets sealed at rest), and lookups for the WhatsApp webhook. */
export class ChannelSettings1764262800000 implements MigrationInterface {
  name = 'ChannelSettings1764262800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE channel_settings (
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        channel text NOT NULL,
        provider text NOT NULL,
        settings jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (project_id, channel),
        CONSTRAINT channel_settings_channel_check CHECK (channel IN ('push', 'email', 'whatsapp', 'sms', 'webhook'))
      )`);
    // The webhook finds the project by the phone number id in Meta's payload.
    await queryRunner.query(
      `CREATE INDEX channel_settings_whatsapp_phone ON channel_settings ((settings->>'phoneNumberId')) WHERE channel = 'whatsapp'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS channel_settings`);
  }
}
