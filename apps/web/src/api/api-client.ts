import { readApiKey } from '../api-key/api-key-storage';
import { ApiError, apiErrorMessage } from './api-error';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Calls the journey API on the same origin with the stored API key. Resolves with the parsed
 * JSON body (undefined for 204), rejects with an ApiError for any non-2xx answer.
 */
export async function apiRequest<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const apiKey = readApiKey();
  if (apiKey !== '') headers['Authorization'] = `Bearer ${apiKey}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
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
  if (!response.ok) throw new ApiError(response.status, parsed, apiErrorMessage(response.status, parsed));
  return parsed as T;
}
