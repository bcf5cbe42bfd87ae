// Counts a segment (one tag condition and one event-history condition) over generated users and
// events through the segment compiler, next to the same condition written by hand in SQL, and
// prints their ratio; then the same with a GIN index on tags and with an expression index on the
// tag, and the time to page through the matching ids as a segment launch does.
// `npm run bench -- segments [--users 1000000] [--events-per-user 10] [--runs 3]`
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { Client } = require('pg');
const { DataSource } = require('typeorm');
const { dataSourceOptions, compileSegment, segmentCountQuery, segmentScanQuery } = require('@engine/persistence');

const { values } = parseArgs({
  options: { users: { type: 'string', default: '1000000' }, 'events-per-user': { type: 'string', default: '10' }, runs: { type: 'string', default: '3' } },
});
const USERS = Number(values.users);
const PER_USER = Number(values['events-per-user']);
const RUNS = Number(values.runs);
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const condition = {
  and: [
    { field: 'tags.plan', op: 'eq', value: 'pro' },
    { history: { event: 'Order', where: { field: 'event.cuisine', op: 'eq', value: 'asian' }, within: '90d' } },
  ],
};
const HAND_WRITTEN = `SELECT count(*)::int AS count FROM users u
  WHERE u.project_id = $1 AND u.tags ->> 'plan' = 'pro'
    AND EXISTS (SELECT 1 FROM events e WHERE e.user_id = u.id AND e.name = 'Order' AND e.attributes ->> 'cuisine' = 'asian' AND e.occurred_at >= $2::timestamptz - interval '90 days')`;
const HAND_WRITTEN_GIN = HAND_WRITTEN.replace(`u.tags ->> 'plan' = 'pro'`, `u.tags @> '{"plan":"pro"}'`);

const seconds = (ms) => (ms / 1000).toFixed(2);

async function median(run) {
  const times = [];
  let result;
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    result = await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], result };
}

async function main() {
  const name = `journeys_bench_seg_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = new DataSource({ ...dataSourceOptions(url.toString()), extra: { max: 2 } });
  await db.initialize();
  try {
    await db.runMigrations();
    const [{ id: projectId }] = await db.query(`INSERT INTO projects (name) VALUES ('Bench') RETURNING id`);
    let start = performance.now();
    await db.query(
      `INSERT INTO users (project_id, external_id, tags)
       SELECT $1, 'user-' || i, jsonb_build_object('plan', CASE WHEN i % 10 = 0 THEN 'pro' ELSE 'free' END, 'country', CASE WHEN i % 3 = 0 THEN 'IN' ELSE 'DE' END, 'age', i % 80)
         FROM generate_series(1, $2::int) AS i`,
      [projectId, USERS],
    );
    console.log(`${USERS} users in ${seconds(performance.now() - start)} s`);
    start = performance.now();
    // Processed already (the sweeper's partial index stays empty); one in seven orders is Asian, over 180 days.
    await db.query(
      `INSERT INTO events (project_id, user_id, name, attributes, occurred_at, processed_at)
       SELECT $1, u.id, CASE WHEN k % 2 = 0 THEN 'Order' ELSE 'Open' END,
              jsonb_build_object('cuisine', CASE WHEN (hashtext(u.external_id) + k) % 7 = 0 THEN 'asian' ELSE 'italian' END, 'amount', k * 3),
              now() - ((hashtext(u.external_id || k) & 1023) * interval '4 hours'), now()
         FROM users u CROSS JOIN generate_series(1, $2::int) AS k`,
      [projectId, PER_USER],
    );
    console.log(`${USERS * PER_USER} events in ${seconds(performance.now() - start)} s`);
    await db.query(`VACUUM ANALYZE users`);
    await db.query(`VACUUM ANALYZE events`);

    const now = new Date();
    const compiled = segmentCountQuery(compileSegment(condition), projectId, now);
    const count = async (sql, params) => (await db.query(sql, params))[0].count;
    const rows = [];
    const measure = async (label) => {
      const viaCompiler = await median(() => count(compiled.sql, compiled.params));
      const byHand = await median(() => count(HAND_WRITTEN, [projectId, now]));
      const byHandGin = await median(() => count(HAND_WRITTEN_GIN, [projectId, now]));
      if (viaCompiler.result !== byHand.result || byHand.result !== byHandGin.result) throw new Error(`counts differ: ${viaCompiler.result} ${byHand.result} ${byHandGin.result}`);
      rows.push({ label, count: viaCompiler.result, compiler: viaCompiler.ms, hand: byHand.ms, handGin: byHandGin.ms });
    };
    await measure('no index on tags');
    await db.query(`CREATE INDEX bench_users_tags_gin ON users USING gin (tags jsonb_path_ops)`);
    await db.query(`ANALYZE users`);
    await measure('GIN (jsonb_path_ops) on tags');
    await db.query(`DROP INDEX bench_users_tags_gin`);
    await db.query(`CREATE INDEX bench_users_plan ON users (project_id, (tags -> 'plan'))`);
    await db.query(`ANALYZE users`);
    await measure(`expression index on (project_id, tags -> 'plan')`);
    await db.query(`DROP INDEX bench_users_plan`);

    console.log(`\nSegment: tags.plan = "pro" AND did Order with cuisine = asian within 90d — ${rows[0].count} of ${USERS} users (median of ${RUNS})`);
    console.log('| index | compiler | by hand (->>) | by hand (@>) | compiler / by hand |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const row of rows) {
      console.log(`| ${row.label} | ${seconds(row.compiler)} s | ${seconds(row.hand)} s | ${seconds(row.handGin)} s | ${(row.compiler / row.hand).toFixed(2)} |`);
    }

    // A launch: slices of 10 000 users by id, as LaunchSegment walks them (queueing the ids is BullMQ's addBulk, measured by the engine bench).
    const segment = compileSegment(condition);
    start = performance.now();
    let after;
    let launched = 0;
    for (;;) {
      const slice = segmentScanQuery(segment, projectId, now, { after, scan: 10_000 });
      const [found] = await db.query(slice.sql, slice.params);
      if (found.last === null) break;
      after = found.last;
      launched += found.ids.length;
    }
    console.log(`\nLaunch walk: ${launched} matching ids in slices of 10 000 users in ${seconds(performance.now() - start)} s`);
  } finally {
    await db.destroy();
    const client = new Client({ connectionString: ADMIN_URL });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
