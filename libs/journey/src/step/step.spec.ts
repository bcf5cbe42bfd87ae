import { compileJourney } from '../compile/compile-journey';
import { chooseVariant } from '../compile/split-bucket';
import { type JourneyGraph } from '../format/journey-graph';
import { fullJourney, minimalJourney } from '../testing/graph-builder';
import { type Effect } from './effect';
import { step } from './step';
import { DAY, HOUR, InstanceDriver, MINUTE, T0, graph, node, roundTrip, user } from './testing/journey-fixture';
import { waitingFor } from './waiting-for';

const push = (id: string, title = id) => node(id, 'send.push', { title, body: `Body of ${title}` });
const exit = (id: string) => node(id, 'exit', {});
const visit = (nodeId: string, n = 1): Effect => ({ kind: 'visit', nodeId, visit: n });
const exited = (nodeId: string): Effect => ({ kind: 'exit', reason: 'completed', nodeId });
const pushSent = (id: string, eventAttributes: Record<string, unknown> = {}, n = 1, title = id): Effect => ({
  kind: 'send',
  channel: 'push',
  nodeId: id,
  visit: n,
  idempotencyKey: `${id}:${n}`,
  content: { title, body: `Body of ${title}` },
  eventAttributes,
});
const scheduled = (nodeId: string, at: number, n = 1): Effect => ({ kind: 'schedule', timerId: `${nodeId}:${n}`, nodeId, at });
const drive = (journeyGraph: JourneyGraph, facts = user()) => new InstanceDriver(compileJourney(journeyGraph), facts);

describe('step: entry', () => {
  const promo = graph(
    [
      node('promo', 'entry.event', { event: 'PW_WhatsAppReceived', where: { field: 'event.text', op: 'matches', value: 'promo' } }),
      node('help', 'entry.event', { event: 'PW_WhatsAppReceived', where: { field: 'event.text', op: 'matches', value: 'help' } }),
      node('api', 'entry.api', {}),
      node('segment', 'entry.segment', { segment: { field: 'tags.plan', op: 'eq', value: 'gold' } }),
      exit('end'),
    ],
    [
      ['promo', 'next', 'end'],
      ['help', 'next', 'end'],
      ['api', 'next', 'end'],
      ['segment', 'next', 'end'],
    ],
  );

  it('does not enter on an event whose condition fails, nor on other events', () => {
    const driver = drive(promo);
    for (const result of [driver.event('PW_WhatsAppReceived', { text: 'hello' }, T0), driver.event('Purchase', {}, T0)]) {
      expect(result).toEqual({
        snapshot: expect.objectContaining({ status: 'active', value: '$start' }) as unknown,
        effects: [],
        done: false,
        entered: false,
        changed: false,
        nodeId: '$start',
      });
    }
    expect(driver.snapshot).toBeUndefined();
  });

  it('can enter from the not-entered snapshot a previous step returned', () => {
    const journey = compileJourney(promo);
    const outside = step(journey, undefined, { kind: 'event', name: 'PW_WhatsAppReceived', attributes: { text: 'hi' }, user: user() }, T0);
    const entered = step(journey, roundTrip(outside.snapshot), { kind: 'enter', entryNodeId: 'api', attributes: {}, user: user() }, T0);
    expect(entered).toMatchObject({ entered: true, changed: true, done: true, nodeId: 'end' });
    expect(entered.effects).toEqual([visit('api'), visit('end'), exited('end')]);
  });

  it('enters through the first entry.event whose condition holds, with the event as event.*', () => {
    const driver = drive(promo);
    const result = driver.event('PW_WhatsAppReceived', { text: 'I need HELP' }, T0);
    expect(result.effects).toEqual([visit('help'), visit('end'), exited('end')]);
    expect(result).toMatchObject({ entered: true, changed: true, done: true, nodeId: 'end' });
    expect(result.snapshot.context).toMatchObject({ userId: 'u1', enteredAt: T0, eventAttributes: { text: 'I need HELP' } });
  });

  it('enters entry.api and entry.segment only through an enter input naming them', () => {
    expect(drive(promo).enter('nope', T0)).toMatchObject({ entered: false, changed: false, effects: [] });
    expect(drive(promo).enter('api', T0, { source: 'crm' }).effects).toEqual([visit('api'), visit('end'), exited('end')]);
    expect(drive(promo).enter('segment', T0).effects).toEqual([visit('segment'), visit('end'), exited('end')]);
    // An enter naming an entry.event node does not enter it.
    expect(drive(promo).enter('promo', T0)).toMatchObject({ entered: false, changed: false });
  });

  it('ignores an enter input for a running instance', () => {
    const journeyGraph = graph(
      [node('api', 'entry.api', {}), node('wait', 'wait.delay', { mode: 'duration', duration: '1h' }), exit('end')],
      [
        ['api', 'next', 'wait'],
        ['wait', 'next', 'end'],
      ],
    );
    const driver = drive(journeyGraph);
    driver.enter('api', T0);
    const stored = driver.snapshot!;
    const again = step(driver.journey, stored, { kind: 'enter', entryNodeId: 'api', attributes: {}, user: user() }, T0 + MINUTE);
    expect(again).toEqual({ snapshot: stored, effects: [], done: false, entered: false, changed: false, nodeId: 'wait' });
    expect(again.snapshot).toBe(stored);
  });

  it('never takes a tracked event named like a machine event for a timer', () => {
    const journeyGraph = graph(
      [node('api', 'entry.api', {}), node('wait', 'wait.delay', { mode: 'duration', duration: '1h' }), exit('end')],
      [
        ['api', 'next', 'wait'],
        ['wait', 'next', 'end'],
      ],
    );
    const driver = drive(journeyGraph);
    driver.enter('api', T0);
    expect(driver.event('journey.timer', { timerId: 'wait:1' }, T0 + HOUR)).toMatchObject({ changed: false, effects: [] });
    expect(step(driver.journey, undefined, { kind: 'event', name: 'journey.enter', attributes: {}, user: user() }, T0)).toMatchObject({
      entered: false,
    });
  });
});

