import { type JourneySettings } from '@engine/journey';
import { capCounts, decideSend, type SendPolicyUser, type SendRequest, sendableAt, throttleWindow, WHATSAPP_TEXT_WINDOW_MS } from './send-policy';

const NOW = Date.UTC(2026, 11, 3, 10, 17, 42); // a Thursday

function user(overrides: Partial<SendPolicyUser> = {}): SendPolicyUser {
  return {
    optIns: { push: true, email: true, whatsapp: true, sms: true },
    pushTokens: [{ token: 'tok-1', platform: 'android', addedAt: '2026-01-01T00:00:00.000Z' }],
    email: 'ada@example.com',
    phone: '+15550001111',
    lastInboundWhatsAppAt: null,
    ...overrides,
  };
}

function request(overrides: Partial<SendRequest> = {}): SendRequest {
  return {
    channel: 'email',
    content: { subject: 'Hi', html: '<p>Hi</p>' },
    user: user(),
    settings: { throttling: [] },
    throttleWindowSends: undefined,
    cappedSends: 0,
    now: NOW,
    ...overrides,
  };
}

describe('decideSend', () => {
  it('sends to the address of the channel when no rule holds the message', () => {
    expect(decideSend(request())).toEqual({ kind: 'send', to: { email: 'ada@example.com' } });
    expect(decideSend(request({ channel: 'push' }))).toEqual({ kind: 'send', to: { pushTokens: [{ token: 'tok-1', platform: 'android' }] } });
    expect(decideSend(request({ channel: 'sms' }))).toEqual({ kind: 'send', to: { phone: '+15550001111' } });
    expect(decideSend(request({ channel: 'webhook', user: user({ email: null, phone: null, pushTokens: [] }) }))).toEqual({ kind: 'send', to: {} });
  });

  describe('journey throttle', () => {
    const settings: SendRequest['settings'] = { throttling: [{ channel: 'email', limit: 2, per: '1m' }] };

    it('sends while the window holds at most the limit, this send included', () => {
      expect(decideSend(request({ settings, throttleWindowSends: 2 })).kind).toBe('send');
    });

    it('waits for the next window once the limit is passed', () => {
      expect(decideSend(request({ settings, throttleWindowSends: 3 }))).toEqual({ kind: 'wait', until: Date.UTC(2026, 11, 3, 10, 18) });
    });

    it('applies to its channel only', () => {
      expect(decideSend(request({ channel: 'push', settings, throttleWindowSends: 3 })).kind).toBe('send');
    });

    it('comes before every other rule (a throttled message is not judged yet)', () => {
      expect(decideSend(request({ settings, throttleWindowSends: 3, user: user({ email: null }) })).kind).toBe('wait');
    });
  });

  describe('recipient', () => {
    it.each([
      ['push', 'Not sent: the user opted out of push', user({ optIns: { push: false, email: true, whatsapp: true, sms: true } })],
      ['push', 'Not sent: the user has no push token', user({ pushTokens: [] })],
      ['email', 'Not sent: the user opted out of email', user({ optIns: { push: true, email: false, whatsapp: true, sms: true } })],
      ['email', 'Not sent: the user has no email address', user({ email: null })],
      ['whatsapp', 'Not sent: the user opted out of WhatsApp', user({ optIns: { push: true, email: true, whatsapp: false, sms: true } })],
      ['sms', 'Not sent: the user opted out of SMS', user({ optIns: { push: true, email: true, whatsapp: true, sms: false } })],
      ['sms', 'Not sent: the user has no phone number', user({ phone: null })],
    ] as const)('suppresses %s: %s', (channel, reason, recipient) => {
      expect(decideSend(request({ channel, user: recipient }))).toEqual({ kind: 'suppress', reason });
    });
  });

  describe("WhatsApp's 24-hour window", () => {
    const text = { mode: 'text', text: 'Hello' };

    it('sends free-form text within 24 hours of the user\'s last message', () => {
      const lastInboundWhatsAppAt = new Date(NOW - WHATSAPP_TEXT_WINDOW_MS + 1);
      expect(decideSend(request({ channel: 'whatsapp', content: text, user: user({ lastInboundWhatsAppAt }) }))).toEqual({ kind: 'send', to: { phone: '+15550001111' } });
    });

    it('fails free-form text once the window has closed, naming the last message', () => {
      const lastInboundWhatsAppAt = new Date(NOW - WHATSAPP_TEXT_WINDOW_MS);
      expect(decideSend(request({ channel: 'whatsapp', content: text, user: user({ lastInboundWhatsAppAt }) }))).toEqual({
        kind: 'fail',
        reason: `Not sent: WhatsApp allows free-form text only within 24 hours of the user's last message (last one ${lastInboundWhatsAppAt.toISOString()}); use an approved template instead`,
      });
    });

    it('fails free-form text to a user who never wrote', () => {
      const decision = decideSend(request({ channel: 'whatsapp', content: text }));
      expect(decision.kind).toBe('fail');
      expect(decision.kind === 'fail' && decision.reason).toContain('(they never wrote)');
    });

    it('sends templates whenever', () => {
      expect(decideSend(request({ channel: 'whatsapp', content: { mode: 'template', name: 'promo', language: 'en' } })).kind).toBe('send');
    });
  });

  describe('frequency cap', () => {
    const settings: SendRequest['settings'] = { throttling: [], frequencyCap: { maxMessages: 2, period: '1d', channels: ['email', 'push'] } };

    it('sends below the cap', () => {
      expect(decideSend(request({ settings, cappedSends: 1 })).kind).toBe('send');
    });

    it('suppresses once the user got the capped number of messages', () => {
      expect(decideSend(request({ settings, cappedSends: 2 }))).toEqual({ kind: 'suppress', reason: 'Not sent: frequency cap of 2 per 1d reached' });
    });

    it('leaves channels the cap does not name alone', () => {
      expect(decideSend(request({ channel: 'sms', settings, cappedSends: 5 })).kind).toBe('send');
      expect(capCounts(settings.frequencyCap, 'sms')).toBe(false);
      expect(capCounts(settings.frequencyCap, 'push')).toBe(true);
      expect(capCounts(undefined, 'push')).toBe(false);
    });

    it('comes after the recipient: an unreachable user is suppressed for that, not for the cap', () => {
      expect(decideSend(request({ settings, cappedSends: 2, user: user({ email: null }) }))).toEqual({
        kind: 'suppress',
        reason: 'Not sent: the user has no email address',
      });
    });
  });
});

