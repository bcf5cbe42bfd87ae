import { Injectable } from '@nestjs/common';
import { compileJourney, type JourneyGraph, type JourneyMachine } from '@engine/journey';
import { type EntityManager } from 'typeorm';

/**
 * Compiled machines by version id. Versions are immutable, so entries never go stale and a cached
 * version costs no query; only the size is bounded (least recently used goes first).
 */
@Injectable()
export class CompiledJourneys {
  private readonly byVersion = new Map<string, JourneyMachine>();
  private readonly capacity = 1000;

  /** The compiled machines of these versions, loading only graphs not compiled yet. */
  async load(manager: EntityManager, versionIds: string[]): Promise<Map<string, JourneyMachine>> {
    const ids = [...new Set(versionIds)];
    const missing = ids.filter((id) => !this.byVersion.has(id));
    if (missing.length > 0) {
      const rows = await manager.query<Array<{ id: string; graph: JourneyGraph }>>(`SELECT id, graph FROM journey_versions WHERE id = ANY($1)`, [missing]);
      for (const row of rows) this.remember(row.id, compileJourney(row.graph, { id: row.id }));
    }
    const result = new Map<string, JourneyMachine>();
    for (const id of ids) {
      const compiled = this.byVersion.get(id);
      if (!compiled) throw new Error(`Journey version ${id} does not exist`);
      // refresh recency for the LRU order
      this.byVersion.delete(id);
      this.byVersion.set(id, compiled);
      result.set(id, compiled);
    }
    return result;
  }

  async loadOne(manager: EntityManager, versionId: string): Promise<JourneyMachine> {
    return (await this.load(manager, [versionId])).get(versionId)!;
  }

  private remember(versionId: string, compiled: JourneyMachine): void {
    this.byVersion.set(versionId, compiled);
    if (this.byVersion.size > this.capacity) {
      const oldest = this.byVersion.keys().next().value;
      if (oldest !== undefined) this.byVersion.delete(oldest);
    }
  }
}
