import { BadRequestException, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CHANNEL_PROVIDER_KINDS,
  type ChannelProviderKind,
  type ChannelSettings,
  isSecretUrlField,
  maskChannelSettings,
  PROVIDER_CHANNELS,
  restoreMaskedUrlCredentials,
  SECRET_FIELDS,
  SecretDecryptionError,
  validateChannelSettings,
} from '@engine/channels';
import { EXECUTION_CONFIG, type ExecutionConfig } from '@engine/execution';
import { type Channel, CHANNELS } from '@engine/journey';
import { ChannelSettingStore } from '@engine/persistence';
import { DataSource } from 'typeorm';
import { storableJsonProblems } from '../http/storable-json';
import { ChannelSecrets } from './channel-secrets';
import { type ChannelSettingsDto } from './dto/channel-settings.response';

interface ChannelSettingsRow {
  channel: Channel;
  provider: ChannelProviderKind;
  settings: ChannelSettings;
  updated_at: Date;
}

type JsonObject = Record<string, unknown>;

/** The path the WhatsApp webhook is served on; Meta is given `<PUBLIC_URL>` + this. */
export const WHATSAPP_WEBHOOK_PATH = '/webhooks/whatsapp';

const UNREADABLE_SECRETS =
  'The stored secrets cannot be opened with the current ENCRYPTION_KEY (it changed, or the row was copied from another project): save the settings again with every secret';

/**
 * Per-project channel providers: validated with libs/channels' DTOs, secrets sealed before they
 * reach the database and masked whenever they are shown. No row means the sandbox.
 */
