import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type JourneyGraph } from '@engine/journey';
import { JourneyVersionEntity, type MessageStatus } from '@engine/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { type JourneyNodeStatsDto, type JourneyStatsDto, type JourneyStatsTotalsDto } from './dto/journey-stats.response';
import { findProjectJourney } from './find-project-journey';

/**
 * A message counts for a metric once its status history holds any of these statuses (or its
 * current status is one): reaching a later step implies the earlier ones, so a clicked email was
 * also opened and delivered, and a WhatsApp `read` counts as opened.
 */
const METRIC_STATUSES: Record<'delivered' | 'opened' | 'clicked' | 'failed' | 'unknown' | 'suppressed', MessageStatus[]> = {
  delivered: ['delivered', 'read', 'opened', 'clicked'],
  opened: ['read', 'opened', 'clicked'],
  clicked: ['clicked'],
  failed: ['failed'],
  unknown: ['unknown'],
  suppressed: ['suppressed'],
};

type MessageMetric = keyof typeof METRIC_STATUSES;
type NodeCounts = Omit<JourneyNodeStatsDto, 'nodeId' | 'type'>;

const EMPTY_COUNTS: NodeCounts = {
  now: 0,
  entered: 0,
  sent: 0,
  delivered: 0,
  opened: 0,
  clicked: 0,
  failed: 0,
  unknown: 0,
  suppressed: 0,
  conversions: 0,
  waitingToSend: 0,
  waitingForSilentHours: 0,
  waitingForRetry: 0,
  waitingInQueue: 0,
};

/** Per-node and journey-wide numbers, from a handful of GROUP BY queries over one snapshot. */
@Injectable()
export class JourneyStatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async stats(projectId: string, journeyId: string): Promise<JourneyStatsDto> {
    // REPEATABLE READ: all queries see the same moment, so the numbers add up.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const journey = await findProjectJourney(manager, projectId, journeyId);
      const liveGraph = journey.liveVersionId
        ? (await manager.findOne(JourneyVersionEntity, { where: { id: journey.liveVersionId }, select: { id: true, graph: true } }))?.graph
        : undefined;

      const counts = new Map<string, NodeCounts>();
      const add = (nodeId: string, values: Partial<NodeCounts>): void => {
        counts.set(nodeId, { ...(counts.get(nodeId) ?? EMPTY_COUNTS), ...values });
      };
      for (const row of await this.activeByNode(manager, journeyId)) add(row.node_id, { now: row.now });
      for (const row of await this.enteredByNode(manager, journeyId)) add(row.node_id, { entered: Number(row.entered) });
      for (const row of await this.messagesByNode(manager, projectId, journeyId)) {
        const { node_id: nodeId, ...metrics } = row;
        add(nodeId, metrics);
      }
      for (const row of await this.conversionsByNode(manager, journeyId)) add(row.node_id, { conversions: row.conversions });
      for (const { node_id: nodeId, waiting, silent, retrying } of await this.waitingToSendByNode(manager, journeyId)) {
        add(nodeId, { waitingToSend: waiting, waitingForSilentHours: silent, waitingForRetry: retrying, waitingInQueue: waiting - silent - retrying });
      }

