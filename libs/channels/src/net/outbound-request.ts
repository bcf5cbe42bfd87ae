import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { readErrorDetails } from '../error-details';
import { type OutboundPolicy } from './outbound-policy';
import { BlockedAddressError, OutboundRequestError } from './outbound-request-error';
import { parseOutboundUrl } from './outbound-url';
import { publicAddressLookup } from './public-address-lookup';

export interface OutboundRequest extends OutboundPolicy {
  url: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The whole exchange (connect, send, read the answer) must end within this. */
  timeoutMs: number;
  /** Answers are read up to this size (default 1 MiB); the rest is dropped. */
  maxResponseBytes?: number;
}

export interface OutboundResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

// Guarded and unguarded requests never share a pooled socket: one opened to an internal host
// for a trusted caller must not serve a guarded one.
const agents = {
  guarded: { http: new http.Agent({ keepAlive: true, timeout: 5000 }), https: new https.Agent({ keepAlive: true, timeout: 5000 }) },
  open: { http: new http.Agent({ keepAlive: true, timeout: 5000 }), https: new https.Agent({ keepAlive: true, timeout: 5000 }) },
};

const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * One HTTP request with node:http, for every provider: a hard overall timeout, the SSRF guard
 * (see parseOutboundUrl and publicAddressLookup), no redirects followed, a bounded answer.
 * Resolves with any HTTP status; rejects with OutboundRequestError when there is no answer.
 */
export async function sendOutboundRequest(request: OutboundRequest): Promise<OutboundResponse> {
  const allowPrivate = request.allowPrivateNetworks === true;
  const url = parseOutboundUrl(request.url, allowPrivate);
  const secure = url.protocol === 'https:';
  const pool = allowPrivate ? agents.open : agents.guarded;
  const maxBytes = request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  return await new Promise<OutboundResponse>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: { response: OutboundResponse } | { error: OutboundRequestError }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if ('response' in outcome) resolve(outcome.response);
      else reject(outcome.error);
    };
    const options: https.RequestOptions = {
      method: request.method,
      headers: request.body === undefined ? request.headers : { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
      agent: secure ? pool.https : pool.http,
      lookup: allowPrivate ? undefined : publicAddressLookup,
      ...(secure && request.extraCaCerts ? { ca: request.extraCaCerts } : {}),
    };
    let outgoing: http.ClientRequest;
    try {
      outgoing = (secure ? https : http).request(url, options);
    } catch (error) {
      // Invalid header names or values (CR/LF injection) throw synchronously.
      reject(new OutboundRequestError('invalid-url', `The request to ${url.host} is invalid: ${messageOf(error)}`, { cause: error }));
      return;
    }
    const timer = setTimeout(() => {
      outgoing.destroy();
      finish({ error: new OutboundRequestError('timeout', `${url.host} did not answer within ${request.timeoutMs} ms`) });
    }, request.timeoutMs);

    outgoing.on('error', (error) => {
      if (error instanceof BlockedAddressError) {
        finish({ error: new OutboundRequestError('blocked-address', error.message, { cause: error }) });
      } else {
        finish({ error: new OutboundRequestError('network', `Could not reach ${url.host}: ${messageOf(error)}`, { cause: error }) });
      }
    });
    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (): void =>
        finish({ response: { status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') } });
      incoming.on('data', (chunk: Buffer) => {
        const room = maxBytes - size;
        if (room > 0) chunks.push(chunk.subarray(0, room));
        size += chunk.length;
        if (size >= maxBytes) {
          done();
          incoming.destroy();
        }
      });
      incoming.on('end', done);
      incoming.on('error', (error) => finish({ error: new OutboundRequestError('network', `${url.host} broke off its answer: ${messageOf(error)}`, { cause: error }) }));
    });
    outgoing.end(request.body);
  });
}

function messageOf(error: unknown): string {
  const { message, code } = readErrorDetails(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}
