import { maskSecret } from './mask-secret';

/**
 * Query keys that carry a credential, compared without case and without `-`, `_` or `.`
 * (`apiKey`, `api_key`, `X-Api-Key`): any name ending in one of these words.
 */
const CREDENTIAL_KEY = /(key|token|secret|pass|passwd|password|pwd|auth|authorization|signature|sig|credential|credentials|session|sid)$/;

/** Whether a URL query key names a credential (`apikey`, `key`, `token`, `pass`, `access_token`, `auth`, …). */
export function isCredentialQueryKey(name: string): boolean {
  return CREDENTIAL_KEY.test(name.toLowerCase().replace(/[-_.]/g, ''));
}

/** One credential-bearing part of a URL: its user name, password, or a credential query value (by position). */
interface CredentialPart {
  /** `username`, `password` or `query:<key>#<n>` (the n-th occurrence of that key). */
  id: string;
  label: string;
  value: string;
}

function credentialParts(url: URL): CredentialPart[] {
  const parts: CredentialPart[] = [];
  if (url.username) parts.push({ id: 'username', label: 'user name', value: decode(url.username) });
  if (url.password) parts.push({ id: 'password', label: 'password', value: decode(url.password) });
  const seen = new Map<string, number>();
  for (const [key, value] of url.searchParams) {
    if (!isCredentialQueryKey(key) || value === '') continue;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    parts.push({ id: `query:${key}#${n}`, label: `query parameter ${key}`, value });
  }
  return parts;
}

/** The URL with every part in `replace` (by CredentialPart id) set to its new plain value. */
function withParts(url: URL, replace: ReadonlyMap<string, string>): string {
  const copy = new URL(url.href);
  const username = replace.get('username');
  if (username !== undefined) copy.username = encodeURIComponent(username);
  const password = replace.get('password');
  if (password !== undefined) copy.password = encodeURIComponent(password);
  if ([...replace.keys()].some((id) => id.startsWith('query:'))) {
    const seen = new Map<string, number>();
    const entries = [...url.searchParams].map(([key, value]): [string, string] => {
      if (!isCredentialQueryKey(key) || value === '') return [key, value];
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      return [key, replace.get(`query:${key}#${n}`) ?? value];
    });
    // Only rewritten when a credential changed, so an untouched query keeps its own encoding.
    copy.search = new URLSearchParams(entries).toString();
  }
  return copy.href;
}

/**
 * A URL as the API may show it: its user name, password and credential query values masked like
 * any secret (`smtp://SG.a…xyz@smtp.example.com`, `?apikey=ab…9`); a value that does not parse as
 * a URL is masked whole. Scheme, host, port, path and the other query parameters stay readable.
 */
export function maskUrlCredentials(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return maskSecret(url);
  }
  const parts = credentialParts(parsed);
  if (parts.length === 0) return url;
  return readable(withParts(parsed, new Map(parts.map((part) => [part.id, maskSecret(part.value)]))));
}

/**
 * The URL a client sent, with each credential part it sent back masked (as maskUrlCredentials
 * shows the stored URL) replaced by the stored value, so a URL can be edited without giving its
 * secrets again. Masked parts are only restored for the same scheme, host and port: moving a
 * stored credential to another server needs the credential itself. Returns the URL to use, or
 * the problem when a masked part cannot be restored.
 */
export function restoreMaskedUrlCredentials(given: string, stored: string): { url: string } | { problem: string } {
  let givenUrl: URL;
  let storedUrl: URL;
  try {
    givenUrl = new URL(given);
    storedUrl = new URL(stored);
  } catch {
    return { url: given };
  }
  const storedParts = new Map(credentialParts(storedUrl).map((part) => [part.id, part.value]));
  const restored = new Map<string, string>();
  for (const part of credentialParts(givenUrl)) {
    const previous = storedParts.get(part.id);
    const masked = previous !== undefined && part.value === maskSecret(previous);
    if (!masked) {
      if (part.value.includes('…')) return { problem: `its ${part.label} is masked (…) but is not the stored one's mask: give it in full` };
      continue;
    }
    if (givenUrl.protocol !== storedUrl.protocol || givenUrl.host !== storedUrl.host) {
      return { problem: `its ${part.label} is masked, and a stored credential is only kept for the same host (${storedUrl.host}): give it in full to use it with ${givenUrl.host}` };
    }
    restored.set(part.id, previous);
  }
  if (restored.size === 0) return { url: given };
  const url = withParts(givenUrl, restored);
  // The stored URL unchanged: hand it back as it was written.
  return { url: url === storedUrl.href ? stored : url };
}

function decode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}

/** The mask's ellipsis shown as itself rather than percent-encoded. */
function readable(url: string): string {
  return url.replaceAll('%E2%80%A6', '…');
}