      const types = nodeTypes([journey.draftGraph, liveGraph]);
      // Canvas order first (draft, then live version), then nodes only history knows about.
      const nodeIds = [...new Set([...types.keys(), ...[...counts.keys()].sort()])];
      const totals = await this.totals(manager, journeyId);
      return {
        journeyId,
        nodes: nodeIds.map((nodeId) => ({ nodeId, type: types.get(nodeId) ?? null, ...(counts.get(nodeId) ?? EMPTY_COUNTS) })),
        totals,
      };
    });
  }

  private activeByNode(manager: EntityManager, journeyId: string): Promise<{ node_id: string; now: number }[]> {
    return manager.query(
      `SELECT current_node_id AS node_id, count(*)::int AS now
         FROM journey_instances WHERE journey_id = $1 AND status = 'active'
        GROUP BY current_node_id`,
      [journeyId],
    );
  }

  private enteredByNode(manager: EntityManager, journeyId: string): Promise<{ node_id: string; entered: string }[]> {
    return manager.query('SELECT node_id, entered::text AS entered FROM journey_node_counters WHERE journey_id = $1', [journeyId]);
  }

  private messagesByNode(
    manager: EntityManager,
    projectId: string,
    journeyId: string,
  ): Promise<({ node_id: string; sent: number } & Record<MessageMetric, number>)[]> {
    const metrics = Object.keys(METRIC_STATUSES) as MessageMetric[];
    const parameters: unknown[] = [journeyId, projectId];
    const columns = metrics.map((metric) => {
      const statuses = METRIC_STATUSES[metric];
      parameters.push(statuses, statuses.map((status) => JSON.stringify([{ status }])));
      const [statusParam, historyParam] = [parameters.length - 1, parameters.length];
      return `count(*) FILTER (WHERE status = ANY($${statusParam}::text[]) OR status_history @> ANY($${historyParam}::jsonb[]))::int AS ${metric}`;
    });
    return manager.query(
      // A suppressed message was never sent (opt-out, frequency cap...): it counts as suppressed only.
      `SELECT node_id, count(*) FILTER (WHERE status <> 'suppressed')::int AS sent, ${columns.join(', ')}
         FROM messages WHERE journey_id = $1 AND project_id = $2 AND node_id IS NOT NULL
        GROUP BY node_id`,
      parameters,
    );
  }

  private conversionsByNode(manager: EntityManager, journeyId: string): Promise<{ node_id: string; conversions: number }[]> {
    return manager.query(
      'SELECT node_id, count(*)::int AS conversions FROM conversions WHERE journey_id = $1 GROUP BY node_id',
      [journeyId],
    );
  }

  /**
   * Users held at a send node until its message goes out (their snapshot records the send as
   * held), with why: a pending send still due later is held by silent hours; a message row being
   * retried after a provider error; anything else waits in the queue (a worker, a throttle, the
   * channel's rate limit).
   */
  private waitingToSendByNode(manager: EntityManager, journeyId: string): Promise<{ node_id: string; waiting: number; silent: number; retrying: number }[]> {
    return manager.query(
      `WITH held AS (
         SELECT i.id, i.current_node_id AS node_id
           FROM journey_instances i
          WHERE i.journey_id = $1 AND i.status = 'active'
            AND i.snapshot -> 'context' -> 'sends' -> i.current_node_id ->> 'status' = 'held'
       ), reasons AS (
         SELECT h.node_id,
                EXISTS (SELECT 1 FROM outbox o WHERE o.instance_id = h.id AND o.kind = 'send' AND o.status = 'pending' AND o.due_at > now()) AS silent,
                EXISTS (SELECT 1 FROM messages m WHERE m.instance_id = h.id AND m.node_id = h.node_id
                          AND m.status = 'retrying') AS retrying
           FROM held h
       )
       SELECT node_id, count(*)::int AS waiting,
              count(*) FILTER (WHERE silent)::int AS silent,
              count(*) FILTER (WHERE retrying AND NOT silent)::int AS retrying
         FROM reasons GROUP BY node_id`,
      [journeyId],
    );
  }

  private async totals(manager: EntityManager, journeyId: string): Promise<JourneyStatsTotalsDto> {
    const [row] = await manager.query<JourneyStatsTotalsDto[]>(
      `SELECT count(*)::int AS entered,
              count(*) FILTER (WHERE status = 'active')::int AS active,
              count(*) FILTER (WHERE status = 'completed')::int AS completed,
              count(*) FILTER (WHERE status = 'converted')::int AS converted,
              count(*) FILTER (WHERE status = 'stopped')::int AS stopped,
              (SELECT count(*) FROM conversions WHERE journey_id = $1)::int AS conversions
         FROM journey_instances WHERE journey_id = $1`,
      [journeyId],
    );
    return row;
  }
}

/** Node id -> type, the first graph naming a node winning. */
function nodeTypes(graphs: (JourneyGraph | undefined)[]): Map<string, string | null> {
  const types = new Map<string, string | null>();
  for (const graph of graphs) {
    // Drafts may be broken: only well-formed nodes are read.
    for (const node of Array.isArray(graph?.nodes) ? (graph.nodes as unknown[]) : []) {
      if (typeof node !== 'object' || node === null) continue;
      const { id, type } = node as { id?: unknown; type?: unknown };
      if (typeof id === 'string' && !types.has(id)) types.set(id, typeof type === 'string' ? type : null);
    }
  }
  return types;
}
