import { compileJourney } from '../compile/compile-journey';
import { type JourneyGraph, type JourneyNode } from '../format/journey-graph';
import { validateJourney } from '../validate/validate-journey';
import { type Effect } from './effect';
import { HOUR, InstanceDriver, MINUTE, T0, graph, node, user } from './testing/journey-fixture';
import { waitingFor } from './waiting-for';

/**
 * The seed scenario, end to end through the stepper only: a user writes "Promo" on WhatsApp ->
 * push -> opened within 4h? -> no -> email -> opened within 4h? -> no -> WhatsApp template -> exit.
 * Timers are fed back exactly as the schedule effects asked for them.
 */
const pushContent = { title: 'Your promo', body: 'Hi {{tags.first_name|there}}, 20% off today', link: 'https://shop.example.com/promo' };
const emailContent = { subject: 'Your 20% promo', html: '<p>Hi {{tags.first_name|there}}</p>', fromName: 'Shop' };
const whatsappContent = {
  mode: 'template' as const,
  template: { name: 'promo_offer', language: 'en', bodyParameters: ['{{tags.first_name|there}}', '{{event.text}}'] },
};

const seed: JourneyGraph = graph(
  [
    node('entry', 'entry.event', { event: 'PW_WhatsAppReceived', where: { field: 'event.text', op: 'matches', value: 'promo' } }),
    node('push', 'send.push', pushContent),
    node('push-opened', 'branch.engagement', { sendNodeId: 'push', metric: 'opened', window: '4h' }),
    node('exit-push', 'exit', {}),
    node('email', 'send.email', emailContent),
    node('email-opened', 'branch.engagement', { sendNodeId: 'email', metric: 'opened', window: '4h' }),
    node('exit-email', 'exit', {}),
    node('whatsapp', 'send.whatsapp', whatsappContent),
    node('exit-whatsapp', 'exit', {}),
  ],
  [
    ['entry', 'next', 'push'],
    ['push', 'next', 'push-opened'],
    ['push-opened', 'yes', 'exit-push'],
    ['push-opened', 'no', 'email'],
    ['email', 'next', 'email-opened'],
    ['email-opened', 'yes', 'exit-email'],
    ['email-opened', 'no', 'whatsapp'],
    ['whatsapp', 'next', 'exit-whatsapp'],
  ],
);

const inbound = { text: 'Promo', from: '+4915112345678', type: 'text', messageId: 'wamid.1' };
const visit = (nodeId: string): Effect => ({ kind: 'visit', nodeId, visit: 1 });
const exit = (nodeId: string): Effect => ({ kind: 'exit', reason: 'completed', nodeId });
const send = (channel: 'push' | 'email' | 'whatsapp', nodeId: string, content: JourneyNode['data']): Effect => ({
  kind: 'send',
  channel,
  nodeId,
  visit: 1,
  idempotencyKey: `${nodeId}:1`,
  content,
  eventAttributes: inbound,
});

function scheduleOf(effects: Effect[]): Extract<Effect, { kind: 'schedule' }> {
  const schedules = effects.filter((effect): effect is Extract<Effect, { kind: 'schedule' }> => effect.kind === 'schedule');
  expect(schedules).toHaveLength(1);
  return schedules[0];
}

function enterSeed(): { driver: InstanceDriver; pushTimer: Extract<Effect, { kind: 'schedule' }> } {
  const driver = new InstanceDriver(compileJourney(seed, { id: 'seed' }), user({ id: 'user-42', tags: { first_name: 'Ann' } }));
  const entered = driver.event('PW_WhatsAppReceived', inbound, T0);
  expect(entered).toMatchObject({ entered: true, changed: true, done: false, nodeId: 'push-opened' });
  expect(entered.effects).toEqual([
    visit('entry'),
    visit('push'),
    send('push', 'push', pushContent),
    visit('push-opened'),
    { kind: 'schedule', timerId: 'push-opened:1', nodeId: 'push-opened', at: T0 + 4 * HOUR },
  ]);
  return { driver, pushTimer: scheduleOf(entered.effects) };
}

