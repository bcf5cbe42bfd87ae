import { getQueueToken } from '@nestjs/bullmq';
import { type ChannelProvider, type OutgoingMessage, type SendResult } from '@engine/channels';
import { ENDED_WHILE_HELD, type JourneyGraph, type JourneySettings } from '@engine/journey';
import { type Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { ProjectProviders } from '../src/providers/project-providers';
import { IngestEvents } from '../src/ingest/ingest-events.usecase';
import { outboxJobId } from '../src/queues/outbox-dispatcher';
import { QUEUES } from '../src/queues/queue-names';
import { SendMessages } from '../src/send/send-messages.usecase';
import { Sweep } from '../src/sweeper/sweep.usecase';
import { type ExecutionHarness, publishJourney, startExecutionHarness } from '../src/testing/execution-harness';
import { eventually } from '@engine/persistence/testing';
import { createReachableUser, edge, instancesOf, messagesOf, node } from './fixtures';

/**
 * Issue 17: a held message holds the user. Whatever holds the push (silent hours, a journey
 * throttle, provider retries), the fallback email never goes out before it, and "push opened?"
 * is decided a full window after the push was sent.
 */

const WINDOW_MS = 2_000;

/** entry -> push -> opened within 2 s? -> no: email -> exit. */
function fallback(event: string, settings: Partial<JourneySettings>): JourneyGraph {
  return {
    formatVersion: 1,
    nodes: [
      node('entry', 'entry.event', { event }, 0),
      node('push', 'send.push', { title: 'Hi', body: 'Promo' }, 200),
      node('opened', 'branch.engagement', { sendNodeId: 'push', metric: 'opened', window: `${WINDOW_MS / 1000}s` }, 400),
      node('email', 'send.email', { subject: 'Promo', html: '<p>Promo</p>' }, 600),
      node('exit-opened', 'exit', {}, 600),
      node('exit', 'exit', {}, 800),
    ],
    edges: [edge('entry', 'push'), edge('push', 'opened'), edge('opened', 'exit-opened', 'yes'), edge('opened', 'email', 'no'), edge('email', 'exit')],
    settings: { goals: [], reentry: { mode: 'afterExit' }, throttling: [], ...settings },
  };
}

/** entry -> push -> email -> exit. */
function pushThenEmail(event: string, settings: Partial<JourneySettings>): JourneyGraph {
  return {
    formatVersion: 1,
    nodes: [
      node('entry', 'entry.event', { event }, 0),
      node('push', 'send.push', { title: 'Hi', body: 'Promo' }, 200),
      node('email', 'send.email', { subject: 'Promo', html: '<p>Promo</p>' }, 400),
      node('exit', 'exit', {}, 600),
    ],
    edges: [edge('entry', 'push'), edge('push', 'email'), edge('email', 'exit')],
    settings: { goals: [], reentry: { mode: 'afterExit' }, throttling: [], ...settings },
  };
}

const JOURNEYS = [
  { name: 'push -> opened? -> email', build: fallback, decidesOpened: true },
  { name: 'push -> email', build: pushThenEmail, decidesOpened: false },
] as const;

/** Silent hours for push from an hour ago to two hours ahead (UTC users). */
function silentNow(): JourneySettings['silentHours'] {
  const utc = DateTime.utc();
  return {
    channels: ['push'],
    windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], from: utc.minus({ hours: 1 }).toFormat('HH:mm'), to: utc.plus({ hours: 2 }).toFormat('HH:mm') }],
    fallbackTimeZone: 'UTC',
  };
}

interface SentMessage {
  node_id: string;
  status: string;
  created_at: Date;
  sent_at: Date | null;
}

