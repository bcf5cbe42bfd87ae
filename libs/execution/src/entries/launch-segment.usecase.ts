import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Condition, durationMs, type JourneyGraph, type NodeOfType } from '@engine/journey';
import { compileSegment, type CompiledSegment, SegmentRefusal, SegmentStore, segmentScanQuery } from '@engine/persistence';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { type EnterUsersJob, QUEUES, type UnreachableTries } from '../queues/queue-names';

// Users evaluated per query: a launch walks the project in slices of this many users (by id).
const SLICE = 10_000;

export interface LaunchSegmentJob extends UnreachableTries {
  journeyId: string;
}

/**
 * Enters every user matching the segment of a live journey's `entry.segment` nodes. The segment
 * (inline, or a saved one by reference, as it is now) is compiled to one SQL query that PostgreSQL
 * evaluates, event history included; the project is walked in slices of users by id (each query
 * evaluates a bounded slice), so memory stays flat however large the project, and matching ids are
 * queued as entry jobs of up to 1 000; the re-entry policy decides at
 * entry time.
 */
@Injectable()
export class LaunchSegment {
  private readonly logger = new Logger(LaunchSegment.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.entries) private readonly entries: Queue,
    @InjectQueue(QUEUES.segments) private readonly segments: Queue,
  ) {}

  /** After a publish or resume: launch now, and keep a schedule for segments that repeat. */
  async schedule(journeyId: string, graph: JourneyGraph): Promise<void> {
    const nodes = segmentEntries(graph);
    await this.segments.removeJobScheduler(`segment-${journeyId}`);
    if (nodes.length === 0) return;
    await this.segments.add('launch', { journeyId } satisfies LaunchSegmentJob, { removeOnComplete: true, attempts: 5, backoff: { type: 'exponential', delay: 1000 } });
    const every = nodes.map((node) => node.data.repeatEvery).filter((repeat): repeat is string => Boolean(repeat)).map(durationMs);
    if (every.length > 0) {
      await this.segments.upsertJobScheduler(`segment-${journeyId}`, { every: Math.min(...every) }, { name: 'launch', data: { journeyId }, opts: { removeOnComplete: true } });
    }
  }

  async unschedule(journeyId: string): Promise<void> {
    await this.segments.removeJobScheduler(`segment-${journeyId}`);
  }

  async launch(journeyId: string, now = Date.now()): Promise<{ matched: number }> {
    const [journey] = await this.dataSource.query<Array<{ project_id: string; status: string; graph: JourneyGraph }>>(
      `SELECT j.project_id, j.status, v.graph FROM journeys j JOIN journey_versions v ON v.id = j.live_version_id WHERE j.id = $1`,
      [journeyId],
    );
    if (!journey || journey.status !== 'live') return { matched: 0 };
    const saved = await SegmentStore.conditionsOf(this.dataSource.manager, [journey.project_id]);
    const segments = new Map<string, Condition>([...saved].map(([id, segment]) => [id, segment.condition]));
    let matched = 0;
    for (const node of segmentEntries(journey.graph)) {
      let compiled: CompiledSegment;
      try {
        compiled = compileSegment(node.data.segment, { segments });
      } catch (error) {
        if (!(error instanceof SegmentRefusal)) throw error;
        this.logger.warn(`Segment launch of journey ${journeyId}, node ${node.id} skipped: ${error.message}`);
        continue;
      }
      let after: string | undefined;
      for (;;) {
        const query = segmentScanQuery(compiled, journey.project_id, new Date(now), { after, scan: SLICE });
        const [slice] = await this.dataSource.query<Array<{ last: string | null; ids: string[] }>>(query.sql, query.params);
        if (slice.last === null) break;
        after = slice.last;
        matched += slice.ids.length;
        for (let start = 0; start < slice.ids.length; start += 1000) {
          const data: EnterUsersJob = { journeyId, entryNodeId: node.id, userIds: slice.ids.slice(start, start + 1000), attributes: {} };
          await this.entries.add('enter', data, { removeOnComplete: true });
        }
      }
    }
    this.logger.log(`Segment launch of journey ${journeyId}: ${matched} users queued to enter`);
    return { matched };
  }
}

function segmentEntries(graph: JourneyGraph): Array<NodeOfType<'entry.segment'>> {
  return graph.nodes.filter((node): node is NodeOfType<'entry.segment'> => node.type === 'entry.segment');
}
