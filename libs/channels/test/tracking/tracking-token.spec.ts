import { buildMessageTracking, signTrackingToken, verifyTrackingToken } from '../../src';

const secret = 'a-long-random-tracking-secret';
const messageId = '7d1c1f0e-4f6a-4c47-9a59-2d9a6a0f3b11';

describe('tracking tokens', () => {
  it('round-trips each kind', () => {
    for (const payload of [
      { kind: 'open' as const, messageId },
      { kind: 'unsubscribe' as const, messageId },
      { kind: 'click' as const, messageId, url: 'https://shop.example.com/sale?utm_source=email&x=ü#top' },
    ]) {
      const token = signTrackingToken(payload, secret);
      expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
      expect(verifyTrackingToken(token, secret)).toEqual(payload);
      expect(verifyTrackingToken(token, Buffer.from(secret))).toEqual(payload);
    }
  });

  it('refuses a token whose URL, kind or message id was changed, or that was made with another secret', () => {
    const token = signTrackingToken({ kind: 'click', messageId, url: 'https://shop.example.com/' }, secret);
    const [, mac] = token.split('.');
    const forge = (fields: unknown[]): string => `${Buffer.from(JSON.stringify(fields)).toString('base64url')}.${mac}`;
    expect(verifyTrackingToken(forge(['c', messageId, 'https://evil.example.com/']), secret)).toBeUndefined();
    expect(verifyTrackingToken(forge(['o', messageId]), secret)).toBeUndefined();
    expect(verifyTrackingToken(forge(['c', 'another-message', 'https://shop.example.com/']), secret)).toBeUndefined();
    expect(verifyTrackingToken(token, 'another-secret')).toBeUndefined();
  });

  it('refuses malformed tokens without throwing', () => {
    const token = signTrackingToken({ kind: 'open', messageId }, secret);
    for (const bad of [undefined, 42, '', '.', token.replace('.', ''), `${token}.x`, `${token}A`, `${token.slice(0, -1)}!`, 'x'.repeat(9000), `!!!.${token.split('.')[1]}`]) {
      expect(verifyTrackingToken(bad, secret)).toBeUndefined();
    }
    expect(verifyTrackingToken(token, '')).toBeUndefined();
  });

  it('only signs click tokens for http(s) URLs, so the redirect can never go to javascript: or data:', () => {
    expect(() => signTrackingToken({ kind: 'click', messageId, url: 'javascript:alert(1)' }, secret)).toThrow(/http/);
    expect(() => signTrackingToken({ kind: 'click', messageId }, secret)).toThrow(/http/);
    expect(() => signTrackingToken({ kind: 'open', messageId: '' }, secret)).toThrow(/message id/);
    expect(() => signTrackingToken({ kind: 'open', messageId }, '')).toThrow(/empty/);
  });
});

describe('buildMessageTracking', () => {
  it('builds the open, click and unsubscribe links of a message', () => {
    const tracking = buildMessageTracking({ publicBaseUrl: 'https://journeys.example.com/', secret, messageId, unsubscribeMailto: 'mailto:u@example.com' });
    expect(tracking.baseUrl).toBe('https://journeys.example.com/t/');
    expect(tracking.openUrl).toMatch(/^https:\/\/journeys\.example\.com\/t\/o\//);
    expect(tracking.unsubscribeUrl).toMatch(/^https:\/\/journeys\.example\.com\/t\/u\//);
    expect(tracking.unsubscribeMailto).toBe('mailto:u@example.com');
    const click = tracking.clickUrl!('https://shop.example.com/x');
    expect(verifyTrackingToken(click.replace('https://journeys.example.com/t/c/', ''), secret)).toEqual({ kind: 'click', messageId, url: 'https://shop.example.com/x' });
    expect(verifyTrackingToken(tracking.openUrl!.split('/').pop(), secret)).toEqual({ kind: 'open', messageId });
  });
});