describe('step: send nodes', () => {
  it('asks for one send per node visit with the node data and the entering event attributes', () => {
    const journeyGraph = graph(
      [
        node('api', 'entry.api', {}),
        push('push', 'Hello {{tags.first_name}}'),
        node('email', 'send.email', { subject: 'Hi', html: '<p>{{event.coupon}}</p>', fromName: 'Shop' }),
        node('wa', 'send.whatsapp', { mode: 'template', template: { name: 'promo', language: 'en', bodyParameters: ['{{event.coupon}}'] } }),
        node('sms', 'send.sms', { text: 'Code {{event.coupon}}' }),
        node('hook', 'send.webhook', { url: 'https://crm.example.com/hook', method: 'POST', body: '{"c":"{{event.coupon}}"}' }),
        exit('end'),
      ],
      [
        ['api', 'next', 'push'],
        ['push', 'next', 'email'],
        ['email', 'next', 'wa'],
        ['wa', 'next', 'sms'],
        ['sms', 'next', 'hook'],
        ['hook', 'next', 'end'],
      ],
    );
    const attributes = { coupon: 'SAVE20' };
    const send = (channel: string, nodeId: string, content: unknown) => ({
      kind: 'send',
      channel,
      nodeId,
      visit: 1,
      idempotencyKey: `${nodeId}:1`,
      content,
      eventAttributes: attributes,
    });
    const result = drive(journeyGraph).enter('api', T0, attributes);
    expect(result.effects).toEqual([
      visit('api'),
      visit('push'),
      send('push', 'push', { title: 'Hello {{tags.first_name}}', body: 'Body of Hello {{tags.first_name}}' }),
      visit('email'),
      send('email', 'email', { subject: 'Hi', html: '<p>{{event.coupon}}</p>', fromName: 'Shop' }),
      visit('wa'),
      send('whatsapp', 'wa', { mode: 'template', template: { name: 'promo', language: 'en', bodyParameters: ['{{event.coupon}}'] } }),
      visit('sms'),
      send('sms', 'sms', { text: 'Code {{event.coupon}}' }),
      visit('hook'),
      send('webhook', 'hook', { url: 'https://crm.example.com/hook', method: 'POST', body: '{"c":"{{event.coupon}}"}' }),
      visit('end'),
      exited('end'),
    ]);
    expect(result.snapshot.context.sends).toEqual({
      push: { visit: 1, at: T0, status: 'sent', engagement: {} },
      email: { visit: 1, at: T0, status: 'sent', engagement: {} },
      wa: { visit: 1, at: T0, status: 'sent', engagement: {} },
      sms: { visit: 1, at: T0, status: 'sent', engagement: {} },
      hook: { visit: 1, at: T0, status: 'sent', engagement: {} },
    });
  });

  it('returns effects that share nothing with the compiled graph', () => {
    const journeyGraph = graph([node('api', 'entry.api', {}), push('push'), exit('end')], [
      ['api', 'next', 'push'],
      ['push', 'next', 'end'],
    ]);
    const driver = drive(journeyGraph);
    const sent = driver.enter('api', T0).effects[2] as Extract<Effect, { kind: 'send' }>;
    (sent.content as { title: string }).title = 'changed';
    expect((driver.journey.graph.nodes[1].data as { title: string }).title).toBe('push');
  });
});

describe('step: update.tags and conditions', () => {
  const journeyGraph = graph(
    [
      node('api', 'entry.api', {}),
      node('tag', 'update.tags', {
        operations: [
          { op: 'set', tag: 'plan', value: 'gold' },
          { op: 'increment', tag: 'visits' },
          { op: 'set', tag: 'source', value: '{{event.source}}' },
        ],
      }),
      node('gold', 'branch.condition', {
        condition: {
          and: [
            { field: 'tags.plan', op: 'eq', value: 'gold' },
            { field: 'tags.visits', op: 'eq', value: 2 },
            { field: 'event.source', op: 'eq', value: 'crm' },
          ],
        },
      }),
      push('yes'),
      push('no'),
      exit('end'),
    ],
    [
      ['api', 'next', 'tag'],
      ['tag', 'next', 'gold'],
      ['gold', 'yes', 'yes'],
      ['gold', 'no', 'no'],
      ['yes', 'next', 'end'],
      ['no', 'next', 'end'],
    ],
  );

  it('applies the tag update within the step, so the condition sees the new tags', () => {
    const result = drive(journeyGraph, user({ tags: { visits: 1 } })).enter('api', T0, { source: 'crm' });
    expect(result.effects).toEqual([
      visit('api'),
      visit('tag'),
      {
        kind: 'updateTags',
        nodeId: 'tag',
        visit: 1,
        operations: [
          { op: 'set', tag: 'plan', value: 'gold' },
          { op: 'increment', tag: 'visits' },
          { op: 'set', tag: 'source', value: '{{event.source}}' },
        ],
        eventAttributes: { source: 'crm' },
      },
      visit('gold'),
      visit('yes'),
      pushSent('yes', { source: 'crm' }),
      visit('end'),
      exited('end'),
    ]);
    expect(result.snapshot.context.user.tags).toEqual({ visits: 2, plan: 'gold', source: 'crm' });
  });

  it('takes no when the condition fails', () => {
    const result = drive(journeyGraph, user({ tags: { visits: 5 } })).enter('api', T0, { source: 'crm' });
    expect(result.effects.filter((effect) => effect.kind === 'visit')).toEqual([
      visit('api'),
      visit('tag'),
      visit('gold'),
      visit('no'),
      visit('end'),
    ]);
  });
});

