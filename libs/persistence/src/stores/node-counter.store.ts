import { type EntityManager } from 'typeorm';

export interface NodeCounterIncrement {
  journeyId: string;
  nodeId: string;
  entered: number;
  completed: number;
}

/** The one writer of `journey_node_counters`. */
export const NodeCounterStore = {
  /**
   * Adds to the counters. Every step batch of a journey adds to the same few rows: call it last in
   * the transaction, so their locks are held for the shortest time (until the commit right after).
   * Rows are upserted in (journey, node) order, the same in every batch, so two batches wait for
   * each other instead of deadlocking.
   */
  async add(manager: EntityManager, increments: readonly NodeCounterIncrement[]): Promise<void> {
    if (increments.length === 0) return;
    const rows = [...increments].sort(compareKeys);
    await manager.query(
      `INSERT INTO journey_node_counters (journey_id, node_id, entered, completed)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::bigint[])
       ON CONFLICT (journey_id, node_id) DO UPDATE
         SET entered = journey_node_counters.entered + excluded.entered,
             completed = journey_node_counters.completed + excluded.completed`,
      [rows.map((row) => row.journeyId), rows.map((row) => row.nodeId), rows.map((row) => row.entered), rows.map((row) => row.completed)],
    );
  },
};

/** Code-unit order of (journey id, node id). */
function compareKeys(a: NodeCounterIncrement, b: NodeCounterIncrement): number {
  if (a.journeyId !== b.journeyId) return a.journeyId < b.journeyId ? -1 : 1;
  if (a.nodeId !== b.nodeId) return a.nodeId < b.nodeId ? -1 : 1;
  return 0;
}
