import {
  collectHistoryQueries,
  collectSegmentReferences,
  type Condition,
  graphConditions,
  evaluateCondition,
  historyKey,
  type HistoryCondition,
  type JourneyGraph,
  type JourneyMachine,
  parseDuration,
  type PersistedJourneySnapshot,
} from '@engine/journey';
import { compileSegment, type EventEntity, EventStore, SegmentRefusal, SegmentStore, segmentPageQuery, type InstanceRow, InstanceStore, SendOutcomeStore, TagDefinitionStore, type UnappliedSendOutcome, UserStore } from '@engine/persistence';
import { type EntityManager } from 'typeorm';
import { type CompiledJourneys } from '../journeys/compiled-journeys';
import { userFacts } from '../users/user-facts';
import { type LoadedBatch } from './apply-inputs';
import { type EnterableJourney, type InstanceState, type MessageRef, type UserState } from './batch-state';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Locks the users (UserStore.lock) and loads all a batch needs:
 * their unprocessed events and unapplied send outcomes, active instances, the live journeys those events can enter, and the
 * compiled machines. Every step of a user happens under that user's row lock, so one user's inputs
 * apply in order and no two workers step the same instance at once.
 */
export async function loadBatch(
  manager: EntityManager,
  compiled: CompiledJourneys,
  request: { userIds: string[]; withEvents: boolean; entryJourneyIds: string[]; now: number },
): Promise<{ batch: LoadedBatch; events: EventEntity[]; outcomes: UnappliedSendOutcome[] }> {
  const userIds = [...new Set(request.userIds)].sort();
  const rows = await UserStore.lock(manager, userIds);
  const events = request.withEvents ? await EventStore.unprocessedOf(manager, userIds) : [];
  // Send outcomes travel the events' path: queued per user, applied under the user row lock.
  const outcomes = request.withEvents ? await SendOutcomeStore.unappliedFor(manager, userIds) : [];

  const projectIds = [...new Set(rows.map((row) => row.projectId))];
  const eventNames = [...new Set(events.map((event) => event.name))];
  const liveRows = await manager.query<Array<{ id: string; project_id: string; live_version_id: string; entry_events: string[] }>>(
    `SELECT id, project_id, live_version_id, entry_events FROM journeys
      WHERE project_id = ANY($1) AND status = 'live' AND live_version_id IS NOT NULL
        AND (entry_events && $2::text[] OR id = ANY($3::uuid[]))`,
    [projectIds, eventNames, request.entryJourneyIds],
  );
  const instanceRows = await InstanceStore.activeOf(manager, userIds);
  const machines = await compiled.load(manager, [
    ...liveRows.map((row) => row.live_version_id),
    ...instanceRows.map((row) => row.version_id),
  ]);

  const journeysById = new Map<string, EnterableJourney>();
  const journeysByEntryEvent = new Map<string, EnterableJourney[]>();
  for (const row of liveRows) {
    const machine = machines.get(row.live_version_id)!;
    const journey: EnterableJourney = {
      id: row.id,
      projectId: row.project_id,
      versionId: row.live_version_id,
      graph: machine.graph,
      compiled: machine,
      entryEvents: row.entry_events,
    };
    journeysById.set(row.id, journey);
    for (const name of row.entry_events) journeysByEntryEvent.set(name, [...(journeysByEntryEvent.get(name) ?? []), journey]);
  }

  const entries = await previousEntries(manager, userIds, [...journeysById.keys()]);
  const graphs = [...machines.values()].map((machine) => machine.graph);
  const history = await historyCounts(manager, userIds, graphs, request.now);
  const tagTypes = await TagDefinitionStore.typesByProject(manager, projectIds, tagsWrittenBy(graphs));
  const segments = await segmentMembership(manager, rows.map((row) => ({ id: row.id, projectId: row.projectId })), graphs, request.now);
  const users = new Map<string, UserState>();
  for (const row of rows) {
    if (!tagTypes.has(row.projectId)) tagTypes.set(row.projectId, new Map());
    users.set(row.id, {
      row,
      facts: userFacts(row),
      tagsChanged: false,
      tagTypes: tagTypes.get(row.projectId)!,
      instances: [],
      entries: entries.get(row.id) ?? (new Map() as UserState['entries']),
      history: history.get(row.id) ?? {},
      segments: segments.get(row.id) ?? {},
    });
  }
  for (const row of instanceRows) users.get(row.user_id)?.instances.push(toInstanceState(row, machines.get(row.version_id)!));

  return { batch: { users, journeysByEntryEvent, journeysById, messages: await messageRefs(manager, userIds, events) }, events, outcomes };
}

/** The tags the update.tags steps of these journeys write: the only types a batch needs. */
function tagsWrittenBy(graphs: readonly JourneyGraph[]): string[] {
  const names = new Set<string>();
  for (const graph of graphs) {
    for (const node of graph.nodes) if (node.type === 'update.tags') for (const operation of node.data.operations) names.add(operation.tag);
  }
  return [...names];
}

function toInstanceState(row: InstanceRow, compiled: JourneyMachine): InstanceState {
  return {
    id: row.id,
    projectId: row.project_id,
    journeyId: row.journey_id,
    versionId: row.version_id,
    userId: row.user_id,
    status: row.status,
    snapshot: row.snapshot as PersistedJourneySnapshot,
    currentNodeId: row.current_node_id,
    waitingFor: row.waiting_for,
    timerId: row.timer_id,
    loadedLockVersion: row.lock_version,
    enteredAt: row.entered_at,
    endedAt: row.ended_at,
    compiled,
    isNew: false,
    dirty: false,
    newSteps: [],
  };
}

