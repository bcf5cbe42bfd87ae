import { type IncomingHttpHeaders } from 'node:http';
import { FinalSendError, RetryableSendError } from '../channel-provider';
import { isRecord, parseJson } from '../json/json-record';
import { bodyExcerpt, isRetryableHttpStatus } from '../net/send-error-for-outbound';
import { retryAfterMs } from '../net/retry-after';
import { WHATSAPP_ERROR_CODES } from './whatsapp-error-codes';

/**
 * A failed Cloud API answer (`{ error: { message, type, code, error_subcode?, error_data?: { details }, fbtrace_id } }`)
 * as a send error: Meta's code decides when it is known, the HTTP status otherwise. The message
 * names the code, says what it means and keeps Meta's own words and trace id for support.
 */
export function whatsAppSendError(status: number, body: string, headers: IncomingHttpHeaders): RetryableSendError | FinalSendError {
  const parsed = parseJson(body);
  const error = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : undefined;
  const code = typeof error?.code === 'number' ? error.code : undefined;
  if (!error || code === undefined) {
    const message = `WhatsApp Cloud API answered HTTP ${status}${body.trim() ? `: ${bodyExcerpt(body)}` : ''}`;
    return isRetryableHttpStatus(status)
      ? new RetryableSendError(message, { code: `http-${status}`, retryAfterMs: retryAfterMs(headers['retry-after']) })
      : new FinalSendError(message, { code: `http-${status}` });
  }

  const known = WHATSAPP_ERROR_CODES[code];
  const metaMessage = typeof error.message === 'string' ? error.message : undefined;
  const details = isRecord(error.error_data) && typeof error.error_data.details === 'string' ? error.error_data.details : undefined;
  const subcode = typeof error.error_subcode === 'number' ? ` (subcode ${error.error_subcode})` : '';
  const trace = typeof error.fbtrace_id === 'string' ? ` [fbtrace_id ${error.fbtrace_id}]` : '';
  const said = [metaMessage, details].filter((part): part is string => Boolean(part) && part !== known?.description).join(' — ');
  const message = `WhatsApp error ${code}${subcode}: ${known?.description ?? metaMessage ?? 'unknown error'}${known && said ? `. Meta says: ${said}` : ''}${trace}`;

  // A 5xx is Meta's own trouble whatever the code says.
  const retryable = status >= 500 || (known ? known.retryable : isRetryableHttpStatus(status));
  if (!retryable) return new FinalSendError(message, { code: String(code) });
  const asked = Math.max(retryAfterMs(headers['retry-after']) ?? 0, known?.retryAfterMs ?? 0);
  return new RetryableSendError(message, { code: String(code), retryAfterMs: asked > 0 ? asked : undefined });
}
