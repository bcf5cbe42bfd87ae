import { decodeHtmlEntities } from './html-entities';

const BLOCK_END = /<\/(p|div|h[1-6]|table|ul|ol|blockquote|section|article|header|footer|pre|address)\s*>/gi;
const LINE_END = /<\/(tr|dd|dt)\s*>/gi;

/**
 * The plain-text part of an email, from its HTML: paragraphs and line breaks kept, links
 * written as `label (url)`, lists as `- item`, head, styles, scripts and comments dropped.
 * Good enough for clients that show text and for spam filters that expect both parts.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(head|style|script|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi, (_whole, attributes: string, label: string) => linkText(attributes, label))
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<hr\b[^>]*>/gi, '\n----\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<(td|th)\b[^>]*>/gi, ' ')
    .replace(LINE_END, '\n')
    .replace(BLOCK_END, '\n\n')
    .replace(/<(p|div|h[1-6]|table|ul|ol|blockquote)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '');
  return decodeHtmlEntities(text)
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function linkText(attributes: string, labelHtml: string): string {
  const label = decodeHtmlEntities(labelHtml.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
  const href = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes);
  const url = href ? decodeHtmlEntities(href[1] ?? href[2] ?? href[3] ?? '').trim() : '';
  if (!/^https?:\/\//i.test(url) || url === label) return label;
  return label ? `${label} (${url})` : url;
}
