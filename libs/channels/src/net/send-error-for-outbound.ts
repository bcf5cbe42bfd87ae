import { type IncomingHttpHeaders } from 'node:http';
import { FinalSendError, RetryableSendError } from '../channel-provider';
import { OutboundRequestError } from './outbound-request-error';
import { retryAfterMs } from './retry-after';
import { readErrorDetails } from '../error-details';

/**
 * A request that got no answer: a refused address or a bad URL is final (the settings must
 * change), a timeout or a network error is retryable (the next attempt may get through).
 */
export function sendErrorForOutboundFailure(error: unknown, service: string): RetryableSendError | FinalSendError {
  if (error instanceof OutboundRequestError) {
    if (error.failure === 'invalid-url' || error.failure === 'blocked-address') {
      return new FinalSendError(`${service}: ${error.message}`, { code: error.failure });
    }
    return new RetryableSendError(`${service}: ${error.message}`, { code: error.failure });
  }
  return new RetryableSendError(`${service}: ${readErrorDetails(error).message}`);
}

/** HTTP statuses a later attempt may get past: timeouts, rate limits, server errors. */
export function isRetryableHttpStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** A non-2xx answer of a service without an error vocabulary of its own. */
export function sendErrorForHttpStatus(service: string, status: number, headers: IncomingHttpHeaders, detail?: string): RetryableSendError | FinalSendError {
  const message = `${service} answered HTTP ${status}${detail ? `: ${detail}` : ''}`;
  return isRetryableHttpStatus(status)
    ? new RetryableSendError(message, { code: String(status), retryAfterMs: retryAfterMs(headers['retry-after']) })
    : new FinalSendError(message, { code: String(status) });
}

/** The start of an answer body, for error messages: one line, at most `max` characters. */
export function bodyExcerpt(body: string, max = 300): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
