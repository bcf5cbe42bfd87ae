import { type StepEntry, STEP_LOG_LIMIT } from '@engine/journey';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { InstanceStore, type InstanceWrite } from './instance.store';

/** The step log kept on the instance row: appended in the step's UPDATE, bounded, dropped entries counted. */
describe('InstanceStore: the step log', () => {
  let db: TestDatabase;
  let base: Omit<InstanceWrite, 'id' | 'newSteps' | 'loadedLockVersion'>;

  beforeAll(async () => {
    db = await createTestDatabase();
    const sql = db.dataSource;
    const [project] = await sql.query<Array<{ id: string }>>(`INSERT INTO projects (name) VALUES ('Log') RETURNING id`);
    const [user] = await sql.query<Array<{ id: string }>>(`INSERT INTO users (project_id, external_id) VALUES ($1, 'u') RETURNING id`, [project.id]);
    const [journey] = await sql.query<Array<{ id: string }>>(`INSERT INTO journeys (project_id, name, draft_graph) VALUES ($1, 'J', '{}') RETURNING id`, [project.id]);
    const [version] = await sql.query<Array<{ id: string }>>(
      `INSERT INTO journey_versions (project_id, journey_id, version, graph, compiled_hash) VALUES ($1, $2, 1, '{}', 'h') RETURNING id`,
      [project.id, journey.id],
    );
    base = {
      projectId: project.id,
      journeyId: journey.id,
      versionId: version.id,
      userId: user.id,
      status: 'active',
      snapshot: {},
      currentNodeId: 'a',
      waitingFor: [],
      timerId: null,
      enteredAt: new Date(),
      endedAt: null,
    };
  });
  afterAll(async () => {
    await db.drop();
  });

  const entries = (from: number, count: number): StepEntry[] => Array.from({ length: count }, (_, i) => ({ kind: 'event', name: `E${from + i}`, at: from + i }));
  const read = async (id: string) =>
    (await db.dataSource.query<Array<{ steps: StepEntry[]; steps_dropped: number }>>(`SELECT steps, steps_dropped FROM journey_instances WHERE id = $1`, [id]))[0];

  it('appends each step’s entries, keeps the last STEP_LOG_LIMIT and counts the ones it dropped', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    await InstanceStore.insert(db.dataSource.manager, [{ ...base, id, loadedLockVersion: 0, newSteps: entries(0, 150) }]);
    expect(await read(id)).toEqual({ steps: entries(0, 150), steps_dropped: 0 });

    await InstanceStore.update(db.dataSource.manager, [{ ...base, id, loadedLockVersion: 0, newSteps: entries(150, 30) }]);
    expect(await read(id)).toEqual({ steps: entries(0, 180), steps_dropped: 0 });

    await InstanceStore.update(db.dataSource.manager, [{ ...base, id, loadedLockVersion: 1, newSteps: entries(180, 70) }]);
    expect(await read(id)).toEqual({ steps: entries(50, STEP_LOG_LIMIT), steps_dropped: 50 });

    // An instance that starts with more than the limit (a long inline chain) keeps the last ones too.
    const long = '00000000-0000-4000-8000-000000000002';
    await InstanceStore.insert(db.dataSource.manager, [{ ...base, id: long, loadedLockVersion: 0, newSteps: entries(0, 230) }]);
    expect(await read(long)).toEqual({ steps: entries(30, STEP_LOG_LIMIT), steps_dropped: 30 });
  });

  it('records that archiving stopped the instance', async () => {
    const id = '00000000-0000-4000-8000-000000000003';
    await InstanceStore.insert(db.dataSource.manager, [{ ...base, id, loadedLockVersion: 0, newSteps: entries(0, 1) }]);
    await InstanceStore.stopActiveOfJourney(db.dataSource.manager, base.journeyId);
    const { steps } = await read(id);
    expect(steps.map((step) => step.kind)).toEqual(['event', 'stopped']);
    expect(Math.abs(steps[1].at - Date.now())).toBeLessThan(60_000);
  });
});
