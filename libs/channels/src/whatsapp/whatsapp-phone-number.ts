import { normalizePhone } from '@engine/journey';

/**
 * The `to` of a Cloud API request: the digits of an E.164 number, no `+`, spaces or dashes.
 * Undefined when what is left cannot be a phone number (E.164 has at most 15 digits).
 */
export function whatsAppRecipientDigits(phone: string): string | undefined {
  const digits = phone.replace(/[\s().+-]/g, '');
  return /^[1-9]\d{5,14}$/.test(digits) ? digits : undefined;
}

/**
 * Meta's `wa_id` / `from` as the E.164 number the engine stores (`+` and digits). Meta sends digits
 * only; a leading `+` (as some gateways and test tools write it) is accepted too.
 */
export function e164FromWhatsAppId(waId: string): string | undefined {
  const match = /^\+?(\d{6,15})$/.exec(waId);
  if (match === null) return undefined;
  const phone = normalizePhone(`+${match[1]}`);
  return 'e164' in phone ? phone.e164 : undefined;
}
