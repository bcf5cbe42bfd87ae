import { MIGRATIONS } from '../data-source/migrations';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

/**
 * Foreign keys live in the migrations only (entities stay plain rows, no lazy relations), so the
 * schema builder would drop them; every other difference means an entity and a migration disagree.
 */
async function schemaDrift(db: TestDatabase): Promise<string[]> {
  const diff = await db.dataSource.driver.createSchemaBuilder().log();
  return diff.upQueries.map((query) => query.query).filter((sql) => !/DROP CONSTRAINT "\w+_fkey"$/.test(sql));
}

describe('migrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('create exactly the schema the entities describe', async () => {
    expect(await schemaDrift(db)).toEqual([]);
  });

  it('keep foreign keys that erase a user with everything of theirs', async () => {
    const rows = await db.dataSource.query<Array<{ conname: string }>>(
      `SELECT conname FROM pg_constraint WHERE contype = 'f' AND confdeltype = 'c' AND conname LIKE '%user_id_fkey' ORDER BY conname`,
    );
    expect(rows.map((row) => row.conname)).toEqual(['events_user_id_fkey', 'journey_instances_user_id_fkey', 'messages_user_id_fkey']);
  });

  it('remember the event names projects received before the names table existed', async () => {
    const namesTableExists = async () =>
      (await db.dataSource.query<Array<{ found: string | null }>>(`SELECT to_regclass('project_event_names')::text AS found`))[0].found !== null;
    while (await namesTableExists()) await db.dataSource.undoLastMigration();
    const [project] = await db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO projects (name, api_key_hash, api_key_prefix) VALUES ('Old', 'hash-old', 'jk_old') RETURNING id`,
    );
    const [user] = await db.dataSource.query<Array<{ id: string }>>(`INSERT INTO users (project_id, external_id) VALUES ($1, 'u') RETURNING id`, [project.id]);
    await db.dataSource.query(
      `INSERT INTO events (project_id, user_id, name, occurred_at, received_at)
       VALUES ($1, $2, 'Purchase', now(), '2026-01-01T00:00:00Z'), ($1, $2, 'Purchase', now(), '2026-02-01T00:00:00Z'), ($1, $2, 'Signup', now(), '2026-01-15T00:00:00Z')`,
      [project.id, user.id],
    );
    await db.dataSource.runMigrations();
    const names = await db.dataSource.query<Array<{ name: string; first_seen_at: Date; last_seen_at: Date }>>(
      `SELECT name, first_seen_at, last_seen_at FROM project_event_names WHERE project_id = $1 ORDER BY name`,
      [project.id],
    );
    expect(names).toEqual([
      { name: 'Purchase', first_seen_at: new Date('2026-01-01T00:00:00Z'), last_seen_at: new Date('2026-02-01T00:00:00Z') },
      { name: 'Signup', first_seen_at: new Date('2026-01-15T00:00:00Z'), last_seen_at: new Date('2026-01-15T00:00:00Z') },
    ]);
    await db.dataSource.query(`DELETE FROM projects WHERE id = $1`, [project.id]);
    expect(await db.dataSource.query(`SELECT * FROM project_event_names`)).toEqual([]);
  });

  it("turn each project's single key into its full-scope Default key", async () => {
    const apiKeysTableExists = async () =>
      (await db.dataSource.query<Array<{ found: string | null }>>(`SELECT to_regclass('api_keys')::text AS found`))[0].found !== null;
    while (await apiKeysTableExists()) await db.dataSource.undoLastMigration();
    const [project] = await db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO projects (name, api_key_hash, api_key_prefix) VALUES ('Keyed', 'hash-keyed', 'jk_keyd') RETURNING id`,
    );
    await db.dataSource.runMigrations();
    const keys = await db.dataSource.query<Array<{ name: string; scope: string; key_hash: string; key_prefix: string; revoked_at: Date | null }>>(
      `SELECT name, scope, key_hash, key_prefix, revoked_at FROM api_keys WHERE project_id = $1`,
      [project.id],
    );
    expect(keys).toEqual([{ name: 'Default key', scope: 'full', key_hash: 'hash-keyed', key_prefix: 'jk_keyd', revoked_at: null }]);
    await db.dataSource.query(`DELETE FROM projects WHERE id = $1`, [project.id]);
  });

  it('revert cleanly and apply again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await db.dataSource.undoLastMigration();
    const tables = await db.dataSource.query<Array<{ count: string }>>(
      `SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(tables[0].count).toBe('0');
    await db.dataSource.runMigrations();
    expect(await schemaDrift(db)).toEqual([]);
  });
});
