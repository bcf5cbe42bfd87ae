/**
 * The provider of one channel of a project. `settings` is libs/channels' ChannelSettings with its
 * secret fields sealed (AES-256-GCM); no row means the sandbox.
 */
export declare class ChannelSettingEntity {
    projectId: string;
    channel: string;
    provider: string;
    settings: Record<string, unknown>;
    updatedAt: Date;
}
