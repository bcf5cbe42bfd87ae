import { type JourneyGraph } from '@engine/journey';
import { type EntityManager, type ObjectLiteral, type QueryPartialEntity } from 'typeorm';
import { JourneyEntity, type JourneyStatus } from '../entities/journey.entity';
import { JourneyVersionEntity } from '../entities/journey-version.entity';

/**
 * SQL for the next `updated_at` of an edited draft: at least 1 ms after the previous value, so two
 * edits within one millisecond still get distinct revisions (ISO strings carry milliseconds).
 */
const NEXT_REVISION_SQL = "greatest(now(), date_trunc('milliseconds', updated_at) + interval '1 millisecond')";

/**
 * The one writer of `journeys` and `journey_versions`. `updated_at` is the draft's revision: only
 * draft edits move it (a status change or a publish keeps it, as an open canvas keeps saving).
 */
export const JourneyStore = {
  /** Creates drafts; returns their ids in the same order. */
  async createDrafts(manager: EntityManager, drafts: ReadonlyArray<{ projectId: string; name: string; draftGraph: JourneyGraph }>): Promise<string[]> {
    const saved = await manager.save(
      JourneyEntity,
      drafts.map((draft) => manager.create(JourneyEntity, { ...draft, status: 'draft' as const })),
    );
    return saved.map((journey) => journey.id);
  },

  /** Changes a draft's name and/or graph, moving its revision. */
  async editDraft(manager: EntityManager, journeyId: string, changes: { name?: string; graph?: JourneyGraph }): Promise<void> {
    // Typed shallowly: the graph is one JSON value, and TypeORM 1's deep partial entity type
    // recurses into it until the compiler gives up.
    const set: QueryPartialEntity<JourneyEntity> = {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.graph !== undefined ? { draftGraph: changes.graph } : {}),
      updatedAt: () => NEXT_REVISION_SQL,
    };
    await manager.createQueryBuilder().update<ObjectLiteral>(JourneyEntity).set(set).where('id = :id', { id: journeyId }).execute();
  },

  /**
   * Freezes `graph` as the journey's next immutable version and makes it the live one. Call with
   * the journey row locked, so concurrent publishes get consecutive numbers.
   */
  async publishVersion(
    manager: EntityManager,
    journey: { projectId: string; journeyId: string; graph: JourneyGraph; compiledHash: string; entryEvents: string[] },
  ): Promise<JourneyVersionEntity> {
    const [{ next }] = await manager.query<{ next: number }[]>('SELECT coalesce(max(version), 0) + 1 AS next FROM journey_versions WHERE journey_id = $1', [
      journey.journeyId,
    ]);
    const version = await manager.save(
      manager.create(JourneyVersionEntity, {
        projectId: journey.projectId,
        journeyId: journey.journeyId,
        version: next,
        graph: journey.graph,
        compiledHash: journey.compiledHash,
      }),
    );
    await manager
      .createQueryBuilder()
      .update(JourneyEntity)
      .set({ status: 'live', liveVersionId: version.id, liveVersionNumber: next, entryEvents: journey.entryEvents, updatedAt: () => 'updated_at' })
      .where('id = :id', { id: journey.journeyId })
      .execute();
    return version;
  },

  async setStatus(manager: EntityManager, journeyId: string, status: JourneyStatus): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(JourneyEntity)
      .set({ status, updatedAt: () => 'updated_at' })
      .where('id = :id', { id: journeyId })
      .execute();
  },
};
