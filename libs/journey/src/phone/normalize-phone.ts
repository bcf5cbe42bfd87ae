import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** A phone number as the engine stores it. */
export interface NormalizedPhone {
  /** E.164: `+` and up to 15 digits. */
  e164: string;
  /** ISO 3166 alpha-2 of the number, when its numbering plan says which country it belongs to. */
  country: string | undefined;
  /** Whether the number is assigned in its numbering plan (not just the right length). */
  valid: boolean;
}

/** Whether a text is an ISO 3166 alpha-2 code libphonenumber knows (`DE`, `IN`). */
export function isPhoneCountry(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{2}$/.test(value) && isSupportedCountry(value);
}

/**
 * The one normalisation of phone numbers: written as the user typed it (`0151 1234 5678`,
 * `+49 151 12345678`, `(415) 555-0100`), read in `defaultCountry` when it has no `+`, returned in
 * E.164 with its country. A problem text when it cannot be a phone number at all.
 */
export function normalizePhone(text: string, defaultCountry?: string): NormalizedPhone | { problem: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { problem: 'is empty' };
  const country = defaultCountry && isPhoneCountry(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(trimmed, country ? { defaultCountry: country } : undefined);
  if (!parsed || !parsed.isPossible()) {
    return { problem: trimmed.startsWith('+') || country ? `"${text}" is not a phone number` : `"${text}" is not a phone number (without a default country it must start with + and the country code)` };
  }
  return { e164: parsed.number, country: parsed.country, valid: parsed.isValid() };
}

/** The country of a stored (E.164) number, when its numbering plan names one: the user.country default tag. */
export function phoneCountry(phone: string): string | null {
  const normalized = normalizePhone(phone);
  return 'country' in normalized ? (normalized.country ?? null) : null;
}