describe('step: wait.delay', () => {
  const delay = (data: JourneyGraph['nodes'][number]['data']) =>
    graph([node('api', 'entry.api', {}), { ...node('wait', 'wait.delay', { mode: 'duration', duration: '1h' }), data } as JourneyGraph['nodes'][number], push('push'), exit('end')], [
      ['api', 'next', 'wait'],
      ['wait', 'next', 'push'],
      ['push', 'next', 'end'],
    ]);

  it('schedules its timer, ignores stale timers and moves on the current one', () => {
    const driver = drive(delay({ mode: 'duration', duration: '2h' }));
    expect(driver.enter('api', T0).effects).toEqual([visit('api'), visit('wait'), scheduled('wait', T0 + 2 * HOUR)]);
    expect(waitingFor(driver.journey, driver.snapshot!)).toEqual({ events: [], timerId: 'wait:1' });

    const stored = driver.snapshot!;
    for (const timerId of ['wait:0', 'wait:2', 'push:1', 'wait']) {
      const stale = step(driver.journey, stored, { kind: 'timer', timerId, user: user() }, T0 + 2 * HOUR);
      expect(stale).toEqual({ snapshot: stored, effects: [], done: false, entered: false, changed: false, nodeId: 'wait' });
    }
    const due = driver.timer('wait:1', T0 + 2 * HOUR);
    expect(due.effects).toEqual([visit('push'), pushSent('push'), visit('end'), exited('end')]);
    expect(due.snapshot.context.timer).toBeNull();
    expect(due.snapshot.context.sends.push.at).toBe(T0 + 2 * HOUR);
  });

  it('waits until a time of day in the user time zone, else in UTC', () => {
    const journeyGraph = delay({ mode: 'timeOfDay', time: '09:00' });
    // Monday 10:00 UTC is 11:00 in Berlin: the next 09:00 there is Tuesday 08:00 UTC.
    expect(drive(journeyGraph, user({ timeZone: 'Europe/Berlin' })).enter('api', T0).effects[2]).toEqual(
      scheduled('wait', Date.UTC(2025, 0, 7, 8, 0)),
    );
    expect(drive(journeyGraph).enter('api', T0).effects[2]).toEqual(scheduled('wait', Date.UTC(2025, 0, 7, 9, 0)));
  });

  it('waits until a date from an event attribute, and goes through the timer even for a past date', () => {
    const journeyGraph = delay({ mode: 'date', fromEventAttribute: 'appointment', offset: '-1d' });
    expect(drive(journeyGraph).enter('api', T0, { appointment: '2025-01-10T12:00:00Z' }).effects[2]).toEqual(
      scheduled('wait', Date.UTC(2025, 0, 9, 12, 0)),
    );
    const past = drive(journeyGraph);
    expect(past.enter('api', T0, { appointment: '2024-01-10T12:00:00Z' }).effects[2]).toEqual(scheduled('wait', T0));
    expect(past.timer('wait:1', T0).nodeId).toBe('end');
  });
});

describe('step: wait.event', () => {
  const journeyGraph = graph(
    [
      node('api', 'entry.api', {}),
      node('wait', 'wait.event', {
        branches: [
          { id: 'big', events: [{ event: 'Purchase', where: { field: 'event.amount', op: 'gte', value: 50 } }] },
          { id: 'small', events: [{ event: 'ViewItem' }, { event: 'Purchase' }] },
        ],
        timeout: '1d',
      }),
      push('thanks'),
      push('browse'),
      exit('end'),
      exit('timeout'),
    ],
    [
      ['api', 'next', 'wait'],
      ['wait', 'big', 'thanks'],
      ['wait', 'small', 'browse'],
      ['wait', 'timeout', 'timeout'],
      ['thanks', 'next', 'end'],
      ['browse', 'next', 'end'],
    ],
  );

  it('schedules the timeout and lists the events it waits for', () => {
    const driver = drive(journeyGraph);
    expect(driver.enter('api', T0, { from: 'api' }).effects).toEqual([visit('api'), visit('wait'), scheduled('wait', T0 + DAY)]);
    expect(waitingFor(driver.journey, driver.snapshot!)).toEqual({ events: ['Purchase', 'ViewItem'], timerId: 'wait:1' });
    expect(driver.event('Other', {}, T0 + HOUR)).toMatchObject({ changed: false, effects: [] });
  });

  it('leaves through the first branch whose event and condition match, cancelling the timeout', () => {
    const big = drive(journeyGraph);
    big.enter('api', T0, { from: 'api' });
    expect(big.event('Purchase', { amount: 100 }, T0 + HOUR).effects).toEqual([
      { kind: 'cancelTimer', timerId: 'wait:1' },
      visit('thanks'),
      pushSent('thanks', { amount: 100 }),
      visit('end'),
      exited('end'),
    ]);
    expect(big.context.eventAttributes).toEqual({ amount: 100 });

    const small = drive(journeyGraph);
    small.enter('api', T0);
    expect(small.event('Purchase', { amount: 10 }, T0 + HOUR).effects).toEqual([
      { kind: 'cancelTimer', timerId: 'wait:1' },
      visit('browse'),
      pushSent('browse', { amount: 10 }),
      visit('end'),
      exited('end'),
    ]);
  });

  it('leaves through timeout on its timer, keeping the entering event as event.*', () => {
    const driver = drive(journeyGraph);
    driver.enter('api', T0, { from: 'api' });
    expect(driver.timer('wait:1', T0 + DAY).effects).toEqual([visit('timeout'), exited('timeout')]);
    expect(driver.context.eventAttributes).toEqual({ from: 'api' });
    expect(driver.event('Purchase', { amount: 100 }, T0 + 2 * DAY)).toMatchObject({ changed: false, done: true, effects: [] });
  });
});

