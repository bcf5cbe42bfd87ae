import { eventually } from '@engine/persistence/testing';
import { IngestEvents } from '../src/ingest/ingest-events.usecase';
import { type ExecutionHarness, startExecutionHarness } from '../src/testing/execution-harness';
import { createReachableUser } from './fixtures';

describe('a WhatsApp message Meta reports failed', () => {
  let h: ExecutionHarness;
  beforeAll(async () => {
    h = await startExecutionHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it("keeps Meta's code, title and details on the message row, not only on the event", async () => {
    const user = await createReachableUser(h.db, h.projectId, 'failed-status');
    const [message] = await h.db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO messages (project_id, user_id, channel, provider, status, status_history, idempotency_key, provider_message_id)
       VALUES ($1, $2, 'whatsapp', 'whatsapp-cloud', 'sent', '[]', 'failed-status:1', 'wamid.failed-status') RETURNING id`,
      [h.projectId, user.id],
    );
    await h.app.get(IngestEvents).ingest(h.projectId, [
      {
        userId: 'failed-status',
        name: 'PW_WhatsAppFailed',
        attributes: {
          messageId: message.id,
          providerMessageId: 'wamid.failed-status',
          status: 'failed',
          errorCode: 131026,
          errorTitle: 'Message undeliverable',
          errorReason: 'The recipient may not have WhatsApp, or has not accepted the new terms.',
        },
        occurredAt: new Date(),
      },
    ]);
    const row = await eventually(async () => {
      const [found] = await h.db.dataSource.query<Array<{ status: string; error: string | null; status_history: Array<{ status: string; detail?: string }> }>>(
        `SELECT status, error, status_history FROM messages WHERE id = $1`,
        [message.id],
      );
      return found.status === 'failed' && found;
    }, 15_000, 'the message marked failed');
    const detail = 'Meta error 131026 (Message undeliverable): The recipient may not have WhatsApp, or has not accepted the new terms.';
    expect(row.error).toBe(detail);
    expect(row.status_history).toEqual([expect.objectContaining({ status: 'failed', detail })]);
  });
});
