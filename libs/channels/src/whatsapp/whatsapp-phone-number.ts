/**
 * The `to` of a Cloud API request: the digits of an E.164 number, no `+`, spaces or dashes.
 * Undefined when what is left cannot be a phone number (E.164 has at most 15 digits).
 */
export function whatsAppRecipientDigits(phone: string): string | undefined {
  const digits = phone.replace(/[\s().+-]/g, '');
  return /^[1-9]\d{5,14}$/.test(digits) ? digits : undefined;
}

/** Meta's `wa_id` / `from` (digits only) as the E.164 number the engine stores (`+` and digits). */
export function e164FromWhatsAppId(waId: string): string | undefined {
  return /^\d{6,15}$/.test(waId) ? `+${waId}` : undefined;
}