describe('step: WhatsApp quick replies', () => {
  const journeyGraph = graph(
    [
      node('in', 'entry.event', { event: 'PW_WhatsAppReceived' }),
      node('ask', 'send.whatsapp', {
        mode: 'text',
        text: 'Want the promo?',
        quickReplies: [
          { id: 'yes', text: 'Yes' },
          { id: 'no', text: 'No thanks' },
        ],
        replyWindow: '1h',
      }),
      node('tag', 'update.tags', { operations: [{ op: 'set', tag: 'wants_promo', value: true }] }),
      exit('accepted'),
      exit('declined'),
      exit('silent'),
    ],
    [
      ['in', 'next', 'ask'],
      ['ask', 'reply:yes', 'tag'],
      ['ask', 'reply:no', 'declined'],
      ['ask', 'no_reply', 'silent'],
      ['tag', 'next', 'accepted'],
    ],
  );
  const asked = () => {
    const driver = drive(journeyGraph);
    const entered = driver.event('PW_WhatsAppReceived', { text: 'hi' }, T0);
    return { driver, entered };
  };

  it('sends, then waits for a reply until the reply window ends', () => {
    const { driver, entered } = asked();
    expect(entered.effects).toEqual([
      visit('in'),
      visit('ask'),
      {
        kind: 'send',
        channel: 'whatsapp',
        nodeId: 'ask',
        visit: 1,
        idempotencyKey: 'ask:1',
        content: journeyGraph.nodes[1].data,
        eventAttributes: { text: 'hi' },
      },
      scheduled('ask', T0 + HOUR),
    ]);
    expect(waitingFor(driver.journey, driver.snapshot!)).toEqual({ events: ['PW_WhatsAppReceived'], timerId: 'ask:1' });
    expect(driver.event('PW_WhatsAppReceived', { text: 'maybe' }, T0 + MINUTE)).toMatchObject({ changed: false, effects: [] });
  });

  it('matches the reply text ignoring case and spaces', () => {
    const { driver } = asked();
    expect(driver.event('PW_WhatsAppReceived', { text: '  YES ' }, T0 + MINUTE).effects).toEqual([
      { kind: 'cancelTimer', timerId: 'ask:1' },
      visit('tag'),
      {
        kind: 'updateTags',
        nodeId: 'tag',
        visit: 1,
        operations: [{ op: 'set', tag: 'wants_promo', value: true }],
        eventAttributes: { text: '  YES ' },
      },
      visit('accepted'),
      exited('accepted'),
    ]);
  });

  it('matches a button payload', () => {
    const { driver } = asked();
    expect(driver.event('PW_WhatsAppReceived', { text: 'No', buttonPayload: 'no thanks' }, T0 + MINUTE).effects).toEqual([
      { kind: 'cancelTimer', timerId: 'ask:1' },
      visit('declined'),
      exited('declined'),
    ]);
  });

  it('leaves by no_reply when the window ends', () => {
    const { driver } = asked();
    expect(driver.timer('ask:1', T0 + HOUR).effects).toEqual([visit('silent'), exited('silent')]);
  });
});

