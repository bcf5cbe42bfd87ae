import { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/** Tracking links and the open pixel: loaded by mail clients and webmail pages of other origins. */
const CROSS_ORIGIN_PREFIX = '/t/';

/**
 * helmet's headers on every response (API, web app, Swagger UI, tracking pages). The CSP fits the
 * journey builder as the API serves it: scripts, styles, fonts and calls from this origin only (React
 * Flow positions nodes with style attributes, hence 'unsafe-inline' styles, as helmet's default),
 * data: images (the favicon), no plugins, no framing by anyone (frame-ancestors 'none' and
 * X-Frame-Options: DENY). No upgrade-insecure-requests: the app is often served over plain HTTP on a
 * LAN address, where upgrading would break every asset. HSTS (ignored over HTTP) without
 * includeSubDomains: the deployment's domain is its owner's, not ours to bind.
 */
export function securityHeaders(): RequestHandler {
  const options = (crossOrigin: boolean): HelmetOptions => ({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': null,
      },
    },
    frameguard: { action: 'deny' },
    strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
    // The open pixel must load inside webmail pages of other origins.
    crossOriginResourcePolicy: { policy: crossOrigin ? 'cross-origin' : 'same-origin' },
  });
  const sameOrigin = helmet(options(false));
  const crossOrigin = helmet(options(true));
  return (request: Request, response: Response, next: NextFunction) =>
    (request.path.startsWith(CROSS_ORIGIN_PREFIX) ? crossOrigin : sameOrigin)(request, response, next);
}
