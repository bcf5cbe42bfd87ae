import { FinalSendError, type OutgoingMessage } from '../channel-provider';
import { isRecord } from '../json/json-record';
import { readErrorDetails } from '../error-details';

export interface WebhookRequest {
  url: string;
  method: 'POST' | 'PUT' | 'PATCH';
  headers: Record<string, string>;
  body: string;
  /** The node's own timeout, when it set one. */
  timeoutMs?: number;
}

const METHODS = new Set(['POST', 'PUT', 'PATCH']);
// Set by the engine or the HTTP layer; a node setting them would break or smuggle the request.
const RESERVED_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'upgrade', 'te', 'trailer', 'keep-alive', 'proxy-authorization', 'proxy-connection']);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const MAX_NODE_TIMEOUT_MS = 60_000;

/**
 * The HTTP call of a rendered `send.webhook` node (SendWebhookData). The body template, once
 * rendered, must still be JSON (a placeholder value with a quote in it can break it): it is sent
 * exactly as rendered. Without a body the engine sends `{ messageId, projectId, idempotencyKey, user }`.
 * Throws FinalSendError for what no retry would fix.
 */
export function buildWebhookRequest(message: OutgoingMessage): WebhookRequest {
  const { url, method, headers, body, timeoutMs } = message.content;
  if (typeof url !== 'string' || url.trim() === '') throw new FinalSendError('The webhook has no URL');
  const verb = typeof method === 'string' ? method.toUpperCase() : 'POST';
  if (!METHODS.has(verb)) throw new FinalSendError(`Webhook method ${JSON.stringify(method)} is not one of POST, PUT, PATCH`);

  const outgoingHeaders: Record<string, string> = {};
  if (headers !== undefined && !isRecord(headers)) throw new FinalSendError('Webhook headers must be an object of names to values');
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!HEADER_NAME.test(name)) throw new FinalSendError(`Webhook header name "${name}" is not valid`);
    if (typeof value !== 'string' || /[\r\n\0]/.test(value)) throw new FinalSendError(`Webhook header ${name} must be one line of text`);
    if (RESERVED_HEADERS.has(name.toLowerCase())) throw new FinalSendError(`Webhook header ${name} is set by the engine and cannot be given`);
    if (name.toLowerCase() === 'content-type') continue; // always JSON
    outgoingHeaders[name.toLowerCase()] = value;
  }

  let payload: string;
  if (typeof body === 'string' && body.trim() !== '') {
    try {
      JSON.parse(body);
    } catch (error) {
      throw new FinalSendError(`The webhook body is not valid JSON once rendered (${readErrorDetails(error).message})`);
    }
    payload = body;
  } else if (body === undefined || body === null || body === '') {
    payload = JSON.stringify({ messageId: message.messageId, projectId: message.projectId, idempotencyKey: message.idempotencyKey, ...(message.user ? { user: message.user } : {}) });
  } else {
    throw new FinalSendError('The webhook body must be a JSON text');
  }

  return {
    url: url.trim(),
    method: verb as WebhookRequest['method'],
    headers: outgoingHeaders,
    body: payload,
    ...(typeof timeoutMs === 'number' && timeoutMs > 0 ? { timeoutMs: Math.min(timeoutMs, MAX_NODE_TIMEOUT_MS) } : {}),
  };
}
