import { createPrivateKey, type KeyObject, sign } from 'node:crypto';
import { FinalSendError, RetryableSendError } from '../channel-provider';
import { isRecord, parseJson } from '../json/json-record';
import { type OutboundPolicy } from '../net/outbound-policy';
import { sendOutboundRequest } from '../net/outbound-request';
import { bodyExcerpt, isRetryableHttpStatus, sendErrorForOutboundFailure } from '../net/send-error-for-outbound';

/** The fields of a Google service account key file the engine uses. `private_key` is secret. */
export interface GoogleServiceAccount {
  project_id: string;
  client_email: string;
  private_key: string;
  /** Default https://oauth2.googleapis.com/token. */
  token_uri?: string;
}

export const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';
export const FCM_SCOPE = 'https://www.googleapis.com/auth/firebase.messaging';
const JWT_LIFETIME_SECONDS = 3600;
// Renew a little early, so a token never expires between being read and being used.
const EXPIRY_MARGIN_MS = 5 * 60_000;

/** The private key of a service account; tolerates keys pasted with literal `\n`. */
export function serviceAccountKey(account: GoogleServiceAccount): KeyObject {
  return createPrivateKey(account.private_key.includes('\\n') ? account.private_key.replace(/\\n/g, '\n') : account.private_key);
}

/** The RS256-signed JWT of the OAuth 2.0 JWT bearer grant (RFC 7523) for `scope`. */
export function signServiceAccountJwt(account: GoogleServiceAccount, key: KeyObject, scope: string, nowSeconds: number): string {
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({
    iss: account.client_email,
    scope,
    aud: account.token_uri ?? GOOGLE_TOKEN_URI,
    iat: nowSeconds,
    exp: nowSeconds + JWT_LIFETIME_SECONDS,
  })}`;
  return `${unsigned}.${sign('sha256', Buffer.from(unsigned), key).toString('base64url')}`;
}

/**
 * OAuth access tokens of a service account, cached until shortly before they expire. Calls made
 * while a token is being fetched share that one request.
 */
export class GoogleAccessTokenSource {
  private readonly key: KeyObject;
  private cached?: { token: string; expiresAt: number };
  private pending?: Promise<string>;

  constructor(
    private readonly account: GoogleServiceAccount,
    private readonly options: OutboundPolicy & { scope: string; timeoutMs: number; now?: () => number },
  ) {
    this.key = serviceAccountKey(account);
  }

  accessToken(): Promise<string> {
    const now = this.now();
    if (this.cached && this.cached.expiresAt - EXPIRY_MARGIN_MS > now) return Promise.resolve(this.cached.token);
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forget the cached token (the API refused it). */
  invalidate(): void {
    this.cached = undefined;
  }

  private async fetchToken(): Promise<string> {
    const now = this.now();
    const assertion = signServiceAccountJwt(this.account, this.key, this.options.scope, Math.floor(now / 1000));
    let response;
    try {
      response = await sendOutboundRequest({
        url: this.account.token_uri ?? GOOGLE_TOKEN_URI,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).toString(),
        timeoutMs: this.options.timeoutMs,
        allowPrivateNetworks: this.options.allowPrivateNetworks,
        extraCaCerts: this.options.extraCaCerts,
      });
    } catch (error) {
      throw sendErrorForOutboundFailure(error, 'Google OAuth token endpoint');
    }
    const parsed = parseJson(response.body);
    if (response.status >= 200 && response.status < 300 && isRecord(parsed) && typeof parsed.access_token === 'string') {
      const lifetime = typeof parsed.expires_in === 'number' ? parsed.expires_in : JWT_LIFETIME_SECONDS;
      this.cached = { token: parsed.access_token, expiresAt: now + lifetime * 1000 };
      return parsed.access_token;
    }
    const reason = isRecord(parsed) && typeof parsed.error === 'string'
      ? `${parsed.error}${typeof parsed.error_description === 'string' ? `: ${parsed.error_description}` : ''}`
      : bodyExcerpt(response.body, 200);
    const message = `Google refused the service account ${this.account.client_email} (HTTP ${response.status}${reason ? `, ${reason}` : ''})`;
    throw isRetryableHttpStatus(response.status) ? new RetryableSendError(message, { code: `oauth-${response.status}` }) : new FinalSendError(message, { code: `oauth-${response.status}` });
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }
}