describe('step: branch.engagement', () => {
  /** push -> wait -> engagement(push opened within 4h) -> yes: exit / no: email -> exit */
  const waitThenCheck = (waitFor: string) =>
    graph(
      [
        node('api', 'entry.api', {}),
        push('push'),
        node('wait', 'wait.delay', { mode: 'duration', duration: waitFor }),
        node('opened', 'branch.engagement', { sendNodeId: 'push', metric: 'opened', window: '4h' }),
        exit('yes'),
        node('email', 'send.email', { subject: 'S', html: 'H' }),
        exit('no'),
      ],
      [
        ['api', 'next', 'push'],
        ['push', 'next', 'wait'],
        ['wait', 'next', 'opened'],
        ['opened', 'yes', 'yes'],
        ['opened', 'no', 'email'],
        ['email', 'next', 'no'],
      ],
    );
  /** push -> engagement(push opened within 4h) right away */
  const checkAtOnce = graph(
    [node('api', 'entry.api', {}), push('push'), node('opened', 'branch.engagement', { sendNodeId: 'push', metric: 'opened', window: '4h' }), exit('yes'), exit('no')],
    [
      ['api', 'next', 'push'],
      ['push', 'next', 'opened'],
      ['opened', 'yes', 'yes'],
      ['opened', 'no', 'no'],
    ],
  );
  const emailSent = (n = 1): Effect => ({
    kind: 'send',
    channel: 'email',
    nodeId: 'email',
    visit: n,
    idempotencyKey: `email:${n}`,
    content: { subject: 'S', html: 'H' },
    eventAttributes: {},
  });

  it('records an open that arrives early, while the user waits elsewhere, and answers yes at once', () => {
    const driver = drive(waitThenCheck('1h'));
    driver.enter('api', T0);
    const early = driver.event('PW_PushOpened', {}, T0 + 30 * MINUTE, { nodeId: 'push', visit: 1 });
    expect(early).toMatchObject({ changed: true, effects: [], nodeId: 'wait' });
    expect(driver.context.sends.push.engagement).toEqual({ delivered: T0 + 30 * MINUTE, opened: T0 + 30 * MINUTE });
    expect(driver.context.timer).toEqual({ id: 'wait:1', nodeId: 'wait', at: T0 + HOUR });
    // The same receipt again proves nothing new.
    expect(driver.event('PW_PushOpened', {}, T0 + 40 * MINUTE, { nodeId: 'push', visit: 1 })).toMatchObject({ changed: false });
    expect(driver.timer('wait:1', T0 + HOUR).effects).toEqual([visit('opened'), visit('yes'), exited('yes')]);
  });

  it('answers no at once when the open came after the window', () => {
    const driver = drive(waitThenCheck('5h'));
    driver.enter('api', T0);
    driver.event('PW_PushOpened', {}, T0 + 4 * HOUR + 30 * MINUTE, { nodeId: 'push', visit: 1 });
    expect(driver.timer('wait:1', T0 + 5 * HOUR).effects).toEqual([visit('opened'), visit('email'), emailSent(), visit('no'), exited('no')]);
  });

  it('answers no at once when the window is over and nothing was seen', () => {
    const driver = drive(waitThenCheck('4h'));
    driver.enter('api', T0);
    expect(driver.timer('wait:1', T0 + 4 * HOUR).effects).toEqual([visit('opened'), visit('email'), emailSent(), visit('no'), exited('no')]);
  });

  it('measures the window from the send, not from arrival', () => {
    const driver = drive(waitThenCheck('1h'));
    driver.enter('api', T0);
    expect(driver.timer('wait:1', T0 + HOUR).effects).toEqual([visit('opened'), scheduled('opened', T0 + 4 * HOUR)]);
    expect(waitingFor(driver.journey, driver.snapshot!)).toEqual({
      events: ['PW_PushOpened'],
      timerId: 'opened:1',
    });
  });

  it('waits and answers yes on a matching open within the window', () => {
    const driver = drive(checkAtOnce);
    expect(driver.enter('api', T0).effects).toEqual([visit('api'), visit('push'), pushSent('push'), visit('opened'), scheduled('opened', T0 + 4 * HOUR)]);
    expect(driver.event('PW_PushOpened', { platform: 'ios' }, T0 + HOUR, { nodeId: 'push', visit: 1 }).effects).toEqual([
      { kind: 'cancelTimer', timerId: 'opened:1' },
      visit('yes'),
      exited('yes'),
    ]);
    // Engagement events do not replace event.*.
    expect(driver.context.eventAttributes).toEqual({});
  });

  it('ignores receipts for another visit, another node, another channel or without a message', () => {
    const driver = drive(checkAtOnce);
    driver.enter('api', T0);
    expect(driver.event('PW_PushOpened', {}, T0 + HOUR, { nodeId: 'push', visit: 2 })).toMatchObject({ changed: false });
    expect(driver.event('PW_PushOpened', {}, T0 + HOUR, { nodeId: 'other', visit: 1 })).toMatchObject({ changed: false });
    expect(driver.event('PW_EmailOpened', {}, T0 + HOUR, { nodeId: 'push', visit: 1 })).toMatchObject({ changed: false });
    expect(driver.event('PW_PushOpened', {}, T0 + HOUR)).toMatchObject({ changed: false });
    expect(driver.snapshot!.value).toBe('opened');
  });

  it('answers no on the timer, even when the open came after the window but before the timer', () => {
    const driver = drive(checkAtOnce);
    driver.enter('api', T0);
    expect(driver.event('PW_PushOpened', {}, T0 + 5 * HOUR, { nodeId: 'push', visit: 1 })).toMatchObject({
      changed: true,
      effects: [],
      nodeId: 'opened',
    });
    expect(driver.timer('opened:1', T0 + 5 * HOUR).effects).toEqual([visit('no'), exited('no')]);
  });

  it('looks only at the latest visit of the send node when the journey loops', () => {
    const loop = graph(
      [
        node('api', 'entry.api', {}),
        push('push'),
        node('opened', 'branch.engagement', { sendNodeId: 'push', metric: 'opened', window: '1h' }),
        node('later', 'wait.delay', { mode: 'duration', duration: '1d' }),
        exit('yes'),
      ],
      [
        ['api', 'next', 'push'],
        ['push', 'next', 'opened'],
        ['opened', 'yes', 'yes'],
        ['opened', 'no', 'later'],
        ['later', 'next', 'push'],
      ],
    );
    const driver = drive(loop);
    driver.enter('api', T0);
    expect(driver.timer('opened:1', T0 + HOUR).effects).toEqual([visit('later'), scheduled('later', T0 + HOUR + DAY)]);
    const second = T0 + HOUR + DAY;
    expect(driver.timer('later:1', second).effects).toEqual([
      visit('push', 2),
      pushSent('push', {}, 2),
      visit('opened', 2),
      scheduled('opened', second + HOUR, 2),
    ]);
    // A late receipt of the first push does not count for the second.
    expect(driver.event('PW_PushOpened', {}, second + MINUTE, { nodeId: 'push', visit: 1 })).toMatchObject({ changed: false });
    // A stale timer of the first visit is ignored.
    expect(driver.timer('opened:1', second + MINUTE)).toMatchObject({ changed: false });
    expect(driver.event('PW_PushOpened', {}, second + MINUTE, { nodeId: 'push', visit: 2 }).effects).toEqual([
      { kind: 'cancelTimer', timerId: 'opened:2' },
      visit('yes'),
      exited('yes'),
    ]);
  });

  it('does not spin when a loop comes back to a check that already knows its answer', () => {
    const loop = graph(
      [
        node('api', 'entry.api', {}),
        push('push'),
        node('pause', 'wait.delay', { mode: 'duration', duration: '1m' }),
        node('opened', 'branch.engagement', { sendNodeId: 'push', metric: 'opened', window: '1h' }),
        node('count', 'update.tags', { operations: [{ op: 'increment', tag: 'loops' }] }),
        exit('no'),
      ],
      [
        ['api', 'next', 'push'],
        ['push', 'next', 'pause'],
        ['pause', 'next', 'opened'],
        ['opened', 'yes', 'count'],
        ['opened', 'no', 'no'],
        ['count', 'next', 'opened'],
      ],
    );
    const driver = drive(loop);
    driver.enter('api', T0);
    driver.event('PW_PushOpened', {}, T0 + 10_000, { nodeId: 'push', visit: 1 });
    const counted = (n: number): Effect => ({
      kind: 'updateTags',
      nodeId: 'count',
      visit: n,
      operations: [{ op: 'increment', tag: 'loops' }],
      eventAttributes: {},
    });
    expect(driver.timer('pause:1', T0 + MINUTE).effects).toEqual([
      visit('opened', 1),
      visit('count', 1),
      counted(1),
      visit('opened', 2),
      scheduled('opened', T0 + MINUTE, 2),
    ]);
    expect(driver.timer('opened:2', T0 + MINUTE).effects).toEqual([
      visit('count', 2),
      counted(2),
      visit('opened', 3),
      visit('count', 3),
      counted(3),
      visit('opened', 4),
      scheduled('opened', T0 + MINUTE, 4),
    ]);
  });
});

