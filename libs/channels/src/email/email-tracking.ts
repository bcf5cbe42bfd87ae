import { type MessageTracking } from '../channel-provider';
import { decodeHtmlEntities, escapeHtmlAttribute } from './html-entities';

export type EmailTrackingOptions = Pick<MessageTracking, 'openUrl' | 'clickUrl' | 'unsubscribeUrl' | 'baseUrl'>;

const UNSUBSCRIBE_PLACEHOLDER = /\{\{\s*unsubscribe_url\s*\}\}/g;
const ANCHOR_TAG = /<a\b[^>]*>/gi;
const HREF = /(^|\s)(href\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

/**
 * Makes an email's HTML trackable: `{{unsubscribe_url}}` becomes the unsubscribe link, every
 * `<a href="http(s)://…">` goes through `clickUrl` (not mailto:, tel:, #anchors, links already
 * under the tracking base URL, nor anchors marked `data-no-track`), and a 1x1 open pixel goes
 * before `</body>` (or at the end). Options left out skip their part. Pure.
 */
export function addEmailTracking(html: string, options: EmailTrackingOptions): string {
  let tracked = replaceUnsubscribePlaceholder(html, options.unsubscribeUrl);
  const { clickUrl } = options;
  if (clickUrl) {
    const untouched = [options.baseUrl, options.unsubscribeUrl, options.openUrl].filter((prefix): prefix is string => Boolean(prefix));
    tracked = tracked.replace(ANCHOR_TAG, (tag) => {
      if (/\sdata-no-track\b/i.test(tag)) return tag;
      return tag.replace(HREF, (whole, space: string, assign: string, double?: string, single?: string, bare?: string) => {
        const original = decodeHtmlEntities(double ?? single ?? bare ?? '').trim();
        if (!/^https?:\/\//i.test(original) || untouched.some((prefix) => original.startsWith(prefix))) return whole;
        return `${space}${assign}"${escapeHtmlAttribute(clickUrl(original))}"`;
      });
    });
  }
  if (options.openUrl) {
    const pixel = `<img src="${escapeHtmlAttribute(options.openUrl)}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px" />`;
    const bodyEnd = tracked.search(/<\/body\s*>(?![\s\S]*<\/body\s*>)/i);
    tracked = bodyEnd === -1 ? `${tracked}${pixel}` : `${tracked.slice(0, bodyEnd)}${pixel}${tracked.slice(bodyEnd)}`;
  }
  return tracked;
}

/** Fills `{{unsubscribe_url}}`; left as written when there is no URL to put there. */
export function replaceUnsubscribePlaceholder(html: string, unsubscribeUrl: string | undefined): string {
  return unsubscribeUrl ? html.replace(UNSUBSCRIBE_PLACEHOLDER, escapeHtmlAttribute(unsubscribeUrl)) : html;
}
