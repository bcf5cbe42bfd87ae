import { Inject, Injectable } from '@nestjs/common';
import { type ChannelSettings, deriveKey, openChannelSettings, sealChannelSettings } from '@engine/channels';
import { channelSecretContext, EXECUTION_CONFIG, type ExecutionConfig } from '@engine/execution';

/**
 * Seals and opens the secret fields of channel settings with the deployment's key, bound to the
 * project and channel exactly as the send workers open them (ProjectProviders).
 */
@Injectable()
export class ChannelSecrets {
  // scrypt is slow on purpose: derived once per process.
  private readonly key: Buffer;

  constructor(@Inject(EXECUTION_CONFIG) config: ExecutionConfig) {
    this.key = deriveKey(config.encryptionKey);
  }

  seal<T extends ChannelSettings>(projectId: string, channel: string, settings: T): T {
    return sealChannelSettings(settings, this.key, channelSecretContext(projectId, channel));
  }

  /** Throws SecretDecryptionError when a value was sealed with another key or for another project or channel. */
  open<T extends ChannelSettings>(projectId: string, channel: string, settings: T): T {
    return openChannelSettings(settings, this.key, channelSecretContext(projectId, channel));
  }
}
