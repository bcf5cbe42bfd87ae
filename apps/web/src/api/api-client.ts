import { ApiError, apiErrorMessage } from './api-error';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const unauthorizedListeners = new Set<() => void>();

/** Called whenever the API answers 401: the session ended (signed out elsewhere, expired, password changed). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** The session's CSRF token, from the cookie the API sets beside the (httpOnly) session cookie. */
export function readCsrfToken(): string {
  const match = /(?:^|;\s*)csrf=([^;]*)/.exec(document.cookie);
  return match === null ? '' : decodeURIComponent(match[1]);
}

/**
 * Calls the journey API on the same origin with the session cookie (never an API key); requests
 * that change something carry the session's CSRF token. Resolves with the parsed JSON body
 * (undefined for 204), rejects with an ApiError for any non-2xx answer.
 */
export async function apiRequest<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
  return send<T>(method, path, body === undefined ? undefined : { body: JSON.stringify(body), contentType: 'application/json' });
}

/** Sends a file as the raw request body (an import), with the session's CSRF token. */
export async function apiSendFile<T>(path: string, file: Blob, contentType: string): Promise<T> {
  return send<T>('POST', path, { body: file, contentType });
}

async function send<T>(method: HttpMethod, path: string, payload: { body: BodyInit; contentType: string } | undefined): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') {
    const csrf = readCsrfToken();
    if (csrf !== '') headers['X-CSRF-Token'] = csrf;
  }
  if (payload !== undefined) headers['Content-Type'] = payload.contentType;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: payload?.body });
  } catch {
    throw new ApiError(0, undefined, apiErrorMessage(0, undefined));
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text !== '') {
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      parsed = text;
    }
  }
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/api/v1/auth/')) unauthorizedListeners.forEach((listener) => listener());
    throw new ApiError(response.status, parsed, apiErrorMessage(response.status, parsed));
  }
  return parsed as T;
}
