import { escapeHtmlAttribute } from './html-entities';

/**
 * Puts the preheader (the preview line inboxes show after the subject) first in the body,
 * hidden from the rendered email.
 */
export function insertPreheader(html: string, preheader: string | undefined): string {
  if (!preheader || preheader.trim() === '') return html;
  const hidden = `<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all">${escapeHtmlAttribute(preheader.trim())}</div>`;
  const bodyStart = /<body\b[^>]*>/i.exec(html);
  if (!bodyStart) return `${hidden}${html}`;
  const at = bodyStart.index + bodyStart[0].length;
  return `${html.slice(0, at)}${hidden}${html.slice(at)}`;
}
