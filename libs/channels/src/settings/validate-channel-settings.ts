import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { isRecord } from '../json/json-record';
import { type ChannelSettings, type ChannelProviderKind, CHANNEL_PROVIDER_KINDS } from './channel-settings';
import { CHANNEL_SETTINGS_DTOS } from './channel-settings-dtos';

/**
 * Checks settings a user sent (e.g. `PUT /projects/:id/channels/whatsapp`) against the DTO of
 * their `provider`. Unknown fields are dropped (so a whole service account file can be pasted);
 * errors name the field, nested ones by dotted path.
 */
export function validateChannelSettings(input: unknown): { ok: true; settings: ChannelSettings } | { ok: false; errors: string[] } {
  if (!isRecord(input)) return { ok: false, errors: ['settings must be an object'] };
  const provider = input.provider;
  if (typeof provider !== 'string' || !(CHANNEL_PROVIDER_KINDS as string[]).includes(provider)) {
    return { ok: false, errors: [`provider must be one of ${CHANNEL_PROVIDER_KINDS.join(', ')}`] };
  }
  const dto = plainToInstance(CHANNEL_SETTINGS_DTOS[provider as ChannelProviderKind], input);
  const errors = validateSync(dto, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) return { ok: false, errors: errors.flatMap((error) => describe(error, '')) };
  // Back to a plain object: the DTO instance, stripped of unknown fields.
  return { ok: true, settings: JSON.parse(JSON.stringify(dto)) as ChannelSettings };
}

function describe(error: ValidationError, prefix: string): string[] {
  const path = `${prefix}${error.property}`;
  const own = Object.values(error.constraints ?? {}).map((message) => (message.startsWith(error.property) ? `${prefix}${message}` : `${path}: ${message}`));
  return [...own, ...(error.children ?? []).flatMap((child) => describe(child, `${path}.`))];
}
