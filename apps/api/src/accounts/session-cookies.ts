import { type CookieOptions, type Response } from 'express';
import { CSRF_COOKIE, SESSION_COOKIE } from '../auth/access.decorator';

/** The session cookie is httpOnly; the CSRF cookie is readable by the page, which echoes it in X-CSRF-Token. */
export function setSessionCookies(response: Response, session: { token: string; csrfToken: string; expiresAt: Date }, secure: boolean): void {
  const base: CookieOptions = { sameSite: 'lax', secure, path: '/', expires: session.expiresAt };
  response.cookie(SESSION_COOKIE, session.token, { ...base, httpOnly: true });
  response.cookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false });
}

export function clearSessionCookies(response: Response, secure: boolean): void {
  response.clearCookie(SESSION_COOKIE, { sameSite: 'lax', secure, path: '/', httpOnly: true });
  response.clearCookie(CSRF_COOKIE, { sameSite: 'lax', secure, path: '/' });
}