@Injectable()
export class ChannelSettingsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ChannelSettingsService.name);
  private readonly whatsAppWebhookUrl: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: ChannelSecrets,
    @Inject(EXECUTION_CONFIG) config: ExecutionConfig,
  ) {
    this.whatsAppWebhookUrl = `${config.publicUrl.replace(/\/+$/, '')}${WHATSAPP_WEBHOOK_PATH}`;
  }

  async onApplicationBootstrap(): Promise<void> {
    const sealed = await this.sealStoredSecrets();
    if (sealed > 0) this.logger.log(`Sealed the plain secrets of ${sealed} stored channel settings (fields that became secret, e.g. the SMS gateway URL)`);
  }

  /**
   * Seals secret fields that rows saved by an older version keep in plain text (a field that became
   * secret later, such as the SMS gateway `url`). Sealed values stay as they are; a row changed
   * meanwhile by a save is left to that save. Returns how many rows were sealed.
   */
  async sealStoredSecrets(): Promise<number> {
    const rows = await this.dataSource.query<Array<{ project_id: string; channel: Channel; settings: ChannelSettings }>>(
      `SELECT project_id, channel, settings FROM channel_settings`,
    );
    let sealed = 0;
    for (const row of rows) {
      const settings = this.secrets.seal(row.project_id, row.channel, row.settings);
      if (JSON.stringify(settings) === JSON.stringify(row.settings)) continue;
      if (await ChannelSettingStore.replaceIfUnchanged(this.dataSource.manager, row.project_id, row.channel, row.settings, settings)) sealed += 1;
    }
    return sealed;
  }

  /** Every channel, configured or not. */
  async list(projectId: string): Promise<ChannelSettingsDto[]> {
    const rows = await this.dataSource.query<ChannelSettingsRow[]>(
      `SELECT channel, provider, settings, updated_at FROM channel_settings WHERE project_id = $1`,
      [projectId],
    );
    const byChannel = new Map(rows.map((row) => [row.channel, row]));
    return CHANNELS.map((channel) => {
      const row = byChannel.get(channel);
      return row ? this.view(projectId, row) : this.sandboxView(channel);
    });
  }

  /**
   * Validates and stores a channel's settings. A secret left out (or sent back masked, as GET shows
   * it) keeps its stored value when the provider stays the same, so non-secret fields can be edited
   * without re-entering credentials; `null` removes an optional secret.
   */
  async save(projectId: string, channel: Channel, body: unknown): Promise<ChannelSettingsDto> {
    if (!isJsonObject(body)) throw new BadRequestException('The body must be the channel settings: an object with a provider, e.g. { "provider": "smtp", ... }');
    const [unstorable] = storableJsonProblems(body, 'settings');
    if (unstorable) throw new BadRequestException(unstorable);
    const provider = body['provider'];
    if (isProviderKind(provider) && !PROVIDER_CHANNELS[provider].includes(channel)) {
      throw new BadRequestException(`provider "${provider}" cannot serve the ${channel} channel; use ${providersOf(channel).join(' or ')}`);
    }

    return this.dataSource.transaction(async (manager) => {
      // Locked so two edits that both keep a secret cannot interleave.
      const stored = (await ChannelSettingStore.lockSettings(manager, projectId, channel)) as ChannelSettings | undefined;
      const { input, kept } = this.keepStoredSecrets(projectId, channel, body, stored);
      const validation = validateChannelSettings(input);
      if (!validation.ok) throw new BadRequestException(validation.errors);
      const settings = withoutNulls(validation.settings);
      // Kept secrets go back sealed exactly as they were stored.
      for (const [path, sealed] of kept) writeField(settings, path, sealed);
      const row = await ChannelSettingStore.save(manager, projectId, channel, settings.provider, this.secrets.seal(projectId, channel, settings));
      return this.view(projectId, row as ChannelSettingsRow);
    });
  }

  /** Back to the sandbox: the row and its secrets are gone. */
  async reset(projectId: string, channel: Channel): Promise<void> {
    await ChannelSettingStore.remove(this.dataSource.manager, projectId, channel);
  }

  private keepStoredSecrets(
    projectId: string,
    channel: Channel,
    body: JsonObject,
    stored: ChannelSettings | undefined,
  ): { input: JsonObject; kept: Array<[path: string, sealed: unknown]> } {
    if (!stored || stored.provider !== body['provider']) return { input: body, kept: [] };
    let opened: ChannelSettings;
    try {
      opened = this.secrets.open(projectId, channel, stored);
    } catch (error) {
      // Nothing to keep: validation then asks for the secret again.
      if (error instanceof SecretDecryptionError) return { input: body, kept: [] };
      throw error;
    }
    const masked = maskChannelSettings(opened);
    const input = structuredClone(body);
    const kept: Array<[string, unknown]> = [];
    for (const path of SECRET_FIELDS[stored.provider]) {
      const plain = readField(opened, path);
      const holder = parentOf(input, path);
      if (typeof plain !== 'string' || plain === '' || !holder) continue;
      const given = holder[lastKey(path)];
      if (given === undefined || given === readField(masked, path)) {
        holder[lastKey(path)] = plain;
        kept.push([path, readField(stored, path)]);
      } else if (typeof given === 'string' && isSecretUrlField(path)) {
        // A URL edited around its masked credentials: they are taken from the stored one.
        const restored = restoreMaskedUrlCredentials(given, plain);
        if ('problem' in restored) throw new BadRequestException([`${path}: ${restored.problem}`]);
        holder[lastKey(path)] = restored.url;
        if (restored.url === plain) kept.push([path, readField(stored, path)]);
      }
    }
    return { input, kept };
  }

  private view(projectId: string, row: ChannelSettingsRow): ChannelSettingsDto {
    const common = { channel: row.channel, provider: row.provider, updatedAt: row.updated_at.toISOString(), ...this.extras(row.channel) };
    try {
      return { ...common, settings: maskChannelSettings(this.secrets.open(projectId, row.channel, row.settings)) };
    } catch (error) {
      if (!(error instanceof SecretDecryptionError)) throw error;
      const hidden = structuredClone(row.settings);
      for (const path of SECRET_FIELDS[row.provider] ?? []) if (typeof readField(hidden, path) === 'string') writeField(hidden, path, '…');
      return { ...common, settings: hidden, problem: UNREADABLE_SECRETS };
    }
  }

  private sandboxView(channel: Channel): ChannelSettingsDto {
    return { channel, provider: 'sandbox', settings: { provider: 'sandbox' }, updatedAt: null, ...this.extras(channel) };
  }

  private extras(channel: Channel): { webhookUrl?: string } {
    return channel === 'whatsapp' ? { webhookUrl: this.whatsAppWebhookUrl } : {};
  }
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isProviderKind(value: unknown): value is ChannelProviderKind {
  return typeof value === 'string' && (CHANNEL_PROVIDER_KINDS as string[]).includes(value);
}

function providersOf(channel: Channel): ChannelProviderKind[] {
  return CHANNEL_PROVIDER_KINDS.filter((kind) => PROVIDER_CHANNELS[kind].includes(channel));
}

function lastKey(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/** The object holding a dotted path's last key, when every level above it is an object. */
function parentOf(root: unknown, path: string): JsonObject | undefined {
  let holder: unknown = root;
  for (const key of path.split('.').slice(0, -1)) holder = isJsonObject(holder) ? holder[key] : undefined;
  return isJsonObject(holder) ? holder : undefined;
}

function readField(root: unknown, path: string): unknown {
  return parentOf(root, path)?.[lastKey(path)];
}

function writeField(root: unknown, path: string, value: unknown): void {
  const holder = parentOf(root, path);
  if (holder) holder[lastKey(path)] = value;
}

/** `null` means "not set": dropped at every level, so providers never see a null option. */
function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withoutNulls(item)) as T;
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== null).map(([key, item]) => [key, withoutNulls(item)])) as T;
}
