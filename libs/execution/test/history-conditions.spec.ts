import { type JourneyGraph } from '@engine/journey';
import { IngestEvents } from '../src/ingest/ingest-events.usecase';
import { type ExecutionHarness, publishJourney, startExecutionHarness } from '../src/testing/execution-harness';
import { eventually } from '@engine/persistence/testing';
import { createReachableUser, edge, messagesOf, node } from './fixtures';


/** Visit -> "bought more than 50 in the last 30 days?" -> yes: push / no: email. */
const journey: JourneyGraph = {
  formatVersion: 1,
  nodes: [
    node('entry', 'entry.event', { event: 'Visit' }, 0),
    node('buyer', 'branch.condition', { condition: { history: { event: 'Purchase', within: '30d', where: { field: 'event.amount', op: 'gt', value: 50 } } } }, 200),
    node('push', 'send.push', { title: 'Welcome back', body: 'B' }, 400),
    node('email', 'send.email', { subject: 'Hello', html: '<p>Hi</p>' }, 400),
    node('exit-push', 'exit', {}, 600),
    node('exit-email', 'exit', {}, 600),
  ],
  edges: [edge('entry', 'buyer'), edge('buyer', 'push', 'yes'), edge('buyer', 'email', 'no'), edge('push', 'exit-push'), edge('email', 'exit-email')],
  settings: { goals: [], reentry: { mode: 'afterExit' }, throttling: [] },
};

describe('history conditions', () => {
  let h: ExecutionHarness;
  beforeAll(async () => {
    h = await startExecutionHarness();
    await publishJourney(h.db, h.projectId, journey);
  });
  afterAll(async () => {
    await h.close();
  });

  it('branch on what users did before: counted from stored events, with attribute conditions and a time limit', async () => {
    const ingest = h.app.get(IngestEvents);
    const big = await createReachableUser(h.db, h.projectId, 'big-spender');
    const small = await createReachableUser(h.db, h.projectId, 'small-spender');
    const old = await createReachableUser(h.db, h.projectId, 'old-spender');
    const day = 86_400_000;
    await ingest.ingest(h.projectId, [
      { userId: 'big-spender', name: 'Purchase', attributes: { amount: 80 }, occurredAt: new Date(Date.now() - 2 * day) },
      { userId: 'small-spender', name: 'Purchase', attributes: { amount: 20 }, occurredAt: new Date(Date.now() - 2 * day) },
      { userId: 'old-spender', name: 'Purchase', attributes: { amount: 500 }, occurredAt: new Date(Date.now() - 40 * day) },
    ]);
    await ingest.ingest(h.projectId, ['big-spender', 'small-spender', 'old-spender'].map((userId) => ({ userId, name: 'Visit', attributes: {}, occurredAt: new Date() })));

    const channelOf = async (userId: string) =>
      eventually(async () => {
        const [message] = await messagesOf(h.db, userId);
        return message?.status === 'sent' && message.channel;
      }, 10_000, `the message of ${userId}`);
    expect(await channelOf(big.id)).toBe('push');
    expect(await channelOf(small.id)).toBe('email');
    expect(await channelOf(old.id)).toBe('email');
  });
});
