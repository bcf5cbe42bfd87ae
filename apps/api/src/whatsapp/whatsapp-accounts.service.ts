import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ChannelSettings, SecretDecryptionError } from '@engine/channels';
import { DataSource } from 'typeorm';
import { ChannelSecrets } from '../channel-settings/channel-secrets';

/** A project's WhatsApp business number, with the secrets its webhook is checked with (opened). */
export interface WhatsAppAccount {
  projectId: string;
  phoneNumberId: string;
  businessAccountId?: string;
  appSecret?: string;
  webhookVerifyToken?: string;
}

/** Reads the projects' WhatsApp Cloud settings for the webhook, which carries no API key. */
@Injectable()
export class WhatsAppAccounts {
  private readonly logger = new Logger(WhatsAppAccounts.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: ChannelSecrets,
  ) {}

  /** The accounts of these business numbers (several projects may share one, e.g. staging and production). */
  async byPhoneNumberIds(phoneNumberIds: string[]): Promise<WhatsAppAccount[]> {
    // Served by the channel_settings_whatsapp_phone expression index.
    return this.open(
      await this.dataSource.query<SettingsRow[]>(
        `SELECT project_id, settings FROM channel_settings WHERE channel = 'whatsapp' AND settings->>'phoneNumberId' = ANY($1)`,
        [phoneNumberIds],
      ),
    );
  }

  /** The accounts of these WhatsApp Business Accounts, which template status webhooks name instead of a number. */
  async byBusinessAccountIds(businessAccountIds: string[]): Promise<WhatsAppAccount[]> {
    // Served by the channel_settings_whatsapp_business_account expression index.
    return this.open(
      await this.dataSource.query<SettingsRow[]>(
        `SELECT project_id, settings FROM channel_settings WHERE channel = 'whatsapp' AND settings->>'businessAccountId' = ANY($1)`,
        [businessAccountIds],
      ),
    );
  }

  /** Every account that has this secret set: for Meta's handshake, which names no number. */
  async withSecret(field: 'appSecret' | 'webhookVerifyToken'): Promise<WhatsAppAccount[]> {
    return this.open(
      await this.dataSource.query<SettingsRow[]>(
        `SELECT project_id, settings FROM channel_settings WHERE channel = 'whatsapp' AND provider = 'whatsapp-cloud' AND settings ? $1`,
        [field],
      ),
    );
  }

  private open(rows: SettingsRow[]): WhatsAppAccount[] {
    return rows.flatMap((row) => {
      const stored = row.settings;
      if (stored.provider !== 'whatsapp-cloud') return [];
      try {
        const settings = this.secrets.open(row.project_id, 'whatsapp', stored);
        return [
          {
            projectId: row.project_id,
            phoneNumberId: settings.phoneNumberId,
            businessAccountId: settings.businessAccountId,
            appSecret: settings.appSecret,
            webhookVerifyToken: settings.webhookVerifyToken,
          },
        ];
      } catch (error) {
        if (!(error instanceof SecretDecryptionError)) throw error;
        this.logger.warn(`The WhatsApp secrets of project ${row.project_id} do not open with the current ENCRYPTION_KEY; its webhooks are refused until the settings are saved again`);
        return [];
      }
    });
  }
}

interface SettingsRow {
  project_id: string;
  settings: ChannelSettings;
}
