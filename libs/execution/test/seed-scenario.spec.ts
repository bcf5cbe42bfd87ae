import { IngestEvents } from '../src/ingest/ingest-events.usecase';
import { type ExecutionHarness, publishJourney, startExecutionHarness } from '../src/testing/execution-harness';
import { eventually } from '@engine/persistence/testing';
import { createReachableUser, instancesOf, messagesOf, shortOmnichannelJourney } from './fixtures';

describe('the seed scenario on real PostgreSQL and queues', () => {
  let h: ExecutionHarness;
  let ingest: IngestEvents;

  beforeAll(async () => {
    h = await startExecutionHarness();
    ingest = h.app.get(IngestEvents);
    await publishJourney(h.db, h.projectId, shortOmnichannelJourney('2s'), 'Omnichannel fallback');
  });
  afterAll(async () => {
    await h.close();
  });

  it('sends push only to the user who opens it, and push, email, WhatsApp to the one who never does', async () => {
    const opener = await createReachableUser(h.db, h.projectId, 'opener');
    const ignorer = await createReachableUser(h.db, h.projectId, 'ignorer');
    const promo = (userId: string) => ({ userId, name: 'PW_WhatsAppReceived', attributes: { text: 'Promo', from: '+4915112345678' }, occurredAt: new Date() });
    await ingest.ingest(h.projectId, [promo('opener'), promo('ignorer')]);

    const push = await eventually(async () => (await messagesOf(h.db, opener.id)).find((m) => m.node_id === 'push' && m.status === 'sent'), 10_000, 'the push');
    await ingest.ingest(h.projectId, [{ userId: 'opener', name: 'PW_PushOpened', attributes: { messageId: push.id }, occurredAt: new Date() }]);

    await eventually(async () => (await instancesOf(h.db, opener.id))[0]?.status === 'completed', 10_000, 'the opener to finish');
    await eventually(async () => (await instancesOf(h.db, ignorer.id))[0]?.status === 'completed', 15_000, 'the ignorer to finish');

    const openerMessages = await messagesOf(h.db, opener.id);
    expect(openerMessages.map((m) => [m.node_id, m.status])).toEqual([['push', 'opened']]);
    expect((await instancesOf(h.db, opener.id))[0].current_node_id).toBe('exit-push');

    // Sends run after the step that asked for them: wait for the last one to go out.
    const ignorerMessages = await eventually(async () => {
      const messages = await messagesOf(h.db, ignorer.id);
      return messages.length === 3 && messages.every((m) => m.status !== 'queued' && m.status !== 'retrying') && messages;
    }, 10_000, "the ignorer's three messages");
    expect(ignorerMessages.map((m) => [m.node_id, m.channel, m.status])).toEqual([
      ['push', 'push', 'sent'],
      ['email', 'email', 'sent'],
      ['whatsapp', 'whatsapp', 'sent'],
    ]);
    expect((await instancesOf(h.db, ignorer.id))[0].current_node_id).toBe('exit-whatsapp');
  });

  it('ignores a repeated idempotency key and does not enter twice', async () => {
    const user = await createReachableUser(h.db, h.projectId, 'repeat');
    const event = { userId: 'repeat', name: 'PW_WhatsAppReceived', attributes: { text: 'promo' }, occurredAt: new Date(), idempotencyKey: 'wamid.1' };
    expect(await ingest.ingest(h.projectId, [event, event])).toEqual({ accepted: 2, duplicates: 1 });
    expect(await ingest.ingest(h.projectId, [event])).toEqual({ accepted: 1, duplicates: 0 + 1 });
    await eventually(async () => (await messagesOf(h.db, user.id)).length === 1, 10_000, 'the push');
    const count = await h.db.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM events WHERE user_id = $1`, [user.id]);
    expect(count[0].n).toBe(1);
    expect(await instancesOf(h.db, user.id)).toHaveLength(1);
  });

  it('does not enter users whose text does not match', async () => {
    const user = await createReachableUser(h.db, h.projectId, 'other-text');
    await ingest.ingest(h.projectId, [{ userId: 'other-text', name: 'PW_WhatsAppReceived', attributes: { text: 'hello' }, occurredAt: new Date() }]);
    await eventually(async () => {
      const [row] = await h.db.dataSource.query<Array<{ processed: boolean }>>(`SELECT processed_at IS NOT NULL AS processed FROM events WHERE user_id = $1`, [user.id]);
      return row?.processed;
    });
    expect(await instancesOf(h.db, user.id)).toEqual([]);
  });
});
