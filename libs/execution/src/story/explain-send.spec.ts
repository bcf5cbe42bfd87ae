import { ENDED_WHILE_HELD } from '@engine/journey';
import { type MessageStatus, type MessageStatusChange } from '@engine/persistence';
import { channelReachability } from './channel-reachability';
import { explainSend } from './explain-send';

/** Monday 6 January 2025, 14:00 UTC = 15:00 in Paris. */
const NOW = Date.UTC(2025, 0, 6, 14, 0);
const message = (status: MessageStatus, error: string | null, statusHistory: MessageStatusChange[] = []) => ({ message: { status, error, statusHistory }, timeZone: null, now: NOW });

describe('explainSend: why a message was not sent', () => {
  it('says a send due later is held for silent hours until their end, in the user\'s time zone', () => {
    const dueAt = new Date(Date.UTC(2025, 0, 6, 20, 0)); // 21:00 in Paris
    expect(explainSend({ outbox: { status: 'pending', dueAt }, timeZone: 'Europe/Paris', now: NOW })).toEqual({
      state: 'held',
      cause: 'silent-hours',
      reason: "Held for silent hours until 21:00 in the user's time zone (Europe/Paris).",
    });
    const tomorrow = new Date(Date.UTC(2025, 0, 7, 8, 0));
    expect(explainSend({ outbox: { status: 'pending', dueAt: tomorrow }, timeZone: null, now: NOW }).reason).toBe(
      "Held for silent hours until 08:00 on Tue 7 Jan in the user's time zone (UTC: none is known).",
    );
  });

  it('says a due send not yet claimed waits for its turn (a throttle)', () => {
    expect(explainSend({ outbox: { status: 'pending', dueAt: new Date(NOW - 1000) }, timeZone: null, now: NOW })).toMatchObject({ state: 'queued', cause: 'throttle' });
  });

  it('says a held send was cancelled because the journey ended', () => {
    expect(explainSend({ outbox: { status: 'cancelled', dueAt: new Date(NOW) }, timeZone: null, now: NOW })).toEqual({
      state: 'cancelled',
      cause: 'journey-ended',
      reason: `${ENDED_WHILE_HELD}.`,
    });
    expect(explainSend(message('suppressed', ENDED_WHILE_HELD))).toEqual({
      state: 'suppressed',
      cause: 'journey-ended',
      reason: 'Not sent: the journey ended for this user before the message was sent.',
    });
  });

  it.each([
    ['Not sent: frequency cap of 2 per 1d reached', 'frequency-cap'],
    ['Not sent: the user opted out of email', 'opted-out'],
    ['Not sent: the user has no push token', 'no-address'],
    ['Not sent: the user has no phone number', 'no-address'],
  ] as const)('gives the send policy\'s reason "%s" as %s', (error, cause) => {
    expect(explainSend(message('suppressed', error))).toEqual({ state: 'suppressed', cause, reason: `${error}.` });
  });

  it("gives WhatsApp's 24-hour window as its own cause", () => {
    const error = "Not sent: WhatsApp allows free-form text only within 24 hours of the user's last message (they never wrote); use an approved template instead";
    expect(explainSend(message('failed', error))).toEqual({ state: 'failed', cause: 'whatsapp-window', reason: `${error}.` });
  });

  it("gives a provider's failure with its code and words", () => {
    const detail = 'Meta error 131026 (Message undeliverable): The recipient may not have WhatsApp.';
    expect(explainSend(message('failed', detail))).toEqual({ state: 'failed', cause: 'provider-error', reason: `The provider refused it: ${detail}` });
  });

  it('counts the attempts of a send waiting for a retry', () => {
    const history: MessageStatusChange[] = [
      { status: 'queued', at: '2025-01-06T13:00:00.000Z' },
      { status: 'retrying', at: '2025-01-06T13:00:01.000Z', detail: 'HTTP 503' },
      { status: 'retrying', at: '2025-01-06T13:00:05.000Z', detail: 'HTTP 503' },
    ];
    expect(explainSend(message('retrying', 'HTTP 503', history))).toEqual({
      state: 'retrying',
      cause: 'provider-error',
      reason: 'Attempt 2 failed at 2025-01-06T13:00:05.000Z: HTTP 503; tried again from 2025-01-06T13:00:07.000Z.',
    });
  });

  it('gives no reason for a message that went out', () => {
    for (const status of ['sent', 'delivered', 'read', 'opened', 'clicked'] as const) expect(explainSend(message(status, null))).toEqual({ state: 'sent' });
    expect(explainSend(message('queued', null))).toEqual({ state: 'sending' });
  });

  it('says a send cut off mid-way has an unknown outcome and is never sent again', () => {
    expect(explainSend(message('unknown', 'cut off'))).toMatchObject({ state: 'unknown', reason: expect.stringMatching(/^Outcome unknown: .* never sent again/) as unknown });
  });

  it('says so when a message was not sent without a recorded reason', () => {
    expect(explainSend(message('failed', null))).toEqual({ state: 'failed', cause: 'other', reason: 'Failed (no reason was recorded).' });
  });
});

describe('channelReachability', () => {
  it('says per channel whether the send policy finds the user, else why not', () => {
    const user = { optIns: { push: true, email: false, whatsapp: true, sms: true }, pushTokens: [], email: 'a@example.com', phone: '+4915112345678' };
    expect(channelReachability(user)).toEqual([
      { channel: 'push', reachable: false, reason: 'the user has no push token' },
      { channel: 'email', reachable: false, reason: 'the user opted out of email' },
      { channel: 'whatsapp', reachable: true },
      { channel: 'sms', reachable: true },
    ]);
  });
});
