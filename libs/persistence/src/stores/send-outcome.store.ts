import { type EntityManager } from 'typeorm';
import { type SendOutcomeKind } from '../entities/send-outcome.entity';

/** What to record for the messages whose result became final, by message id. */
export interface FinalMessageResult {
  messageId: string;
  outcome: SendOutcomeKind;
  at: Date;
  reason: string | null;
}

/** An outcome waiting to be fed to its instance. */
export interface UnappliedSendOutcome {
  id: string;
  userId: string;
  instanceId: string;
  nodeId: string;
  visit: number;
  outcome: SendOutcomeKind;
  at: Date;
  reason: string | null;
  recordedAt: Date;
}

/** The one writer of `send_outcomes`. */
export const SendOutcomeStore = {
  /**
   * Records the outcome of journey messages (messages without an instance are skipped), in the
   * caller's transaction with their status. A second outcome for the same node visit is ignored.
   * Returns the users to queue.
   */
  async recordForMessages(manager: EntityManager, results: readonly FinalMessageResult[]): Promise<string[]> {
    if (results.length === 0) return [];
    const rows = await manager.query<Array<{ user_id: string }>>(
      `INSERT INTO send_outcomes (user_id, instance_id, node_id, visit, outcome, at, reason)
       SELECT m.user_id, m.instance_id, m.node_id, m.visit, v.outcome, v.at, v.reason
         FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[]) AS v(message_id, outcome, at, reason)
         JOIN messages m ON m.id = v.message_id
        WHERE m.instance_id IS NOT NULL AND m.node_id IS NOT NULL
       ON CONFLICT (instance_id, node_id, visit) DO NOTHING
       RETURNING user_id`,
      [results.map((r) => r.messageId), results.map((r) => r.outcome), results.map((r) => r.at.toISOString()), results.map((r) => r.reason)],
    );
    return [...new Set(rows.map((row) => row.user_id))];
  },

  /** The users' outcomes not yet applied, in the order they were recorded. Run under the users' row locks. */
  async unappliedFor(manager: EntityManager, userIds: readonly string[]): Promise<UnappliedSendOutcome[]> {
    const rows = await manager.query<
      Array<{ id: string; user_id: string; instance_id: string; node_id: string; visit: number; outcome: SendOutcomeKind; at: Date; reason: string | null; recorded_at: Date }>
    >(
      `SELECT id, user_id, instance_id, node_id, visit, outcome, at, reason, recorded_at
         FROM send_outcomes WHERE user_id = ANY($1) AND applied_at IS NULL ORDER BY id`,
      [userIds],
    );
    return rows.map((row) => ({
      id: String(row.id),
      userId: row.user_id,
      instanceId: row.instance_id,
      nodeId: row.node_id,
      visit: row.visit,
      outcome: row.outcome,
      at: row.at,
      reason: row.reason,
      recordedAt: row.recorded_at,
    }));
  },

  async markApplied(manager: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(`UPDATE send_outcomes SET applied_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  },

  /** Users with outcomes recorded before `before` and still not applied (their queue job was lost). */
  async usersWithStaleOutcomes(manager: EntityManager, before: Date, limit: number): Promise<string[]> {
    const rows = await manager.query<Array<{ user_id: string }>>(
      `SELECT DISTINCT user_id FROM send_outcomes WHERE applied_at IS NULL AND recorded_at < $1 LIMIT ${Math.floor(limit)}`,
      [before],
    );
    return rows.map((row) => row.user_id);
  },
};