describe('seed scenario: WhatsApp "Promo" -> push -> email -> WhatsApp', () => {
  it('is a valid journey', () => {
    expect(validateJourney(seed).problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('does not enter on another message', () => {
    const driver = new InstanceDriver(compileJourney(seed), user());
    expect(driver.event('PW_WhatsAppReceived', { ...inbound, text: 'Hello' }, T0)).toMatchObject({
      entered: false,
      changed: false,
      effects: [],
    });
  });

  it('falls back to email, then WhatsApp, when nothing is opened', () => {
    const { driver, pushTimer } = enterSeed();
    expect(waitingFor(driver.journey, driver.snapshot!)).toEqual({
      events: ['PW_PushOpened', 'PW_EmailOpened', 'PW_EmailClicked'],
      timerId: 'push-opened:1',
    });

    const noPushOpen = driver.timer(pushTimer.timerId, pushTimer.at);
    expect(noPushOpen).toMatchObject({ changed: true, done: false, nodeId: 'email-opened' });
    expect(noPushOpen.effects).toEqual([
      visit('email'),
      send('email', 'email', emailContent),
      visit('email-opened'),
      { kind: 'schedule', timerId: 'email-opened:1', nodeId: 'email-opened', at: T0 + 8 * HOUR },
    ]);

    // The push timer again (a retried job) is stale now.
    expect(driver.timer(pushTimer.timerId, pushTimer.at + MINUTE)).toMatchObject({ changed: false, effects: [] });

    const emailTimer = scheduleOf(noPushOpen.effects);
    const noEmailOpen = driver.timer(emailTimer.timerId, emailTimer.at);
    expect(noEmailOpen).toMatchObject({ changed: true, done: true, nodeId: 'exit-whatsapp' });
    expect(noEmailOpen.effects).toEqual([
      visit('whatsapp'),
      send('whatsapp', 'whatsapp', whatsappContent),
      visit('exit-whatsapp'),
      exit('exit-whatsapp'),
    ]);
    expect(noEmailOpen.snapshot.context.visits).toEqual({
      entry: 1,
      push: 1,
      'push-opened': 1,
      email: 1,
      'email-opened': 1,
      whatsapp: 1,
      'exit-whatsapp': 1,
    });
    expect(driver.timer(emailTimer.timerId, emailTimer.at)).toMatchObject({ changed: false, done: true, effects: [] });
  });

  it('ends without more messages when the push is opened within 4 hours', () => {
    const { driver } = enterSeed();
    const opened = driver.event('PW_PushOpened', {}, T0 + 3 * HOUR, { nodeId: 'push', visit: 1 });
    expect(opened).toMatchObject({ changed: true, done: true, nodeId: 'exit-push' });
    expect(opened.effects).toEqual([{ kind: 'cancelTimer', timerId: 'push-opened:1' }, visit('exit-push'), exit('exit-push')]);
  });

  it('ends after the email when the email is opened within 4 hours of it', () => {
    const { driver, pushTimer } = enterSeed();
    const noPushOpen = driver.timer(pushTimer.timerId, pushTimer.at);
    // A push opened after its window is recorded but no longer counts.
    expect(driver.event('PW_PushOpened', {}, T0 + 5 * HOUR, { nodeId: 'push', visit: 1 })).toMatchObject({
      changed: true,
      effects: [],
      nodeId: 'email-opened',
    });
    const opened = driver.event('PW_EmailOpened', {}, T0 + 7 * HOUR, { nodeId: 'email', visit: 1 });
    expect(opened).toMatchObject({ changed: true, done: true, nodeId: 'exit-email' });
    expect(opened.effects).toEqual([{ kind: 'cancelTimer', timerId: scheduleOf(noPushOpen.effects).timerId }, visit('exit-email'), exit('exit-email')]);
    expect(opened.snapshot.context.sends).toEqual({
      push: { visit: 1, at: T0, status: 'sent', engagement: { delivered: T0 + 5 * HOUR, opened: T0 + 5 * HOUR } },
      email: { visit: 1, at: T0 + 4 * HOUR, status: 'sent', engagement: { delivered: T0 + 7 * HOUR, opened: T0 + 7 * HOUR } },
    });
  });

  it('counts an email click as an open', () => {
    const { driver, pushTimer } = enterSeed();
    driver.timer(pushTimer.timerId, pushTimer.at);
    expect(driver.event('PW_EmailClicked', { url: 'https://shop.example.com/promo' }, T0 + 5 * HOUR, { nodeId: 'email', visit: 1 }).nodeId).toBe(
      'exit-email',
    );
  });
});
