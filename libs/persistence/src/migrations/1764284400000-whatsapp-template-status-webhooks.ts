import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Meta's template status webhooks: the project found by its WhatsApp Business Account id, Meta's reason and time kept with the status. */
export class WhatsAppTemplateStatusWebhooks1764284400000 implements MigrationInterface {
  name = 'WhatsAppTemplateStatusWebhooks1764284400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE whatsapp_templates ADD COLUMN status_reason text, ADD COLUMN status_reported_at timestamptz`);
    // Template status webhooks name the business account, not a phone number.
    await queryRunner.query(
      `CREATE INDEX channel_settings_whatsapp_business_account ON channel_settings ((settings->>'businessAccountId')) WHERE channel = 'whatsapp'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS channel_settings_whatsapp_business_account`);
    await queryRunner.query(`ALTER TABLE whatsapp_templates DROP COLUMN IF EXISTS status_reported_at, DROP COLUMN IF EXISTS status_reason`);
  }
}
