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

  it('revert cleanly and apply again', async () => {
    await db.dataSource.undoLastMigration();
    await db.dataSource.undoLastMigration();
    const tables = await db.dataSource.query<Array<{ count: string }>>(
      `SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(tables[0].count).toBe('0');
    await db.dataSource.runMigrations();
    expect(await schemaDrift(db)).toEqual([]);
  });
});
