import { compileJourney } from '../compile/compile-journey';
import { ENDED_WHILE_HELD } from '../compile/send-outcome';
import { type JourneyGraph } from '../format/journey-graph';
import { type Effect } from './effect';
import { step } from './step';
import { HOUR, InstanceDriver, MINUTE, T0, graph, node, roundTrip, user } from './testing/journey-fixture';
import { waitingFor } from './waiting-for';

/** A send step completes when its message is sent or finally not sent, not when it is asked for. */

const held = (journeyGraph: JourneyGraph) => new InstanceDriver(compileJourney(journeyGraph), user(), 'held');
const visit = (nodeId: string, n = 1): Effect => ({ kind: 'visit', nodeId, visit: n });
const kinds = (effects: Effect[]) => effects.map((effect) => `${effect.kind}${'nodeId' in effect && effect.nodeId ? `:${effect.nodeId}` : ''}`);

/** entry -> push -> opened within 1h? -> no: email -> exit (the fallback of issue 17). */
const fallback = graph(
  [
    node('api', 'entry.api', {}),
    node('push', 'send.push', { title: 'Hi', body: 'Promo' }),
    node('opened', 'branch.engagement', { sendNodeId: 'push', metric: 'opened', window: '1h' }),
    node('email', 'send.email', { subject: 'Promo', html: '<p>Promo</p>' }),
    node('end-yes', 'exit', {}),
    node('end', 'exit', {}),
  ],
  [
    ['api', 'next', 'push'],
    ['push', 'next', 'opened'],
    ['opened', 'yes', 'end-yes'],
    ['opened', 'no', 'email'],
    ['email', 'next', 'end'],
  ],
  [{ id: 'buy', event: 'Purchase', period: '7d', endsJourney: true }],
);

describe('step: a send step waits for its message', () => {
  it('stays at the send node while the message is held, counted there, waiting for no timer', () => {
    const driver = held(fallback);
    const entered = driver.enter('api', T0);
    expect(kinds(entered.effects)).toEqual(['visit:api', 'visit:push', 'send:push']);
    expect(entered).toMatchObject({ done: false, nodeId: 'push' });
    expect(driver.context.sends['push']).toEqual({ visit: 1, at: T0, status: 'held', engagement: {} });
    expect(driver.context.timer).toBeNull();
    // Besides the outcome, only the goal ends it; opens are recorded as anywhere.
    expect(waitingFor(driver.journey, driver.snapshot!)).toEqual({ events: ['Purchase', 'PW_PushOpened'] });
    // Time passing or unrelated inputs do not move it on.
    expect(driver.timer('opened:1', T0 + 2 * HOUR)).toMatchObject({ changed: false });
    expect(driver.event('AppOpen', {}, T0 + 2 * HOUR)).toMatchObject({ changed: false });
  });

  it('moves on when the message is sent, and measures the engagement window from the sent time', () => {
    const driver = held(fallback);
    driver.enter('api', T0);
    const sentAt = T0 + 2 * HOUR;
    const sent = driver.sent('push', sentAt);
    expect(sent.effects).toEqual([visit('opened'), { kind: 'schedule', timerId: 'opened:1', nodeId: 'opened', at: sentAt + HOUR }]);
    expect(driver.context.sends['push']).toEqual({ visit: 1, at: sentAt, status: 'sent', engagement: {} });
    // An open 30 minutes after the push went out is within the window (it would not be from the step time).
    const opened = driver.event('PW_PushOpened', {}, sentAt + 30 * MINUTE, { nodeId: 'push', visit: 1 });
    expect(opened).toMatchObject({ nodeId: 'end-yes', done: true });
  });

  it('decides "opened?" from the sent time even when the outcome is applied late', () => {
    const driver = held(fallback);
    driver.enter('api', T0);
    const sentAt = T0 + 2 * HOUR;
    // Applied 3 hours after the push went out: its 1 hour window is over, so no at once.
    const late = step(
      driver.journey,
      roundTrip(driver.snapshot!),
      { kind: 'sendOutcome', nodeId: 'push', visit: 1, outcome: 'sent', at: sentAt, user: user() },
      sentAt + 3 * HOUR,
    );
    expect(kinds(late.effects)).toEqual(['visit:opened', 'visit:email', 'send:email']);
    expect(late.nodeId).toBe('email');
  });

  it('moves on when the message is finally not sent, and an engagement check on it answers no at once', () => {
    const driver = held(fallback);
    driver.enter('api', T0);
    const notSent = driver.notSent('push', T0 + MINUTE, 'Not sent: no push token');
    expect(kinds(notSent.effects)).toEqual(['visit:opened', 'visit:email', 'send:email']);
    expect(driver.context.sends['push']).toEqual({ visit: 1, at: T0 + MINUTE, status: 'not_sent', reason: 'Not sent: no push token', engagement: {} });
    // The email is held in turn: no exit before its outcome.
    expect(notSent).toMatchObject({ done: false, nodeId: 'email' });
    expect(driver.sent('email', T0 + 2 * MINUTE)).toMatchObject({ done: true, nodeId: 'end' });
  });

  it('ignores outcomes of another node, of an earlier visit, and a second outcome', () => {
    const driver = held(fallback);
    driver.enter('api', T0);
    expect(driver.sent('email', T0 + MINUTE, 1)).toMatchObject({ changed: false, effects: [] });
    expect(driver.sent('push', T0 + MINUTE, 0)).toMatchObject({ changed: false, effects: [] });
    expect(driver.sent('push', T0 + MINUTE, 2)).toMatchObject({ changed: false, effects: [] });
    expect(driver.sent('push', T0 + MINUTE, 1)).toMatchObject({ changed: true, nodeId: 'opened' });
    expect(driver.notSent('push', T0 + 2 * MINUTE, 'late', 1)).toMatchObject({ changed: false, effects: [] });
  });

  it('never takes a tracked event named like the outcome input for an outcome', () => {
    const driver = held(fallback);
    driver.enter('api', T0);
    expect(driver.event('journey.sendOutcome', { nodeId: 'push', visit: 1, outcome: 'sent' }, T0 + MINUTE)).toMatchObject({ changed: false });
  });

  it('ends at once on a goal while the message is held, and cancels the held send', () => {
    const driver = held(fallback);
    driver.enter('api', T0);
    const converted = driver.event('Purchase', {}, T0 + MINUTE);
    expect(converted).toMatchObject({ done: true, nodeId: '$goal_reached' });
    expect(converted.effects).toEqual([
      { kind: 'cancelSend', nodeId: 'push', visit: 1, idempotencyKey: 'push:1' },
      { kind: 'conversion', goalId: 'buy' },
      { kind: 'exit', reason: 'goal' },
    ]);
    expect(driver.context.sends['push']).toMatchObject({ status: 'not_sent', reason: ENDED_WHILE_HELD });
    // The outcome of the cancelled send, if it raced out anyway, changes nothing.
    expect(driver.sent('push', T0 + 2 * MINUTE)).toMatchObject({ changed: false, effects: [] });
  });

  it('keeps an open that arrives before the outcome is applied', () => {
    const driver = held(fallback);
    driver.enter('api', T0);
    driver.event('PW_PushOpened', {}, T0 + 2 * HOUR, { nodeId: 'push', visit: 1 });
    const sent = driver.sent('push', T0 + 2 * HOUR - MINUTE);
    expect(sent).toMatchObject({ nodeId: 'end-yes', done: true });
  });

  it('takes a snapshot stored before sends waited (no status) as sent', () => {
    const driver = held(fallback);
    driver.enter('api', T0);
    driver.sent('push', T0);
    const legacy = roundTrip(driver.snapshot!);
    delete legacy.context.sends['push'].status;
    const timer = step(driver.journey, legacy, { kind: 'timer', timerId: 'opened:1', user: user() }, T0 + HOUR);
    expect(timer.nodeId).toBe('email');
  });
});