describe('step: branch.reachability and branch.split', () => {
  const reach = graph(
    [node('api', 'entry.api', {}), node('can', 'branch.reachability', { channel: 'whatsapp' }), exit('yes'), exit('no')],
    [
      ['api', 'next', 'can'],
      ['can', 'yes', 'yes'],
      ['can', 'no', 'no'],
    ],
  );

  it('takes yes only when the user is reachable on the channel', () => {
    expect(drive(reach, user({ reachable: { whatsapp: true } })).enter('api', T0).nodeId).toBe('yes');
    expect(drive(reach, user({ reachable: { whatsapp: false, push: true } })).enter('api', T0).nodeId).toBe('no');
    expect(drive(reach, user()).enter('api', T0).nodeId).toBe('no');
  });

  const variants = [
    { id: 'a', percent: 30 },
    { id: 'b', percent: 70 },
  ];
  const split = graph(
    [node('api', 'entry.api', {}), node('ab', 'branch.split', { variants }), push('pa'), push('pb'), exit('end')],
    [
      ['api', 'next', 'ab'],
      ['ab', 'a', 'pa'],
      ['ab', 'b', 'pb'],
      ['pa', 'next', 'end'],
      ['pb', 'next', 'end'],
    ],
  );

  it('sends each user down their stable variant', () => {
    const journey = compileJourney(split);
    const seen = new Set<string>();
    for (let index = 0; index < 40; index++) {
      const id = `user-${index}`;
      const expected = chooseVariant(variants, id, 'ab')!;
      seen.add(expected);
      const first = new InstanceDriver(journey, user({ id })).enter('api', T0);
      const second = new InstanceDriver(journey, user({ id })).enter('api', T0 + DAY);
      expect(first.effects[2]).toEqual(visit(`p${expected}`));
      expect(second.effects[2]).toEqual(visit(`p${expected}`));
    }
    expect([...seen].sort()).toEqual(['a', 'b']);
  });
});