describe('sendableAt (silent hours)', () => {
  const silentHours: JourneySettings['silentHours'] = {
    channels: ['push'],
    windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], from: '10:00', to: '12:00' }],
    fallbackTimeZone: 'UTC',
  };

  it('holds a send in a silent window until the window ends, in the user\'s time zone', () => {
    expect(sendableAt(silentHours, 'push', undefined, NOW)).toBe(Date.UTC(2026, 11, 3, 12));
    // 10:17 UTC is 11:17 in Paris: still silent there, until 12:00 Paris time.
    expect(sendableAt(silentHours, 'push', 'Europe/Paris', NOW)).toBe(Date.UTC(2026, 11, 3, 11));
  });

  it('sends at once outside the windows, on channels without silent hours, and without settings', () => {
    expect(sendableAt(silentHours, 'push', 'America/New_York', NOW)).toBe(NOW);
    expect(sendableAt(silentHours, 'email', undefined, NOW)).toBe(NOW);
    expect(sendableAt(undefined, 'push', undefined, NOW)).toBe(NOW);
  });

  it('never holds channels that reach no person (webhooks)', () => {
    expect(sendableAt({ ...silentHours, channels: ['push', 'email', 'whatsapp', 'sms'] }, 'webhook', undefined, NOW)).toBe(NOW);
  });
});

describe('throttleWindow', () => {
  it('puts a send in the fixed window of its throttle period, with the next window and when the row may go', () => {
    expect(throttleWindow({ channel: 'email', limit: 1000, per: '1m' }, NOW)).toEqual({
      start: Date.UTC(2026, 11, 3, 10, 17),
      next: Date.UTC(2026, 11, 3, 10, 18),
      expiresAt: Date.UTC(2026, 11, 3, 10, 19),
    });
  });

  it('starts a new window exactly at the boundary', () => {
    const boundary = Date.UTC(2026, 11, 3, 11);
    expect(throttleWindow({ channel: 'push', limit: 2, per: '1h' }, boundary).start).toBe(boundary);
    expect(throttleWindow({ channel: 'push', limit: 2, per: '1h' }, boundary - 1).next).toBe(boundary);
  });
});
