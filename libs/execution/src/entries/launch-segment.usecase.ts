import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { durationMs, evaluateCondition, type JourneyGraph, type NodeOfType } from '@engine/journey';
import { AppUserEntity } from '@engine/persistence';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { userFacts } from '../users/user-facts';
import { type EnterUsersJob, QUEUES, type UnreachableTries } from '../queues/queue-names';

const PAGE = 1000;

export interface LaunchSegmentJob extends UnreachableTries {
  journeyId: string;
}

/**
 * Enters every user matching the segment of a live journey's `entry.segment` nodes. Users are read
 * page by page (keyset on id), so memory stays flat however large the project; matches are queued
 * as entry jobs, and the re-entry policy decides at entry time.
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

  async launch(journeyId: string, now = Date.now()): Promise<{ matched: number; scanned: number }> {
    const [journey] = await this.dataSource.query<Array<{ project_id: string; status: string; graph: JourneyGraph }>>(
      `SELECT j.project_id, j.status, v.graph FROM journeys j JOIN journey_versions v ON v.id = j.live_version_id WHERE j.id = $1`,
      [journeyId],
    );
    if (!journey || journey.status !== 'live') return { matched: 0, scanned: 0 };
    const nodes = segmentEntries(journey.graph);
    let after = '00000000-0000-0000-0000-000000000000';
    let matched = 0;
    let scanned = 0;
    for (;;) {
      const page = await this.dataSource
        .getRepository(AppUserEntity)
        .createQueryBuilder('u')
        .where('u.project_id = :projectId AND u.id > :after', { projectId: journey.project_id, after })
        .orderBy('u.id')
        .limit(PAGE)
        .getMany();
      if (page.length === 0) break;
      scanned += page.length;
      after = page[page.length - 1].id;
      const jobs: Array<{ name: string; data: EnterUsersJob; opts: { removeOnComplete: boolean } }> = [];
      for (const node of nodes) {
        const userIds = page.filter((user) => evaluateCondition(node.data.segment, { user: userFacts(user) }, now)).map((user) => user.id);
        if (userIds.length > 0) jobs.push({ name: 'enter', data: { journeyId, entryNodeId: node.id, userIds, attributes: {} }, opts: { removeOnComplete: true } });
        matched += userIds.length;
      }
      if (jobs.length > 0) await this.entries.addBulk(jobs);
    }
    this.logger.log(`Segment launch of journey ${journeyId}: ${matched} of ${scanned} users queued to enter`);
    return { matched, scanned };
  }
}

function segmentEntries(graph: JourneyGraph): Array<NodeOfType<'entry.segment'>> {
  return graph.nodes.filter((node): node is NodeOfType<'entry.segment'> => node.type === 'entry.segment');
}
