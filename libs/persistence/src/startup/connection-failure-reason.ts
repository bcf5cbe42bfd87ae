/** A connection error in a few words: its system code ("ECONNREFUSED") or the first line of its message. */
export function connectionFailureReason(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  if (typeof message === 'string' && message) return message.split('\n')[0];
  return 'unknown error';
}