async function previousEntries(manager: EntityManager, userIds: string[], journeyIds: string[]): Promise<Map<string, UserState['entries']>> {
  const result = new Map<string, UserState['entries']>();
  if (journeyIds.length === 0) return result;
  const rows = await manager.query<Array<{ user_id: string; journey_id: string; last_entered_at: Date; active: boolean; count: number }>>(
    `SELECT user_id, journey_id, max(entered_at) AS last_entered_at, bool_or(status = 'active') AS active, count(*)::int AS count
       FROM journey_instances WHERE user_id = ANY($1) AND journey_id = ANY($2) GROUP BY user_id, journey_id`,
    [userIds, journeyIds],
  );
  for (const row of rows) {
    const entries = result.get(row.user_id) ?? (new Map() as UserState['entries']);
    entries.set(row.journey_id, { lastEnteredAt: row.last_entered_at, active: row.active, count: row.count });
    result.set(row.user_id, entries);
  }
  return result;
}

/** Counts of past events for the history conditions of the journeys in play, per user. */
async function historyCounts(manager: EntityManager, userIds: string[], graphs: JourneyGraph[], now: number): Promise<Map<string, Record<string, number>>> {
  const result = new Map<string, Record<string, number>>();
  const queries = new Map<string, HistoryCondition['history']>();
  for (const graph of graphs) for (const query of collectHistoryQueries(graph)) queries.set(historyKey(query), query);
  for (const [key, query] of queries) {
    const within = query.within ? parseDuration(query.within) : undefined;
    const since = within === undefined ? new Date(0) : new Date(now - within);
    if (query.where) {
      // Attribute conditions are evaluated here, on the user's matching events (bounded).
      const rows = await manager.query<Array<{ user_id: string; attributes: Record<string, unknown> }>>(
        `SELECT user_id, attributes FROM events WHERE user_id = ANY($1) AND name = $2 AND occurred_at >= $3 ORDER BY id DESC LIMIT 100000`,
        [userIds, query.event, since],
      );
      for (const row of rows) {
        const holds = evaluateCondition(query.where, { user: { id: row.user_id, tags: {} }, event: row.attributes }, now);
        if (holds) bump(result, row.user_id, key, 1);
      }
    } else {
      const rows = await manager.query<Array<{ user_id: string; count: number }>>(
        `SELECT user_id, count(*)::int AS count FROM events WHERE user_id = ANY($1) AND name = $2 AND occurred_at >= $3 GROUP BY user_id`,
        [userIds, query.event, since],
      );
      for (const row of rows) bump(result, row.user_id, key, row.count);
    }
  }
  return result;
}

/**
 * Membership of the saved segments the journeys in play refer to, per user: one query per
 * referenced segment per batch, the segment compiled to SQL as it is now (so editing a segment
 * changes journeys from their next evaluation). A deleted or uncompilable segment holds nobody.
 */
async function segmentMembership(
  manager: EntityManager,
  users: Array<{ id: string; projectId: string }>,
  graphs: JourneyGraph[],
  now: number,
): Promise<Map<string, Record<string, boolean>>> {
  const result = new Map<string, Record<string, boolean>>();
  const referenced = new Set(graphs.flatMap((graph) => graphConditions(graph).flatMap(({ condition }) => collectSegmentReferences(condition))));
  if (referenced.size === 0) return result;
  const saved = await SegmentStore.conditionsOf(manager, [...new Set(users.map((user) => user.projectId))]);
  for (const id of referenced) {
    const segment = saved.get(id);
    if (segment === undefined) continue;
    const projectConditions = new Map<string, Condition>([...saved].filter(([, other]) => other.projectId === segment.projectId).map(([otherId, other]) => [otherId, other.condition]));
    let query: { sql: string; params: unknown[] };
    const userIds = users.filter((user) => user.projectId === segment.projectId).map((user) => user.id);
    if (userIds.length === 0) continue;
    try {
      query = segmentPageQuery(compileSegment(segment.condition, { segments: projectConditions }), segment.projectId, new Date(now), { userIds, limit: userIds.length });
    } catch (error) {
      if (error instanceof SegmentRefusal) continue;
      throw error;
    }
    const members = new Set((await manager.query<Array<{ id: string }>>(query.sql, query.params)).map((row) => row.id));
    for (const userId of userIds) result.set(userId, { ...(result.get(userId) ?? {}), [id]: members.has(userId) });
  }
  return result;
}

function bump(result: Map<string, Record<string, number>>, userId: string, key: string, by: number): void {
  const counts = result.get(userId) ?? {};
  counts[key] = (counts[key] ?? 0) + by;
  result.set(userId, counts);
}

/** The messages engagement events refer to (by `attributes.messageId`), restricted to the batch's users. */
async function messageRefs(manager: EntityManager, userIds: string[], events: EventEntity[]): Promise<Map<string, MessageRef>> {
  const ids = [...new Set(events.map((event) => event.attributes['messageId']).filter((id): id is string => typeof id === 'string' && UUID.test(id)))];
  const result = new Map<string, MessageRef>();
  if (ids.length === 0) return result;
  const rows = await manager.query<Array<{ id: string; instance_id: string | null; node_id: string | null; visit: number }>>(
    `SELECT id, instance_id, node_id, visit FROM messages WHERE id = ANY($1) AND user_id = ANY($2)`,
    [ids, userIds],
  );
  for (const row of rows) result.set(row.id, { messageId: row.id, instanceId: row.instance_id, nodeId: row.node_id, visit: row.visit });
  return result;
}
