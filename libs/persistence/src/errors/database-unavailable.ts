/** Socket errors of a database connection that could not be made or was cut. */
const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);

/**
 * PostgreSQL's own "not now" answers: class 08 (connection exception) and the shutdown codes of
 * class 57 (admin_shutdown, crash_shutdown, cannot_connect_now).
 */
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[123])$/;

/** node-postgres's messages for a pool or connection that gave out, which carry no code. */
const CONNECTION_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  // A database closed to new connections for a while (ALTER DATABASE … ALLOW_CONNECTIONS false,
  // or one being re-created); its SQLSTATE, 55000, is too general to go by.
  /database "[^"]*" is not currently accepting connections/i,
];

/**
 * Whether an error means PostgreSQL could not be reached (down, restarting, out of connections):
 * the request did nothing, and the same request later may succeed.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause: unknown = error, depth = 0; cause !== null && typeof cause === 'object' && depth < 5; depth++) {
    const { code, message, driverError } = cause as { code?: unknown; message?: unknown; driverError?: unknown };
    if (typeof code === 'string' && (CONNECTION_ERROR_CODES.has(code) || UNAVAILABLE_SQLSTATES.test(code))) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return true;
    cause = driverError ?? (cause as { cause?: unknown }).cause;
  }
  return false;
}
