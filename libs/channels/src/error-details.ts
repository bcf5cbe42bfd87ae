/**
 * Message and codes of anything thrown. Duck-typed rather than `instanceof Error`: errors raised
 * inside Node (sockets, DNS) come from another realm under test runners and some bundlers.
 */
export function readErrorDetails(error: unknown): { message: string; code?: string; responseCode?: number; response?: string } {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const fields = error as { message?: unknown; code?: unknown; responseCode?: unknown; response?: unknown };
  const message = typeof fields.message === 'string' ? fields.message : 'unknown error';
  return {
    message,
    ...(typeof fields.code === 'string' ? { code: fields.code } : {}),
    ...(typeof fields.responseCode === 'number' ? { responseCode: fields.responseCode } : {}),
    ...(typeof fields.response === 'string' ? { response: fields.response } : {}),
  };
}
