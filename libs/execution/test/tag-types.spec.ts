import { Logger } from '@nestjs/common';
import { type JourneyGraph } from '@engine/journey';
import { eventually } from '@engine/persistence/testing';
import { IngestEvents } from '../src/ingest/ingest-events.usecase';
import { type ExecutionHarness, publishJourney, startExecutionHarness } from '../src/testing/execution-harness';
import { createReachableUser, edge, instancesOf, node } from './fixtures';

/** Order -> "country DE and reachable on WhatsApp?" -> yes: update tags -> exit; no: exit. */
const journey: JourneyGraph = {
  formatVersion: 1,
  nodes: [
    node('entry', 'entry.event', { event: 'Order' }, 0),
    node('german', 'branch.condition', { condition: { and: [{ field: 'user.country', op: 'eq', value: 'DE' }, { field: 'user.reachable.whatsapp', op: 'eq', value: true }] } }, 200),
    node(
      'tags',
      'update.tags',
      {
        operations: [
          { op: 'set', tag: 'visits', value: '{{event.count}}' },
          { op: 'set', tag: 'plan', value: 'gold' },
          { op: 'set', tag: 'last_order', value: '{{event.day}}' },
          { op: 'set', tag: 'vip', value: true },
          { op: 'increment', tag: 'score', value: 1.5 },
        ],
      },
      400,
    ),
    node('exit', 'exit', {}, 600),
    node('exit-other', 'exit', {}, 600),
  ],
  edges: [edge('entry', 'german'), edge('german', 'tags', 'yes'), edge('german', 'exit-other', 'no'), edge('tags', 'exit')],
  settings: { goals: [], reentry: { mode: 'always' }, throttling: [] },
};

describe('tag types in update.tags steps', () => {
  let h: ExecutionHarness;
  beforeAll(async () => {
    h = await startExecutionHarness();
    await h.db.dataSource.query(
      `INSERT INTO tag_definitions (project_id, name, type) VALUES ($1, 'visits', 'integer'), ($1, 'plan', 'string'), ($1, 'last_order', 'date'), ($1, 'score', 'decimal')`,
      [h.projectId],
    );
    await publishJourney(h.db, h.projectId, journey);
  });
  afterAll(async () => {
    await h.close();
  });

  it('writes the values that fit their types, refuses the others (logged), registers new tags, and finishes the journey', async () => {
    const warnings = jest.spyOn(Logger.prototype, 'warn');
    const user = await createReachableUser(h.db, h.projectId, 'typed');
    await h.db.dataSource.query(`UPDATE users SET country = 'DE', tags = '{"visits": 3, "score": 1}' WHERE id = $1`, [user.id]);
    const ingest = h.app.get(IngestEvents);
    await ingest.ingest(h.projectId, [{ userId: 'typed', name: 'Order', attributes: { count: 'four', day: '2026-03-01' }, occurredAt: new Date() }]);

    await eventually(async () => (await instancesOf(h.db, user.id))[0]?.status === 'completed', 10_000, 'the journey to finish');
    const [row] = await h.db.dataSource.query<Array<{ tags: Record<string, unknown>; last_seen_at: Date | null }>>(`SELECT tags, last_seen_at FROM users WHERE id = $1`, [user.id]);
    // "four" is not an integer: visits keeps 3; the rest is written.
    expect(row.tags).toEqual({ visits: 3, plan: 'gold', last_order: '2026-03-01', vip: true, score: 2.5 });
    expect(row.last_seen_at).toBeInstanceOf(Date);
    // The user's story says what was written and what was refused, and why.
    const [instance] = await h.db.dataSource.query<Array<{ steps: Array<{ kind: string; node?: string; tags?: string[]; tag?: string; reason?: string }> }>>(
      `SELECT steps FROM journey_instances WHERE user_id = $1`,
      [user.id],
    );
    const atTags = instance.steps.filter((entry) => entry.node === 'tags' && (entry.kind === 'tags-updated' || entry.kind === 'tag-refused'));
    expect(atTags).toEqual([
      expect.objectContaining({ kind: 'tags-updated', tags: expect.not.arrayContaining(['visits']) as unknown }),
      expect.objectContaining({ kind: 'tag-refused', tag: 'visits', reason: 'visits must be an integer, not "four"' }),
    ]);
    const [vip] = await h.db.dataSource.query<Array<{ type: string }>>(`SELECT type FROM tag_definitions WHERE project_id = $1 AND name = 'vip'`, [h.projectId]);
    expect(vip.type).toBe('boolean');
    expect(warnings.mock.calls.map(([message]) => String(message))).toContainEqual(
      expect.stringMatching(/^update\.tags not written: user "typed", journey [0-9a-f-]+, node tags: visits must be an integer, not "four"$/),
    );

    // A user outside Germany takes the other path: the default tag decides.
    const other = await createReachableUser(h.db, h.projectId, 'elsewhere');
    await h.db.dataSource.query(`UPDATE users SET country = 'IN' WHERE id = $1`, [other.id]);
    await ingest.ingest(h.projectId, [{ userId: 'elsewhere', name: 'Order', attributes: { count: 1, day: '2026-03-01' }, occurredAt: new Date() }]);
    await eventually(async () => (await instancesOf(h.db, other.id))[0]?.current_node_id === 'exit-other', 10_000, 'the other path');
  });
});
