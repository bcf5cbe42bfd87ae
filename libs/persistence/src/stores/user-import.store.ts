import { type EntityManager } from 'typeorm';
import { type UserImportFormat, UserImportEntity, type UserImportStatus } from '../entities/user-import.entity';

/** A line of an import that was not imported. */
export interface RejectedImportLine {
  line: number;
  reason: string;
  content: string;
}

/** The one writer of `user_imports` and `user_import_rejections`. */
export const UserImportStore = {
  async create(manager: EntityManager, projectId: string, options: { format: UserImportFormat; defaultCountry: string | null }): Promise<string> {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO user_imports (project_id, format, default_country, status) VALUES ($1, $2, $3, 'running') RETURNING id`,
      [projectId, options.format, options.defaultCountry],
    );
    return row.id;
  },

  async find(manager: EntityManager, projectId: string, id: string): Promise<UserImportEntity | null> {
    return manager.getRepository(UserImportEntity).findOneBy({ projectId, id });
  },

  /** Counts a chunk in: rows imported and the lines rejected (one set-based insert). */
  async recordChunk(manager: EntityManager, id: string, imported: number, rejected: readonly RejectedImportLine[]): Promise<void> {
    if (rejected.length > 0) {
      await manager.query(
        `INSERT INTO user_import_rejections (import_id, line, reason, content)
         SELECT $1, line, reason, content FROM unnest($2::int[], $3::text[], $4::text[]) AS r(line, reason, content)
         ON CONFLICT (import_id, line) DO NOTHING`,
        [id, rejected.map((row) => row.line), rejected.map((row) => row.reason), rejected.map((row) => row.content)],
      );
    }
    await manager.query(`UPDATE user_imports SET rows_imported = rows_imported + $2, rows_rejected = rows_rejected + $3, progressed_at = now() WHERE id = $1`, [
      id,
      imported,
      rejected.length,
    ]);
  },

  async finish(manager: EntityManager, id: string, status: Exclude<UserImportStatus, 'running'>, error: string | null, at: Date): Promise<void> {
    await manager.query(`UPDATE user_imports SET status = $2, error = $3, finished_at = $4 WHERE id = $1 AND status = 'running'`, [id, status, error, at]);
  },

  /** Rejected lines in line order, a page at a time (the report streams them). */
  async rejectedLines(manager: EntityManager, id: string, afterLine: number, limit: number): Promise<RejectedImportLine[]> {
    return manager.query<RejectedImportLine[]>(
      `SELECT line, reason, content FROM user_import_rejections WHERE import_id = $1 AND line > $2 ORDER BY line LIMIT $3`,
      [id, afterLine, limit],
    );
  },
};
