/** The API key lives in localStorage; the URL may carry it once (`/?key=jk_...`). */
const STORAGE_KEY = 'journey-engine.api-key';
const listeners = new Set<() => void>();

export function readApiKey(): string {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

export function writeApiKey(key: string): void {
  try {
    if (key === '') window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, key);
  } catch {
    // Storage may be disabled: the key then lasts as long as nothing reads it again.
  }
  listeners.forEach((listener) => listener());
}

export function subscribeToApiKey(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Stores a `?key=` from the address and removes it from the address bar (it should not linger in history). */
export function adoptApiKeyFromUrl(): void {
  const url = new URL(window.location.href);
  const key = url.searchParams.get('key');
  if (key === null) return;
  writeApiKey(key.trim());
  url.searchParams.delete('key');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}
