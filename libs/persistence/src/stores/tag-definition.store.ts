import { type TagType } from '@engine/journey';
import { type EntityManager } from 'typeorm';
import { TagDefinitionEntity } from '../entities/tag-definition.entity';

/** SQL that is true when a jsonb value `v` does not fit the tag type `$type` (for the count behind a type change's 409). */
const VALUE_DOES_NOT_FIT = `
  CASE $3::text
    WHEN 'string' THEN jsonb_typeof(v) <> 'string'
    WHEN 'integer' THEN jsonb_typeof(v) <> 'number' OR (v #>> '{}')::numeric <> trunc((v #>> '{}')::numeric)
    WHEN 'decimal' THEN jsonb_typeof(v) <> 'number'
    WHEN 'boolean' THEN jsonb_typeof(v) <> 'boolean'
    WHEN 'date' THEN jsonb_typeof(v) <> 'string' OR (v #>> '{}') !~ '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2}))?$'
    WHEN 'list' THEN jsonb_typeof(v) <> 'array' OR EXISTS (SELECT 1 FROM jsonb_array_elements(v) item WHERE jsonb_typeof(item) <> 'string')
  END`;

/** The one writer of `tag_definitions`: the project's tag catalogue. */
export const TagDefinitionStore = {
  async list(manager: EntityManager, projectId: string): Promise<TagDefinitionEntity[]> {
    return manager.getRepository(TagDefinitionEntity).find({ where: { projectId }, order: { name: 'ASC' } });
  },

  async find(manager: EntityManager, projectId: string, name: string): Promise<TagDefinitionEntity | null> {
    return manager.getRepository(TagDefinitionEntity).findOneBy({ projectId, name });
  },

  /** The types of the named tags the catalogue knows. */
  async typesOf(manager: EntityManager, projectId: string, names: readonly string[]): Promise<Map<string, TagType>> {
    if (names.length === 0) return new Map();
    const rows = await manager.query<Array<{ name: string; type: TagType }>>(
      `SELECT name, type FROM tag_definitions WHERE project_id = $1 AND name = ANY($2::text[])`,
      [projectId, [...new Set(names)]],
    );
    return new Map(rows.map((row) => [row.name, row.type]));
  },

  /** The types of the named tags per project (one query; none when no tag is named). */
  async typesByProject(manager: EntityManager, projectIds: readonly string[], names: readonly string[]): Promise<Map<string, Map<string, TagType>>> {
    const result = new Map<string, Map<string, TagType>>();
    if (names.length === 0 || projectIds.length === 0) return result;
    const rows = await manager.query<Array<{ project_id: string; name: string; type: TagType }>>(
      `SELECT project_id, name, type FROM tag_definitions WHERE project_id = ANY($1::uuid[]) AND name = ANY($2::text[])`,
      [projectIds, names],
    );
    for (const row of rows) {
      const types = result.get(row.project_id) ?? new Map<string, TagType>();
      types.set(row.name, row.type);
      result.set(row.project_id, types);
    }
    return result;
  },

  /** Creates a tag; false when the project already has one of that name. */
  async create(manager: EntityManager, projectId: string, tag: { name: string; type: TagType; description: string }): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO tag_definitions (project_id, name, type, description) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING name`,
      [projectId, tag.name, tag.type, tag.description],
    );
    return rows.length > 0;
  },

  /**
   * Registers tags first written with the type their value gave them, in one statement; a tag
   * another writer registered meanwhile keeps its type. Returns the catalogue's type of every
   * tag named (re-read after the insert, so concurrent first writes agree on one type).
   */
  async register(manager: EntityManager, projectId: string, tags: ReadonlyArray<{ name: string; type: TagType }>): Promise<Map<string, TagType>> {
    if (tags.length === 0) return new Map();
    const first = new Map<string, TagType>();
    for (const tag of tags) if (!first.has(tag.name)) first.set(tag.name, tag.type);
    const names = [...first.keys()].sort();
    await manager.query(
      `INSERT INTO tag_definitions (project_id, name, type) SELECT $1, name, type FROM unnest($2::text[], $3::text[]) AS t(name, type)
       ON CONFLICT (project_id, name) DO NOTHING`,
      [projectId, names, names.map((name) => first.get(name))],
    );
    return TagDefinitionStore.typesOf(manager, projectId, names);
  },

  /** Locks a tag's row (a type change counts the values in the way under it). */
  async lock(manager: EntityManager, projectId: string, name: string): Promise<TagDefinitionEntity | undefined> {
    const [row] = await manager.query<Array<{ name: string; type: TagType; description: string; created_at: Date }>>(
      `SELECT name, type, description, created_at FROM tag_definitions WHERE project_id = $1 AND name = $2 FOR UPDATE`,
      [projectId, name],
    );
    return row && Object.assign(new TagDefinitionEntity(), { projectId, name: row.name, type: row.type, description: row.description, createdAt: row.created_at });
  },

  /** How many users of the project hold a value of the tag that does not fit `type`. */
  async countValuesNotOfType(manager: EntityManager, projectId: string, name: string, type: TagType): Promise<number> {
    const [row] = await manager.query<Array<{ count: string }>>(
      `SELECT count(*) AS count FROM (SELECT tags -> $2 AS v FROM users WHERE project_id = $1 AND tags ? $2) held WHERE ${VALUE_DOES_NOT_FIT}`,
      [projectId, name, type],
    );
    return Number(row.count);
  },

  async update(manager: EntityManager, projectId: string, name: string, changes: { type?: TagType; description?: string }): Promise<void> {
    await manager.query(
      `UPDATE tag_definitions SET type = coalesce($3, type), description = coalesce($4, description) WHERE project_id = $1 AND name = $2`,
      [projectId, name, changes.type ?? null, changes.description ?? null],
    );
  },

  /** Removes a tag from the catalogue (users keep their values); false when there was none. */
  async delete(manager: EntityManager, projectId: string, name: string): Promise<boolean> {
    const [, affected] = await manager.query<[unknown[], number]>(`DELETE FROM tag_definitions WHERE project_id = $1 AND name = $2`, [projectId, name]);
    return affected > 0;
  },
};