describe('step: goals', () => {
  const withGoals = (goals: JourneyGraph['settings']['goals'], entryEvent = 'Signup') =>
    graph(
      [
        node('in', 'entry.event', { event: entryEvent }),
        node('wait', 'wait.event', { branches: [{ id: 'paid', events: [{ event: 'Purchase' }] }], timeout: '10d' }),
        push('thanks'),
        exit('end'),
        exit('timeout'),
      ],
      [
        ['in', 'next', 'wait'],
        ['wait', 'paid', 'thanks'],
        ['wait', 'timeout', 'timeout'],
        ['thanks', 'next', 'end'],
      ],
      goals,
    );

  it('ends the journey on a goal that ends it, before any branch on the same event', () => {
    const driver = drive(withGoals([{ id: 'buy', event: 'Purchase', period: '7d', endsJourney: true }]));
    driver.event('Signup', {}, T0);
    expect(waitingFor(driver.journey, driver.snapshot!)).toEqual({ events: ['Purchase'], timerId: 'wait:1' });
    const result = driver.event('Purchase', { amount: 5 }, T0 + DAY);
    expect(result).toMatchObject({ done: true, changed: true, nodeId: '$goal_reached' });
    expect(result.effects).toEqual([
      { kind: 'cancelTimer', timerId: 'wait:1' },
      { kind: 'conversion', goalId: 'buy' },
      { kind: 'exit', reason: 'goal' },
    ]);
    expect(result.snapshot.context.goalsReached).toEqual(['buy']);
    expect(waitingFor(driver.journey, driver.snapshot!)).toEqual({ events: [] });
  });

  it('counts a goal that does not end the journey and still takes the branch', () => {
    const driver = drive(withGoals([{ id: 'buy', event: 'Purchase', period: '7d', endsJourney: false }]));
    driver.event('Signup', {}, T0);
    expect(driver.event('Purchase', {}, T0 + DAY).effects).toEqual([
      { kind: 'cancelTimer', timerId: 'wait:1' },
      { kind: 'conversion', goalId: 'buy' },
      visit('thanks'),
      pushSent('thanks'),
      visit('end'),
      exited('end'),
    ]);
  });

  it('records a goal reached while waiting, once, and stays put', () => {
    const driver = drive(withGoals([{ id: 'open', event: 'AppOpen', period: '7d', endsJourney: false, where: { field: 'event.screen', op: 'eq', value: 'home' } }]));
    driver.event('Signup', {}, T0);
    expect(waitingFor(driver.journey, driver.snapshot!).events).toEqual(['Purchase', 'AppOpen']);
    expect(driver.event('AppOpen', { screen: 'cart' }, T0 + HOUR)).toMatchObject({ changed: false, effects: [] });
    const reached = driver.event('AppOpen', { screen: 'home' }, T0 + 2 * HOUR);
    expect(reached).toMatchObject({ changed: true, done: false, nodeId: 'wait', effects: [{ kind: 'conversion', goalId: 'open' }] });
    expect(driver.context.goalsReached).toEqual(['open']);
    expect(driver.context.timer).toEqual({ id: 'wait:1', nodeId: 'wait', at: T0 + 10 * DAY });
    expect(driver.context.visits.wait).toBe(1);
    expect(driver.event('AppOpen', { screen: 'home' }, T0 + 3 * HOUR)).toMatchObject({ changed: false, effects: [] });
  });

  it('does not count a goal outside its conversion period', () => {
    const driver = drive(withGoals([{ id: 'buy', event: 'Purchase', period: '7d', endsJourney: true }]));
    driver.event('Signup', {}, T0);
    const late = driver.event('Purchase', {}, T0 + 7 * DAY + 1);
    expect(late.effects).toEqual([{ kind: 'cancelTimer', timerId: 'wait:1' }, visit('thanks'), pushSent('thanks'), visit('end'), exited('end')]);
    const onTheEdge = drive(withGoals([{ id: 'buy', event: 'Purchase', period: '7d', endsJourney: true }]));
    onTheEdge.event('Signup', {}, T0);
    expect(onTheEdge.event('Purchase', {}, T0 + 7 * DAY).nodeId).toBe('$goal_reached');
  });

  it('does not count the event that enters the journey', () => {
    const driver = drive(withGoals([{ id: 'again', event: 'Purchase', period: '7d', endsJourney: false }], 'Purchase'));
    const entered = driver.event('Purchase', {}, T0);
    expect(entered.effects).toEqual([visit('in'), visit('wait'), scheduled('wait', T0 + 10 * DAY)]);
    expect(driver.event('Purchase', {}, T0 + HOUR).effects[1]).toEqual({ kind: 'conversion', goalId: 'again' });
  });

  it('cancels the timer of a wait.delay when a goal ends the journey there', () => {
    const journeyGraph = graph(
      [node('api', 'entry.api', {}), node('wait', 'wait.delay', { mode: 'duration', duration: '2d' }), exit('end')],
      [
        ['api', 'next', 'wait'],
        ['wait', 'next', 'end'],
      ],
      [{ id: 'buy', event: 'Purchase', period: '30d', endsJourney: true }],
    );
    const driver = drive(journeyGraph);
    driver.enter('api', T0);
    expect(driver.event('Purchase', {}, T0 + HOUR).effects).toEqual([
      { kind: 'cancelTimer', timerId: 'wait:1' },
      { kind: 'conversion', goalId: 'buy' },
      { kind: 'exit', reason: 'goal' },
    ]);
  });
});