describe('step: push -> email without a branch', () => {
  const chain = graph(
    [
      node('api', 'entry.api', {}),
      node('push', 'send.push', { title: 'Hi', body: 'Promo' }),
      node('email', 'send.email', { subject: 'Promo', html: '<p>Promo</p>' }),
      node('end', 'exit', {}),
    ],
    [
      ['api', 'next', 'push'],
      ['push', 'next', 'email'],
      ['email', 'next', 'end'],
    ],
  );

  it('asks for the email only once the push is sent, and completes only once the email is', () => {
    const driver = held(chain);
    expect(kinds(driver.enter('api', T0).effects)).toEqual(['visit:api', 'visit:push', 'send:push']);
    expect(kinds(driver.sent('push', T0 + 2 * HOUR).effects)).toEqual(['visit:email', 'send:email']);
    expect(driver.sent('email', T0 + 2 * HOUR + 1000)).toMatchObject({ done: true, nodeId: 'end' });
  });
});

describe('step: WhatsApp quick replies wait for their message', () => {
  const ask = graph(
    [
      node('in', 'entry.event', { event: 'Signup' }),
      node('ask', 'send.whatsapp', {
        mode: 'template',
        template: { name: 'ask', language: 'en' },
        quickReplies: [{ id: 'yes', text: 'Yes' }],
        replyWindow: '1h',
      }),
      node('accepted', 'exit', {}),
      node('silent', 'exit', {}),
    ],
    [
      ['in', 'next', 'ask'],
      ['ask', 'reply:yes', 'accepted'],
      ['ask', 'no_reply', 'silent'],
    ],
  );

  it('opens the reply window when the message is sent, not when it is asked for', () => {
    const driver = held(ask);
    const entered = driver.event('Signup', {}, T0);
    expect(kinds(entered.effects)).toEqual(['visit:in', 'visit:ask', 'send:ask']);
    // A "Yes" before our question went out is not an answer to it.
    expect(driver.event('PW_WhatsAppReceived', { text: 'Yes' }, T0 + MINUTE)).toMatchObject({ nodeId: 'ask' });
    const sentAt = T0 + 2 * HOUR;
    expect(driver.sent('ask', sentAt).effects).toEqual([{ kind: 'schedule', timerId: 'ask:1', nodeId: 'ask', at: sentAt + HOUR }]);
    expect(driver.event('PW_WhatsAppReceived', { text: 'yes' }, sentAt + 30 * MINUTE)).toMatchObject({ nodeId: 'accepted', done: true });
  });

  it('leaves by no_reply at once when the message is finally not sent', () => {
    const driver = held(ask);
    driver.event('Signup', {}, T0);
    expect(driver.notSent('ask', T0 + MINUTE)).toMatchObject({ nodeId: 'silent', done: true });
  });
});
