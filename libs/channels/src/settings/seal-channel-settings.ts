import { decryptSecret, encryptSecret, isEncryptedSecret } from '../crypto/secret-encryption';
import { maskSecret } from '../crypto/mask-secret';
import { maskUrlCredentials } from '../crypto/url-credentials';
import { isRecord } from '../json/json-record';
import { type ChannelSettings } from './channel-settings';
import { isSecretUrlField, SECRET_FIELDS } from './secret-fields';

/**
 * The settings with every secret field encrypted (see encryptSecret), ready for the database.
 * `context` (e.g. `${projectId}/${channel}`) is bound to each value with the field path, so a
 * sealed value copied to another project or field does not open. Sealed values stay as they are.
 */
export function sealChannelSettings<T extends ChannelSettings>(settings: T, key: Buffer, context = ''): T {
  return mapSecretFields(settings, (value, path) => (isEncryptedSecret(value) ? value : encryptSecret(value, key, `${context}/${path}`)));
}

/** The settings with every secret field decrypted, to build a provider; throws SecretDecryptionError when one does not open. */
export function openChannelSettings<T extends ChannelSettings>(settings: T, key: Buffer, context = ''): T {
  return mapSecretFields(settings, (value, path) => (isEncryptedSecret(value) ? decryptSecret(value, key, `${context}/${path}`) : value));
}

/**
 * Plain settings as the API shows them: secrets masked (`EAAG…xyz`); URLs (SMTP, SMS gateway) with
 * their user name, password and credential query values masked, the rest readable.
 */
export function maskChannelSettings<T extends ChannelSettings>(settings: T): T {
  return mapSecretFields(settings, (value, path) => (isSecretUrlField(path) ? maskUrlCredentials(value) : maskSecret(value)));
}

function mapSecretFields<T extends ChannelSettings>(settings: T, transform: (value: string, path: string) => string): T {
  const copy = structuredClone(settings);
  for (const path of SECRET_FIELDS[settings.provider] ?? []) {
    const keys = path.split('.');
    let holder: unknown = copy;
    for (const key of keys.slice(0, -1)) holder = isRecord(holder) ? holder[key] : undefined;
    const last = keys[keys.length - 1];
    if (isRecord(holder) && typeof holder[last] === 'string' && holder[last] !== '') holder[last] = transform(holder[last], path);
  }
  return copy;
}
