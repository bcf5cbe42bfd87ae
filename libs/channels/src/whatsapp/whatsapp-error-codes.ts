/**
 * Cloud API error codes the engine knows, from Meta's error code reference: whether a later
 * attempt may succeed, and what the code means in words a marketer can act on. Codes not listed
 * fall back on the HTTP status (5xx and 429 retryable, other 4xx final).
 */
export const WHATSAPP_ERROR_CODES: Readonly<Record<number, { retryable: boolean; description: string; retryAfterMs?: number }>> = {
  // Retryable: throughput and rate limits, temporary trouble on Meta's side.
  1: { retryable: true, description: 'Unknown API error on Meta\'s side' },
  2: { retryable: true, description: 'WhatsApp API service temporarily unavailable' },
  4: { retryable: true, description: 'Application request limit reached' },
  613: { retryable: true, description: 'Rate limit: too many calls in a short time' },
  80007: { retryable: true, description: 'WhatsApp Business Account rate limit reached' },
  130429: { retryable: true, description: 'Rate limit hit: the phone number\'s Cloud API throughput was reached' },
  131000: { retryable: true, description: 'Message failed to send for an unknown reason' },
  131016: { retryable: true, description: 'WhatsApp service overloaded' },
  131048: { retryable: true, description: 'Spam rate limit hit: too many recent messages from this number were blocked or reported' },
  // Meta allows about one message every 6 seconds to the same user (bursts aside): wait at least that.
  131056: { retryable: true, description: 'Pair rate limit hit: too many messages to this user in a short time', retryAfterMs: 6_000 },
  133004: { retryable: true, description: 'WhatsApp server temporarily unavailable' },
  // Final: fixing them takes a change of content, settings or the user's situation.
  10: { retryable: false, description: 'Permission denied: the access token lacks whatsapp_business_messaging, or the number is not registered' },
  100: { retryable: false, description: 'Invalid parameter in the request' },
  190: { retryable: false, description: 'Access token expired or invalid: update the WhatsApp access token in the channel settings' },
  200: { retryable: false, description: 'Permission error: the app lacks the permissions to send' },
  368: { retryable: false, description: 'The sending account is temporarily blocked for policy violations' },
  131008: { retryable: false, description: 'A required parameter is missing' },
  131009: { retryable: false, description: 'A parameter value is not valid' },
  131021: { retryable: false, description: 'Sender and recipient are the same phone number' },
  131026: { retryable: false, description: 'Message undeliverable: the number may not be on WhatsApp, may not have accepted the latest terms, or uses an outdated app' },
  131030: { retryable: false, description: 'Recipient not in the allowed list: add the number to the test recipients of the WhatsApp app' },
  131031: { retryable: false, description: 'The WhatsApp Business Account is locked' },
  131042: { retryable: false, description: 'Payment problem on the WhatsApp Business Account' },
  131045: { retryable: false, description: 'The phone number is not registered or its certificate is incorrect' },
  131047: {
    retryable: false,
    description: 'Re-engagement message: more than 24 hours have passed since the user last replied, so only an approved template can be sent; switch the node to template mode',
  },
  131051: { retryable: false, description: 'Unsupported message type' },
  131052: { retryable: false, description: 'Media download error' },
  131053: { retryable: false, description: 'Media upload error' },
  132000: { retryable: false, description: 'Template parameter count mismatch: the number of parameters does not match the template\'s variables' },
  132001: { retryable: false, description: 'Template does not exist in this language or is not approved' },
  132005: { retryable: false, description: 'Template text too long once the parameters are filled in' },
  132007: { retryable: false, description: 'Template content violates WhatsApp policy' },
  132012: { retryable: false, description: 'Template parameter format mismatch' },
  132015: { retryable: false, description: 'Template paused for low quality' },
  132016: { retryable: false, description: 'Template disabled for low quality' },
  132018: { retryable: false, description: 'Template parameters contain newlines, tabs or more than four consecutive spaces' },
  133010: { retryable: false, description: 'Phone number not registered on the Cloud API' },
};
