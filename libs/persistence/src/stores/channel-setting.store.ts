import { type EntityManager } from 'typeorm';

/** A stored channel configuration, as read back after a write (secrets still sealed). */
export interface StoredChannelSettingRow {
  channel: string;
  provider: string;
  settings: Record<string, unknown>;
  updated_at: Date;
}

/** The one writer of `channel_settings` (a project's provider and its sealed credentials per channel). */
export const ChannelSettingStore = {
  /** The stored settings of one channel, locked until the transaction ends (for edits that keep secrets). */
  async lockSettings(manager: EntityManager, projectId: string, channel: string): Promise<Record<string, unknown> | undefined> {
    const [row] = await manager.query<Array<{ settings: Record<string, unknown> }>>(
      `SELECT settings FROM channel_settings WHERE project_id = $1 AND channel = $2 FOR UPDATE`,
      [projectId, channel],
    );
    return row?.settings;
  },

  /**
   * Stores a channel's provider and settings (secrets already sealed). `updated_at` always moves
   * forward: workers rebuild a provider when it changes (compared in ms).
   */
  async save(manager: EntityManager, projectId: string, channel: string, provider: string, settings: object): Promise<StoredChannelSettingRow> {
    const [row] = await manager.query<StoredChannelSettingRow[]>(
      `INSERT INTO channel_settings (project_id, channel, provider, settings, updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (project_id, channel) DO UPDATE
         SET provider = excluded.provider, settings = excluded.settings,
             updated_at = greatest(now(), channel_settings.updated_at + interval '1 millisecond')
       RETURNING channel, provider, settings, updated_at`,
      [projectId, channel, provider, JSON.stringify(settings)],
    );
    return row;
  },

  /**
   * Replaces a row's settings only if they are still `expected` (a save meanwhile wins); returns
   * whether it replaced them.
   */
  async replaceIfUnchanged(manager: EntityManager, projectId: string, channel: string, expected: object, settings: object): Promise<boolean> {
    const [, updated] = await manager.query<[unknown[], number]>(
      `UPDATE channel_settings SET settings = $3 WHERE project_id = $1 AND channel = $2 AND settings = $4::jsonb`,
      [projectId, channel, JSON.stringify(settings), JSON.stringify(expected)],
    );
    return updated > 0;
  },

  /** Back to the sandbox: the row and its secrets are gone. */
  async remove(manager: EntityManager, projectId: string, channel: string): Promise<void> {
    await manager.query(`DELETE FROM channel_settings WHERE project_id = $1 AND channel = $2`, [projectId, channel]);
  },
};
