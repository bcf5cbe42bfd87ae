import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type ChannelProvider,
  type ChannelSettings,
  createChannelProvider,
  deriveKey,
  openChannelSettings,
  SandboxProvider,
} from '@engine/channels';
import { type Channel } from '@engine/journey';
import { type EntityManager } from 'typeorm';
import { EXECUTION_CONFIG, type ExecutionConfig } from '../config/execution-config';
import { DeliveryLogProvider } from '../send/delivery-log-provider';

/** What a sealed secret of a channel's settings is bound to, so it cannot be moved to another project or channel. */
export function channelSecretContext(projectId: string, channel: string): string {
  return `${projectId}/${channel}`;
}

export type ProviderLookup = (projectId: string, channel: Channel) => ChannelProvider;

/**
 * The provider of each project's channels: the configured one, or the sandbox when none is set.
 * Providers are built once per settings version (`updated_at`) and reused, so connections and
 * access tokens survive between sends.
 */
@Injectable()
export class ProjectProviders {
  private readonly logger = new Logger(ProjectProviders.name);
  private readonly sandbox: ChannelProvider;
  private readonly key: Buffer;
  private readonly built = new Map<string, { updatedAt: number; provider: ChannelProvider }>();

  constructor(@Inject(EXECUTION_CONFIG) private readonly config: ExecutionConfig) {
    this.sandbox = config.sandboxDeliveryLog ? new DeliveryLogProvider(new SandboxProvider(), config.sandboxDeliveryLog) : new SandboxProvider();
    this.key = deriveKey(config.encryptionKey);
  }

  /** Providers for these projects, read in one query. */
  async lookup(manager: EntityManager, projectIds: string[]): Promise<ProviderLookup> {
    const rows = await manager.query<Array<{ project_id: string; channel: Channel; settings: ChannelSettings; updated_at: Date }>>(
      `SELECT project_id, channel, settings, updated_at FROM channel_settings WHERE project_id = ANY($1)`,
      [[...new Set(projectIds)]],
    );
    const providers = new Map<string, ChannelProvider>();
    for (const row of rows) providers.set(`${row.project_id}/${row.channel}`, this.providerFor(row));
    return (projectId, channel) => providers.get(`${projectId}/${channel}`) ?? this.sandbox;
  }

  private providerFor(row: { project_id: string; channel: Channel; settings: ChannelSettings; updated_at: Date }): ChannelProvider {
    const cacheKey = `${row.project_id}/${row.channel}`;
    const cached = this.built.get(cacheKey);
    if (cached && cached.updatedAt === row.updated_at.getTime()) return cached.provider;
    const settings = openChannelSettings(row.settings, this.key, channelSecretContext(row.project_id, row.channel));
    const inner = settings.provider === 'sandbox' ? this.sandbox : createChannelProvider(settings, { allowPrivateNetworks: this.config.allowPrivateNetworks });
    const provider = this.config.sandboxDeliveryLog && inner !== this.sandbox ? new DeliveryLogProvider(inner, this.config.sandboxDeliveryLog) : inner;
    if (cached) void cached.provider.close?.().catch((error: unknown) => this.logger.warn(`Closing an old ${row.channel} provider failed: ${String(error)}`));
    this.built.set(cacheKey, { updatedAt: row.updated_at.getTime(), provider });
    return provider;
  }
}
