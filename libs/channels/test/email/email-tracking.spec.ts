import { addEmailTracking, emailMessageId, htmlToText, listUnsubscribeHeaders } from '../../src';

const clickUrl = (url: string): string => `https://t.example.com/t/c/${Buffer.from(url).toString('base64url')}`;
const tracking = {
  baseUrl: 'https://t.example.com/t/',
  openUrl: 'https://t.example.com/t/o/OPEN',
  clickUrl,
  unsubscribeUrl: 'https://t.example.com/t/u/UNSUB',
};

describe('addEmailTracking', () => {
  const html = [
    '<html><body>',
    '<p>Hello <a href="https://shop.example.com/sale?a=1&amp;b=2">sale</a></p>',
    "<a class='btn' href='http://example.org/x'>x</a>",
    '<a href=https://bare.example.com/>bare</a>',
    '<a href="mailto:help@example.com">mail</a> <a href="#top">top</a> <a href="tel:+15551234">call</a>',
    '<a data-href="https://keep.example.com" href="https://also-tracked.example.com">data-href is not href</a>',
    '<a href="https://t.example.com/t/c/ALREADY">tracked</a>',
    '<a data-no-track href="https://private.example.com/reset">reset</a>',
    '<a href="{{unsubscribe_url}}">Unsubscribe</a> <a href="{{ unsubscribe_url }}">again</a>',
    '</body></html>',
  ].join('\n');

  it('rewrites http(s) links through the click URL, leaving mailto, anchors, tel and tracking links', () => {
    const tracked = addEmailTracking(html, tracking);
    expect(tracked).toContain(`<a href="${clickUrl('https://shop.example.com/sale?a=1&b=2')}">sale</a>`);
    expect(tracked).toContain(`<a class='btn' href="${clickUrl('http://example.org/x')}">x</a>`);
    expect(tracked).toContain(`<a href="${clickUrl('https://bare.example.com/')}">bare</a>`);
    expect(tracked).toContain('<a href="mailto:help@example.com">mail</a> <a href="#top">top</a> <a href="tel:+15551234">call</a>');
    expect(tracked).toContain(`<a data-href="https://keep.example.com" href="${clickUrl('https://also-tracked.example.com')}">`);
    expect(tracked).toContain('<a href="https://t.example.com/t/c/ALREADY">tracked</a>');
    expect(tracked).toContain('<a data-no-track href="https://private.example.com/reset">reset</a>');
  });

  it('fills the unsubscribe placeholder and does not track the unsubscribe link', () => {
    const tracked = addEmailTracking(html, tracking);
    expect(tracked).toContain('<a href="https://t.example.com/t/u/UNSUB">Unsubscribe</a> <a href="https://t.example.com/t/u/UNSUB">again</a>');
    expect(tracked).not.toContain('unsubscribe_url');
  });

  it('puts the open pixel right before </body>, or at the end without one', () => {
    const pixel = '<img src="https://t.example.com/t/o/OPEN" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px" />';
    expect(addEmailTracking(html, tracking).endsWith(`${pixel}</body></html>`)).toBe(true);
    expect(addEmailTracking('<p>No body tag</p>', { openUrl: tracking.openUrl })).toBe(`<p>No body tag</p>${pixel}`);
    expect(addEmailTracking('<BODY>x</BODY >', { openUrl: tracking.openUrl })).toBe(`<BODY>x${pixel}</BODY >`);
  });

  it('does only the parts it is given options for', () => {
    expect(addEmailTracking(html, {})).toBe(html);
    expect(addEmailTracking('<a href="https://a.example">a</a>', { openUrl: undefined, clickUrl })).toBe(`<a href="${clickUrl('https://a.example')}">a</a>`);
  });

  it('escapes the URLs it writes into attributes', () => {
    const quoting = addEmailTracking('<a href="https://a.example">a</a>', { clickUrl: () => 'https://t.example/"><script>' });
    expect(quoting).toBe('<a href="https://t.example/&#34;&#62;&#60;script&#62;">a</a>');
  });
});

describe('htmlToText', () => {
  it('keeps the text, paragraphs, lists and link targets', () => {
    const html = `<html><head><title>T</title><style>p{color:red}</style></head><body>
      <!-- comment --><h1>Big&nbsp;sale</h1><p>Hello   <b>Anna</b>,<br>new items &amp; more.</p>
      <ul><li>One</li><li>Two</li></ul><p><a href="https://shop.example.com/x">Shop now</a> or <a href="https://x.example">https://x.example</a></p>
      <script>alert(1)</script></body></html>`;
    expect(htmlToText(html)).toBe('Big sale\n\nHello Anna,\nnew items & more.\n\n- One\n- Two\n\nShop now (https://shop.example.com/x) or https://x.example');
  });
});

describe('emailMessageId', () => {
  it('is made from the idempotency key and the sender domain, reversibly', () => {
    expect(emailMessageId('1f0e4f6a-4c47:send_1:1', 'news@shop.example.com')).toBe('<1f0e4f6a-4c47=3Asend_1=3A1@shop.example.com>');
    expect(emailMessageId('a.b/ü', 'no-domain')).toBe('<a=2Eb=2F=C3=BC@journey-engine.invalid>');
  });
});

describe('listUnsubscribeHeaders', () => {
  it('offers one-click with the URL, and the mailto when given', () => {
    expect(listUnsubscribeHeaders('https://t.example/t/u/X', 'unsub@example.com')).toEqual({
      'List-Unsubscribe': '<https://t.example/t/u/X>, <mailto:unsub@example.com>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(listUnsubscribeHeaders(undefined, 'mailto:unsub@example.com')).toEqual({ 'List-Unsubscribe': '<mailto:unsub@example.com>' });
    expect(listUnsubscribeHeaders(undefined, undefined)).toEqual({});
  });
});