describe('step: done instances and snapshots', () => {
  const journeyGraph = graph([node('api', 'entry.api', {}), node('wait', 'wait.delay', { mode: 'duration', duration: '1h' }), exit('end')], [
    ['api', 'next', 'wait'],
    ['wait', 'next', 'end'],
  ]);

  it('never moves a done instance again', () => {
    const driver = drive(journeyGraph);
    driver.enter('api', T0);
    const done = driver.timer('wait:1', T0 + HOUR);
    expect(done).toMatchObject({ done: true, nodeId: 'end' });
    expect(done.snapshot.status).toBe('done');
    for (const input of [
      { kind: 'timer' as const, timerId: 'wait:1', user: user() },
      { kind: 'enter' as const, entryNodeId: 'api', attributes: {}, user: user() },
    ]) {
      const again = step(driver.journey, roundTrip(done.snapshot), input, T0 + 2 * HOUR);
      expect(again).toEqual({ snapshot: done.snapshot, effects: [], done: true, entered: false, changed: false, nodeId: 'end' });
    }
  });

  it('gives the same result from a snapshot and from its JSON round trip', () => {
    const driver = drive(journeyGraph);
    const entered = driver.enter('api', T0);
    const fromMemory = step(driver.journey, entered.snapshot, { kind: 'timer', timerId: 'wait:1', user: user() }, T0 + HOUR);
    const fromJson = step(
      driver.journey,
      JSON.parse(JSON.stringify(entered.snapshot)) as typeof entered.snapshot,
      { kind: 'timer', timerId: 'wait:1', user: user() },
      T0 + HOUR,
    );
    expect(fromJson).toEqual(fromMemory);
    expect(JSON.parse(JSON.stringify(fromJson.snapshot))).toEqual(fromJson.snapshot);
  });

  it('says what an instance waits for: entry events before entry, nothing once done', () => {
    const promo = graph([node('in', 'entry.event', { event: 'Signup' }), node('api', 'entry.api', {}), exit('end')], [
      ['in', 'next', 'end'],
      ['api', 'next', 'end'],
    ]);
    const journey = compileJourney(promo);
    const outside = step(journey, undefined, { kind: 'event', name: 'Other', attributes: {}, user: user() }, T0);
    expect(waitingFor(journey, outside.snapshot)).toEqual({ events: ['Signup'] });
    const done = step(journey, undefined, { kind: 'event', name: 'Signup', attributes: {}, user: user() }, T0);
    expect(waitingFor(journey, done.snapshot)).toEqual({ events: [] });
  });

  it('refuses a snapshot at a state this journey does not have', () => {
    const driver = drive(journeyGraph);
    const entered = driver.enter('api', T0);
    expect(() =>
      step(driver.journey, { ...entered.snapshot, value: 'gone' }, { kind: 'timer', timerId: 'wait:1', user: user() }, T0),
    ).toThrow('The instance is at "gone", which is not a node of this journey version.');
  });
});

describe('step: the shared test journeys', () => {
  it('runs the minimal journey, whose entry node is called "start"', () => {
    const driver = new InstanceDriver(compileJourney(minimalJourney()));
    expect(driver.event('signup', {}, T0).effects).toEqual([
      visit('start'),
      visit('push'),
      {
        kind: 'send',
        channel: 'push',
        nodeId: 'push',
        visit: 1,
        idempotencyKey: 'push:1',
        content: { title: 'Hello', body: 'Welcome aboard' },
        eventAttributes: {},
      },
      visit('done'),
      exited('done'),
    ]);
  });

  it('runs the full journey through a time-of-day wait and an early push open', () => {
    const driver = new InstanceDriver(compileJourney(fullJourney()));
    const entered = driver.enter('api', T0);
    // Monday 11:00 in Berlin: the next weekday 09:00 there is Tuesday 08:00 UTC.
    expect(entered.effects.slice(-2)).toEqual([visit('wait'), scheduled('wait', Date.UTC(2025, 0, 7, 8, 0))]);
    expect(waitingFor(driver.journey, driver.snapshot!)).toEqual({ events: ['purchase', 'PW_PushOpened'], timerId: 'wait:1' });
    expect(driver.event('PW_PushOpened', {}, T0 + HOUR, { nodeId: 'push', visit: 1 })).toMatchObject({ changed: true, effects: [] });
    expect(driver.timer('wait:1', Date.UTC(2025, 0, 7, 8, 0)).effects).toEqual([
      visit('opened'),
      visit('tag'),
      {
        kind: 'updateTags',
        nodeId: 'tag',
        visit: 1,
        operations: [{ op: 'set', tag: 'welcomed', value: true }],
        eventAttributes: {},
      },
      visit('done'),
      exited('done'),
    ]);
  });

  it('lets the ending purchase goal win over the wait-for-purchase branch of the full journey', () => {
    const variantA = Array.from({ length: 50 }, (_, index) => `user-${index}`).find(
      (id) => chooseVariant([{ id: 'a', percent: 50 }, { id: 'b', percent: 50 }], id, 'split') === 'a',
    )!;
    const driver = new InstanceDriver(compileJourney(fullJourney()), user({ id: variantA }));
    driver.enter('api', T0);
    const tuesday = Date.UTC(2025, 0, 7, 8, 0);
    expect(driver.timer('wait:1', tuesday).effects).toEqual([visit('opened'), scheduled('opened', T0 + DAY)]);
    expect(driver.timer('opened:1', T0 + DAY).effects.map((effect) => effect.kind)).toEqual([
      'visit', // email
      'send',
      'visit', // split
      'visit', // wa
      'send',
      'schedule',
    ]);
    expect(driver.snapshot!.value).toBe('wa');
    expect(driver.timer('wa:1', T0 + 2 * DAY).effects).toEqual([visit('buy'), scheduled('buy', T0 + 9 * DAY)]);
    expect(driver.event('purchase', { amount: 20 }, T0 + 3 * DAY).effects).toEqual([
      { kind: 'cancelTimer', timerId: 'buy:1' },
      { kind: 'conversion', goalId: 'purchase' },
      { kind: 'exit', reason: 'goal' },
    ]);
  });
});
