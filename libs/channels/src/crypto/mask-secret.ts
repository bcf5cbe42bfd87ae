/**
 * A credential as the API may show it back: `EAAGm0PX4ZCpsBA…xyz`-like hints become `EAAG…xyz`.
 * At most the first 4 and last 3 characters stay, and never more than a third of the value;
 * short values show nothing but the ellipsis.
 */
export function maskSecret(secret: string): string {
  if (typeof secret !== 'string' || secret === '') return '';
  const shown = Math.min(7, Math.floor(secret.length / 3));
  if (shown < 2) return '…';
  const head = Math.min(4, Math.ceil((shown * 4) / 7));
  const tail = shown - head;
  return `${secret.slice(0, head)}…${tail > 0 ? secret.slice(-tail) : ''}`;
}
