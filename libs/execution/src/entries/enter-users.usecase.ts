import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type JourneyGraph } from '@engine/journey';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { type EnterUsersJob, QUEUES } from '../queues/queue-names';
import { EntryRefusal } from './entry-refusal';
import { inTransaction, UserStore } from '@engine/persistence';

export interface ApiEntry {
  /** The customer's id of the user; unknown users are created. */
  userId: string;
  attributes: Record<string, unknown>;
}

const USERS_PER_ENTRY_JOB = 250;

/**
 * `POST /journeys/:id/entries`: checks the journey is live and has an API entry, makes sure the
 * users exist, and queues their entry. Re-entry rules apply when the entry is stepped. Refuses
 * with an `EntryRefusal`.
 */
@Injectable()
export class EnterUsersThroughApi {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.entries) private readonly entries: Queue,
  ) {}

  async enter(projectId: string, journeyId: string, entries: ApiEntry[], entryNodeId?: string): Promise<{ queued: number; entryNodeId: string }> {
    const [journey] = await this.dataSource.query<Array<{ status: string; graph: JourneyGraph | null }>>(
      `SELECT j.status, v.graph FROM journeys j LEFT JOIN journey_versions v ON v.id = j.live_version_id WHERE j.id = $1 AND j.project_id = $2`,
      [journeyId, projectId],
    );
    if (!journey) throw new EntryRefusal('journey-not-found', `No journey ${journeyId} in this project`);
    if (journey.status !== 'live' || !journey.graph) {
      throw new EntryRefusal('journey-not-live', `The journey is ${journey.status === 'draft' ? 'not published yet' : journey.status}; users can enter live journeys only`);
    }
    const apiEntries = journey.graph.nodes.filter((node) => node.type === 'entry.api').map((node) => node.id);
    if (apiEntries.length === 0) throw new EntryRefusal('no-api-entry', 'The journey has no API entry node ("Entry: API"); users enter it another way');
    const nodeId = entryNodeId ?? apiEntries[0];
    if (!apiEntries.includes(nodeId)) throw new EntryRefusal('not-an-api-entry', `entryNodeId "${nodeId}" is not an API entry of this journey (${apiEntries.join(', ')})`);

    const idOf = await inTransaction(this.dataSource, (manager) => UserStore.ensureExist(manager, projectId, entries.map((entry) => entry.userId)));
    // Entries with different attributes cannot share a job; group by attributes.
    const byAttributes = new Map<string, string[]>();
    for (const entry of entries) {
      const key = JSON.stringify(entry.attributes);
      byAttributes.set(key, [...(byAttributes.get(key) ?? []), idOf.get(entry.userId)!]);
    }
    const jobs: Array<{ name: string; data: EnterUsersJob; opts: { removeOnComplete: boolean; attempts: number; backoff: { type: 'exponential'; delay: number } } }> = [];
    for (const [attributes, userIds] of byAttributes) {
      for (let start = 0; start < userIds.length; start += USERS_PER_ENTRY_JOB) {
        jobs.push({
          name: 'enter',
          data: { journeyId, entryNodeId: nodeId, userIds: userIds.slice(start, start + USERS_PER_ENTRY_JOB), attributes: JSON.parse(attributes) as Record<string, unknown> },
          opts: { removeOnComplete: true, attempts: 8, backoff: { type: 'exponential', delay: 500 } },
        });
      }
    }
    await this.entries.addBulk(jobs);
    return { queued: entries.length, entryNodeId: nodeId };
  }
}
