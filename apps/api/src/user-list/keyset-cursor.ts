/** A position in a list ordered by (time, id) descending: the last row of the page before. */
export interface KeysetPosition {
  at: Date;
  id: string;
}

/** An opaque cursor for the next page (base64url JSON of the last row's time and id). */
export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.at.toISOString(), position.id])).toString('base64url');
}

/** The position a cursor names (its id must match `idPattern`, as the column's type needs), or a sentence saying what is wrong with it (for a 400 naming the field). */
export function decodeCursor(cursor: string, field: string, idPattern: RegExp): KeysetPosition | { problem: string } {
  const problem = { problem: `${field} is not a cursor this API returned (take nextCursor of the previous page as it is)` };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return problem;
  }
  if (!Array.isArray(decoded) || decoded.length !== 2 || typeof decoded[0] !== 'string' || typeof decoded[1] !== 'string') return problem;
  const at = new Date(decoded[0]);
  if (Number.isNaN(at.getTime()) || !idPattern.test(decoded[1])) return problem;
  return { at, id: decoded[1] };
}

export const UUID_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const BIGINT_ID = /^[0-9]{1,18}$/;