describe('a held message holds the user', () => {
  let h: ExecutionHarness;
  let ingest: IngestEvents;
  let pushQueue: Queue;
  /** Push attempts to fail (retryably) before the sandbox answers, per user id. */
  const failuresLeft = new Map<string, number>();

  beforeAll(async () => {
    h = await startExecutionHarness();
    ingest = h.app.get(IngestEvents);
    pushQueue = h.app.get<Queue>(getQueueToken(QUEUES.sendPush));
    // A provider that fails with a retryable error before it succeeds, for the keys the test names.
    const channels = h.app.get(ProjectProviders);
    const lookup = channels.lookup.bind(channels);
    jest.spyOn(channels, 'lookup').mockImplementation(async (manager, projectIds) => {
      const real = await lookup(manager, projectIds);
      return (projectId, channel) => (channel === 'push' ? flaky(real(projectId, channel), failuresLeft) : real(projectId, channel));
    });
  });
  afterAll(async () => {
    await h.close();
  });

  /** Publishes the journey, prepares (before anything can be sent), then enters one new UTC user. */
  async function enterUser(
    build: (event: string, settings: Partial<JourneySettings>) => JourneyGraph,
    settings: Partial<JourneySettings>,
    label: string,
    prepare: (ids: { userId: string; journeyId: string }) => Promise<void> = () => Promise.resolve(),
  ): Promise<{ userId: string; journeyId: string }> {
    const event = `Enter-${label}`;
    const { journeyId } = await publishJourney(h.db, h.projectId, build(event, settings), label);
    const user = await createReachableUser(h.db, h.projectId, label);
    await h.db.dataSource.query(`UPDATE users SET time_zone = 'UTC' WHERE id = $1`, [user.id]);
    await prepare({ userId: user.id, journeyId });
    await ingest.ingest(h.projectId, [{ userId: label, name: event, attributes: {}, occurredAt: new Date() }]);
    return { userId: user.id, journeyId };
  }

  async function sentMessages(userId: string): Promise<SentMessage[]> {
    return h.db.dataSource.query<SentMessage[]>(
      `SELECT node_id, status, created_at,
              (SELECT (c->>'at')::timestamptz FROM jsonb_array_elements(status_history) c WHERE c->>'status' = 'sent' LIMIT 1) AS sent_at
         FROM messages WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
  }

  async function pushOutbox(userId: string): Promise<{ id: string; status: string; due_in_ms: number }> {
    return eventually(async () => {
      const [row] = await h.db.dataSource.query<Array<{ id: string; status: string; due_in_ms: number }>>(
        `SELECT o.id, o.status, (extract(epoch FROM o.due_at - now()) * 1000)::int AS due_in_ms
           FROM outbox o JOIN journey_instances i ON i.id = o.instance_id WHERE i.user_id = $1 AND o.kind = 'send' AND o.effect->>'nodeId' = 'push'`,
        [userId],
      );
      return row;
    }, 10_000, 'the push in the outbox');
  }

  /** The held push's time has come: its job runs now (the clock moved on past the hold). */
  async function releasePush(outboxId: string): Promise<void> {
    const job = await eventually(async () => {
      const found = await pushQueue.getJob(outboxJobId(outboxId));
      return found && (await found.isDelayed()) && found;
    }, 10_000, 'the delayed push job');
    await job.promote();
  }

  /** The push went out before the email was even asked for; "opened?" waited a full window from the push. */
  async function expectPushFirst(userId: string, decidesOpened: boolean): Promise<void> {
    await eventually(async () => (await instancesOf(h.db, userId))[0]?.status === 'completed', 20_000, 'the journey to complete');
    const messages = await eventually(async () => {
      const found = await sentMessages(userId);
      return found.length === 2 && found.every((m) => m.status === 'sent') && found;
    }, 10_000, 'push and email sent');
    const [push, email] = messages;
    expect([push.node_id, email.node_id]).toEqual(['push', 'email']);
    expect(email.created_at.getTime()).toBeGreaterThanOrEqual(push.sent_at!.getTime());
    expect(email.sent_at!.getTime()).toBeGreaterThan(push.sent_at!.getTime());
    if (decidesOpened) expect(email.created_at.getTime() - push.sent_at!.getTime()).toBeGreaterThanOrEqual(WINDOW_MS);
  }

  describe.each(JOURNEYS)('$name', ({ build, decidesOpened }) => {
    const tag = decidesOpened ? 'fallback' : 'chain';

    it('with silent hours for push: the user waits at the push until it goes out', async () => {
      const { userId } = await enterUser(build, { silentHours: silentNow() }, `silent-${tag}`);
      const push = await pushOutbox(userId);
      expect(push.status).toBe('pending');
      expect(push.due_in_ms).toBeGreaterThan(115 * 60_000);
      const [instance] = await instancesOf(h.db, userId);
      expect(instance).toMatchObject({ status: 'active', current_node_id: 'push' });
      expect(await sentMessages(userId)).toEqual([]);

      await releasePush(push.id);
      await expectPushFirst(userId, decidesOpened);
    });

    it('with a journey throttle of 1 push per minute: the throttled user waits for their push', async () => {
      // Someone else's push already used this minute's one send (and the next minute's, should it turn).
      const fillWindows = async ({ journeyId }: { journeyId: string }) => {
        const minute = Math.floor(Date.now() / 60_000) * 60_000;
        await h.db.dataSource.query(
          `INSERT INTO throttle_windows (journey_id, channel, window_start, sends, expires_at) VALUES ($1, 'push', $2, 1, $3), ($1, 'push', $4, 1, $5)`,
          [journeyId, minute, new Date(minute + 120_000), minute + 60_000, new Date(minute + 180_000)],
        );
      };
      const entered = await enterUser(build, { throttling: [{ channel: 'push', limit: 1, per: '1m' }] }, `throttled-${tag}`, fillWindows);
      const push = await pushOutbox(entered.userId);
      await eventually(async () => {
        const job = await pushQueue.getJob(outboxJobId(push.id));
        return job !== undefined && (await job.isDelayed());
      }, 10_000, 'the push to be throttled');
      const [instance] = await instancesOf(h.db, entered.userId);
      expect(instance).toMatchObject({ status: 'active', current_node_id: 'push' });
      expect(await sentMessages(entered.userId)).toEqual([]);

      // The next window opens: the window rows expire and the delayed job runs.
      await h.db.dataSource.query(`DELETE FROM throttle_windows WHERE journey_id = $1`, [entered.journeyId]);
      await releasePush(push.id);
      await expectPushFirst(entered.userId, decidesOpened);
    });

    it('with a provider that fails twice before it succeeds: the user waits through the retries', async () => {
      const { userId } = await enterUser(build, {}, `retried-${tag}`, (ids) => {
        failuresLeft.set(ids.userId, 2);
        return Promise.resolve();
      });
      await expectPushFirst(userId, decidesOpened);
      const [history] = await h.db.dataSource.query<Array<{ retries: number }>>(
        `SELECT count(*)::int AS retries FROM messages m, jsonb_array_elements(m.status_history) c
          WHERE m.user_id = $1 AND m.node_id = 'push' AND c->>'status' = 'retrying'`,
        [userId],
      );
      expect(history.retries).toBe(2);
    });
  });

  it('ends a held instance at once on a goal, and its push is never sent', async () => {
    const goals: JourneySettings['goals'] = [{ id: 'buy', event: 'Purchase', period: '1d', endsJourney: true }];
    const { userId } = await enterUser(fallback, { goals, silentHours: silentNow() }, 'goal-while-held');
    const push = await pushOutbox(userId);
    await eventually(async () => (await instancesOf(h.db, userId))[0]?.current_node_id === 'push', 10_000, 'the user at the push');
    await ingest.ingest(h.projectId, [{ userId: 'goal-while-held', name: 'Purchase', attributes: {}, occurredAt: new Date() }]);
    await eventually(async () => (await instancesOf(h.db, userId))[0]?.status === 'converted', 10_000, 'the conversion');
    const [row] = await h.db.dataSource.query<Array<{ status: string }>>(`SELECT status FROM outbox WHERE id = $1`, [push.id]);
    expect(row.status).toBe('cancelled');
    // The silent hours end: the delayed job runs, finds the send cancelled and sends nothing.
    await releasePush(push.id);
    await eventually(async () => (await pushQueue.getJob(outboxJobId(push.id))) === undefined, 10_000, 'the push job to finish');
    expect(await messagesOf(h.db, userId)).toEqual([]);
  });

  it('cancels a push waiting for a retry when a goal ends the journey: not sent, with the reason', async () => {
    const goals: JourneySettings['goals'] = [{ id: 'buy', event: 'Purchase', period: '1d', endsJourney: true }];
    const { userId } = await enterUser(fallback, { goals }, 'goal-while-retrying', (ids) => {
      failuresLeft.set(ids.userId, 1_000);
      return Promise.resolve();
    });
    await eventually(async () => (await messagesOf(h.db, userId)).find((m) => m.node_id === 'push' && m.status === 'retrying'), 10_000, 'a failed attempt');
    await ingest.ingest(h.projectId, [{ userId: 'goal-while-retrying', name: 'Purchase', attributes: {}, occurredAt: new Date() }]);
    await eventually(async () => (await instancesOf(h.db, userId))[0]?.status === 'converted', 10_000, 'the conversion');
    const [push] = await h.db.dataSource.query<Array<{ status: string; error: string }>>(`SELECT status, error FROM messages WHERE user_id = $1 AND node_id = 'push'`, [userId]);
    expect(push).toEqual({ status: 'suppressed', error: ENDED_WHILE_HELD });
    // Its next retry finds the send cancelled and leaves the message as it is.
    const outbox = await pushOutbox(userId);
    expect(outbox.status).toBe('cancelled');
    await eventually(async () => (await pushQueue.getJob(outboxJobId(outbox.id))) === undefined || undefined, 20_000, 'the push job to end');
    expect((await messagesOf(h.db, userId)).map((m) => [m.node_id, m.status])).toEqual([['push', 'suppressed']]);
    failuresLeft.delete(userId);
  });

  it('moves on when the last retry of the push fails: the push is failed, then the email goes', async () => {
    const { userId } = await enterUser(pushThenEmail, {}, 'retries-run-out', (ids) => {
      failuresLeft.set(ids.userId, 1_000);
      return Promise.resolve();
    });
    const push = await pushOutbox(userId);
    await eventually(async () => (await messagesOf(h.db, userId)).find((m) => m.node_id === 'push' && m.status === 'retrying'), 10_000, 'a failed attempt');
    // What the send processor does when the job's last attempt fails with a retryable error.
    await h.app.get(SendMessages).failAfterRetries(push.id, 'push service unavailable (test)');
    await eventually(async () => (await instancesOf(h.db, userId))[0]?.status === 'completed', 10_000, 'the journey to complete');
    const messages = await eventually(async () => {
      const found = await messagesOf(h.db, userId);
      return found.length === 2 && found.every((m) => m.status !== 'queued' && m.status !== 'retrying') && found;
    }, 10_000, 'push failed and email sent');
    expect(messages.map((m) => [m.node_id, m.status])).toEqual([
      ['push', 'failed'],
      ['email', 'sent'],
    ]);
    failuresLeft.delete(userId);
  });

  it('loses no outcome when its queue job is lost: the sweeper queues the user again', async () => {
    const { userId } = await enterUser(pushThenEmail, { silentHours: silentNow() }, 'lost-outcome');
    const push = await pushOutbox(userId);
    await eventually(async () => (await instancesOf(h.db, userId))[0]?.current_node_id === 'push', 10_000, 'the user at the push');
    // The job that would carry the push's outcome to the user never reaches the queue.
    const eventsQueue = h.app.get<Queue>(getQueueToken(QUEUES.events));
    const lost = jest.spyOn(eventsQueue, 'addBulk').mockResolvedValueOnce([]);
    await releasePush(push.id);
    await eventually(async () => (await messagesOf(h.db, userId)).find((m) => m.node_id === 'push' && m.status === 'sent'), 10_000, 'the push sent');
    expect(lost).toHaveBeenCalledTimes(1);
    lost.mockRestore();
    const [unapplied] = await h.db.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM send_outcomes WHERE user_id = $1 AND applied_at IS NULL`,
      [userId],
    );
    expect(unapplied.n).toBe(1);
    expect((await instancesOf(h.db, userId))[0]).toMatchObject({ status: 'active', current_node_id: 'push' });

    expect((await h.app.get(Sweep).sweep(Date.now() + 1_000)).users).toBeGreaterThanOrEqual(1);
    await expectPushFirst(userId, false);
  });
});

/** Wraps a provider: fails retryably while `failuresLeft` has attempts left for the message's user. */
function flaky(inner: ChannelProvider, failuresLeft: Map<string, number>): ChannelProvider {
  return {
    name: inner.name,
    async send(message: OutgoingMessage): Promise<SendResult> {
      const userId = message.user?.id ?? '';
      const left = failuresLeft.get(userId) ?? 0;
      if (left > 0) {
        failuresLeft.set(userId, left - 1);
        throw new Error('push service unavailable (test)');
      }
      return inner.send(message);
    },
  };
}
