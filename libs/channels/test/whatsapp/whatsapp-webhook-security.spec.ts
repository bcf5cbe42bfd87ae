import { createHmac } from 'node:crypto';
import { signWhatsAppPayload, verifyWhatsAppSignature, whatsAppVerificationChallenge } from '../../src';

describe('verifyWhatsAppSignature', () => {
  const secret = 'd7f3b1c0a9e8f7d6c5b4a39281706f5e';
  const raw = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
  const valid = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;

  it('accepts the HMAC-SHA256 of the raw body, in either hex case', () => {
    expect(verifyWhatsAppSignature(raw, valid, secret)).toBe(true);
    expect(verifyWhatsAppSignature(raw, valid.toUpperCase().replace('SHA256=', 'sha256='), secret)).toBe(true);
    expect(signWhatsAppPayload(raw, secret)).toBe(valid);
  });

  it('refuses another body, another secret and malformed headers', () => {
    expect(verifyWhatsAppSignature(Buffer.from(`${raw.toString()} `), valid, secret)).toBe(false);
    expect(verifyWhatsAppSignature(raw, valid, 'another-secret')).toBe(false);
    for (const header of [undefined, '', 'sha256=', 'sha1=abc', valid.slice(0, -2), `${valid}00`, valid.replace('sha256=', ''), `sha256=${'zz'.repeat(32)}`]) {
      expect(verifyWhatsAppSignature(raw, header, secret)).toBe(false);
    }
    expect(verifyWhatsAppSignature(raw, valid, '')).toBe(false);
  });
});

describe('whatsAppVerificationChallenge', () => {
  it('echoes the challenge for our token', () => {
    expect(whatsAppVerificationChallenge({ 'hub.mode': 'subscribe', 'hub.verify_token': 'my-verify-token', 'hub.challenge': '1158201444' }, 'my-verify-token')).toEqual({
      ok: true,
      challenge: '1158201444',
    });
    // Query parsers that nest dotted keys.
    expect(whatsAppVerificationChallenge({ hub: { mode: 'subscribe', verify_token: 'my-verify-token', challenge: '42' } }, 'my-verify-token')).toEqual({ ok: true, challenge: '42' });
  });

  it('refuses a wrong token, another mode, missing parts and an empty configured token', () => {
    const query = { 'hub.mode': 'subscribe', 'hub.verify_token': 'my-verify-token', 'hub.challenge': '1158201444' };
    expect(whatsAppVerificationChallenge({ ...query, 'hub.verify_token': 'guess' }, 'my-verify-token')).toEqual({ ok: false });
    expect(whatsAppVerificationChallenge({ ...query, 'hub.mode': 'unsubscribe' }, 'my-verify-token')).toEqual({ ok: false });
    expect(whatsAppVerificationChallenge({ ...query, 'hub.challenge': undefined }, 'my-verify-token')).toEqual({ ok: false });
    expect(whatsAppVerificationChallenge({ ...query, 'hub.verify_token': ['my-verify-token'] }, 'my-verify-token')).toEqual({ ok: false });
    expect(whatsAppVerificationChallenge(query, '')).toEqual({ ok: false });
    expect(whatsAppVerificationChallenge(null, 'my-verify-token')).toEqual({ ok: false });
  });
});
