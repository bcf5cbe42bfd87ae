import { type EntityManager } from 'typeorm';
import { type ProjectRole } from '../entities/project-member.entity';

export interface MemberRow {
  accountId: string;
  email: string;
  role: ProjectRole;
  createdAt: Date;
}

export interface MembershipRow {
  projectId: string;
  projectName: string;
  role: ProjectRole;
}

/** The one writer of `project_members`. */
export const ProjectMemberStore = {
  /** Adds the account with this role, or changes its role when it is already a member. */
  async upsert(manager: EntityManager, projectId: string, accountId: string, role: ProjectRole): Promise<void> {
    await manager.query(
      `INSERT INTO project_members (project_id, account_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (project_id, account_id) DO UPDATE SET role = EXCLUDED.role`,
      [projectId, accountId, role],
    );
  },

  async remove(manager: EntityManager, projectId: string, accountId: string): Promise<boolean> {
    const result = await manager.query<[unknown[], number]>(`DELETE FROM project_members WHERE project_id = $1 AND account_id = $2`, [projectId, accountId]);
    return result[1] > 0;
  },

  async roleOf(manager: EntityManager, projectId: string, accountId: string): Promise<ProjectRole | null> {
    const rows = await manager.query<Array<{ role: ProjectRole }>>(`SELECT role FROM project_members WHERE project_id = $1 AND account_id = $2`, [projectId, accountId]);
    return rows[0]?.role ?? null;
  },

  async list(manager: EntityManager, projectId: string): Promise<MemberRow[]> {
    const rows = await manager.query<Array<{ account_id: string; email: string; role: ProjectRole; created_at: Date }>>(
      `SELECT m.account_id, a.email, m.role, m.created_at FROM project_members m JOIN accounts a ON a.id = m.account_id
        WHERE m.project_id = $1 ORDER BY m.created_at, a.email`,
      [projectId],
    );
    return rows.map((row) => ({ accountId: row.account_id, email: row.email, role: row.role, createdAt: row.created_at }));
  },

  async projectsOf(manager: EntityManager, accountId: string): Promise<MembershipRow[]> {
    const rows = await manager.query<Array<{ project_id: string; name: string; role: ProjectRole }>>(
      `SELECT m.project_id, p.name, m.role FROM project_members m JOIN projects p ON p.id = m.project_id
        WHERE m.account_id = $1 ORDER BY p.created_at, p.id`,
      [accountId],
    );
    return rows.map((row) => ({ projectId: row.project_id, projectName: row.name, role: row.role }));
  },

  async countOwners(manager: EntityManager, projectId: string): Promise<number> {
    const [row] = await manager.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM project_members WHERE project_id = $1 AND role = 'owner'`, [projectId]);
    return Number(row.n);
  },
};
