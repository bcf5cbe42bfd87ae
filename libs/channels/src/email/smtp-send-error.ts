import { FinalSendError, RetryableSendError } from '../channel-provider';
import { readErrorDetails } from '../error-details';

// Nodemailer's codes for a connection that failed or broke, and Node's own socket errors.
const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EPROXY', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * A nodemailer failure as a send error. With an SMTP reply: 4xx is transient (mailbox busy,
 * greylisting, rate limit), 5xx permanent (unknown user, rejected content, bad credentials).
 * Without one: a connection problem is retryable, anything else (bad address, configuration) final.
 */
export function smtpSendError(error: unknown): RetryableSendError | FinalSendError {
  const { message, code, responseCode, response } = readErrorDetails(error);
  if (responseCode !== undefined) {
    const text = `SMTP server answered ${responseCode}: ${response ?? message}`;
    return responseCode >= 400 && responseCode < 500 ? new RetryableSendError(text, { code: String(responseCode) }) : new FinalSendError(text, { code: String(responseCode) });
  }
  const text = `SMTP ${code ? `${code}: ` : ''}${message}`;
  return code !== undefined && CONNECTION_CODES.has(code) ? new RetryableSendError(text, { code }) : new FinalSendError(text, code ? { code } : {});
}
