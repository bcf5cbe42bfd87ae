import { eventually } from '@engine/persistence/testing';
import { parse } from 'csv-parse/sync';
import { startTestApp, type TestApp } from './test-app';

interface ImportStatus {
  id: string;
  status: 'running' | 'done' | 'failed';
  rowsImported: number;
  rowsRejected: number;
  rowsDone: number;
  rowsPerSecond: number;
  error: string | null;
  rejectedReportUrl: string;
}

describe('user imports', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.http().post('/api/v1/tags').set(t.auth).send({ name: 'visits', type: 'integer' }).expect(201);
    // A list column reads items separated by | once the catalogue says it is a list (a new tag would be typed string).
    await t.http().post('/api/v1/tags').set(t.auth).send({ name: 'cuisines', type: 'list' }).expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (body: string | Buffer, query: string, contentType = 'text/csv') =>
    t.http().post(`/api/v1/users/import?${query}`).set(t.auth).set('Content-Type', contentType).send(body);

  async function importFile(body: string, query: string, contentType?: string): Promise<ImportStatus> {
    const accepted = await upload(body, query, contentType).expect(202);
    const id = (accepted.body as ImportStatus).id;
    return eventually(async () => {
      const status = (await t.http().get(`/api/v1/users/imports/${id}`).set(t.auth).expect(200)).body as ImportStatus;
      return status.status !== 'running' && status;
    });
  }

  async function rejectedRows(status: ImportStatus): Promise<string[][]> {
    const response = await t.http().get(status.rejectedReportUrl).set(t.auth).expect(200).expect('content-type', /text\/csv/);
    const rows: unknown = parse(response.text);
    return rows as string[][];
  }

  async function users(prefix: string) {
    return t.db.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT external_id, phone, country, email, language, time_zone, tags, opt_ins FROM users WHERE project_id = $1 AND external_id LIKE $2 ORDER BY external_id`,
      [t.projectId, `${prefix}%`],
    );
  }

  const goodAndBad = [
    'external_id,phone,email,language,time_zone,opt_in_sms,plan,visits,since,cuisines',
    'c1,0151 1234 5678,c1@example.com,de,Europe/Berlin,false,pro,3,2026-01-15,asian|italian',
    'c2,+91 98765 43210,,en,,,free,,,',
    'c3,12,c3@example.com,,,,,,,',
    'c4,,not-an-email,,,,,,,',
    'c5,,,,,,,many,,',
    ',,,,,,,,,',
    'c6,,,,Mars/Base,,,,,',
    'c2,,c2@example.com,,,,gold,7,,',
    'c7,,"a@example.com",,,,"quoted, with comma",,,',
    'c8,too,few',
    '',
    'c9,,,xx-invalid-language-tag-that-is-way-too-long-to-be-real,,,,,2026-02-30,',
  ].join('\n');

  it('imports the good rows of a CSV, reports each bad one with its line and reason, merges repeated ids in file order', async () => {
    const status = await importFile(goodAndBad, 'format=csv&defaultCountry=DE');
    // 12 lines after the header, one blank: 11 rows, c2 twice.
    expect(status).toMatchObject({ status: 'done', rowsImported: 4, rowsRejected: 7, rowsDone: 11, error: null });
    expect(await rejectedRows(status)).toEqual([
      ['line', 'reason', 'content'],
      ['4', 'phone "12" is not a phone number', 'c3,12,c3@example.com,,,,,,,'],
      ['5', 'email must be an email address, not "not-an-email"', 'c4,,not-an-email,,,,,,,'],
      ['6', 'visits must be an integer, not "many"', 'c5,,,,,,,many,,'],
      ['7', 'external_id is missing', ',,,,,,,,,'],
      ['8', 'time_zone must be an IANA time zone such as Europe/Berlin, not "Mars/Base"', 'c6,,,,Mars/Base,,,,,'],
      ['11', 'has 3 fields, the header has 10', 'c8,too,few'],
      [
        '13',
        'language must be a language tag such as en or pt-BR, not "xx-invalid-language-tag-that-is-way-too-long-to-be-real"; since must be an ISO 8601 date such as 2026-03-01 or 2026-03-01T09:30:00Z, not "2026-02-30"',
        'c9,,,xx-invalid-language-tag-that-is-way-too-long-to-be-real,,,,,2026-02-30,',
      ],
    ]);
    expect(await users('c')).toEqual([
      {
        external_id: 'c1',
        phone: '+4915112345678',
        country: 'DE',
        email: 'c1@example.com',
        language: 'de',
        time_zone: 'Europe/Berlin',
        tags: { plan: 'pro', visits: 3, since: '2026-01-15', cuisines: ['asian', 'italian'] },
        opt_ins: { push: true, email: true, whatsapp: true, sms: false },
      },
      {
        external_id: 'c2',
        phone: '+919876543210',
        country: 'IN',
        email: 'c2@example.com',
        language: 'en',
        time_zone: null,
        tags: { plan: 'gold', visits: 7 },
        opt_ins: { push: true, email: true, whatsapp: true, sms: true },
      },
      {
        external_id: 'c7',
        phone: null,
        country: null,
        email: 'a@example.com',
        language: null,
        time_zone: null,
        tags: { plan: 'quoted, with comma' },
        opt_ins: { push: true, email: true, whatsapp: true, sms: true },
      },
    ]);
    const types = (await t.http().get('/api/v1/tags').set(t.auth).expect(200)).body as Array<{ name: string; type: string }>;
    expect(Object.fromEntries(types.map((tag) => [tag.name, tag.type]))).toMatchObject({ plan: 'string', visits: 'integer', since: 'date', cuisines: 'list' });

    // The same file again changes no user.
    const before = await users('c');
    const again = await importFile(goodAndBad, 'format=csv&defaultCountry=DE');
    expect(again).toMatchObject({ status: 'done', rowsImported: 4, rowsRejected: 7 });
    expect(await users('c')).toEqual(before);
  });

  it('imports NDJSON with typed tag values, reporting lines that are not JSON objects', async () => {
    const ndjson = [
      '{"external_id":"n1","phone":"+4915123456789","tags":{"visits":2,"vip":true},"score":1.5}',
      '{"id":"n2","email":"n2@example.com","visits":"2"}',
      'not json',
      '[1,2]',
      '',
      '{"userId":"n3","tags":{"vip":"yes"}}',
      '{"external_id":"n4","optIns":{"email":false},"timeZone":"Asia/Kolkata"}',
    ].join('\n');
    const status = await importFile(ndjson, 'format=ndjson', 'application/x-ndjson');
    expect(status).toMatchObject({ status: 'done', rowsImported: 2, rowsRejected: 4 });
    const rejected = await rejectedRows(status);
    expect(rejected.map(([line, reason]) => [line, reason.replace(/ \(.*\)$/, '')])).toEqual([
      ['line', 'reason'],
      ['2', 'visits must be an integer, not "2"'],
      ['3', 'is not JSON'],
      ['4', 'is not a JSON object'],
      ['6', 'vip must be true or false, not "yes"'],
    ]);
    expect(await users('n')).toEqual([
      expect.objectContaining({ external_id: 'n1', phone: '+4915123456789', country: 'DE', tags: { visits: 2, vip: true, score: 1.5 } }),
      expect.objectContaining({ external_id: 'n4', time_zone: 'Asia/Kolkata', opt_ins: { push: true, email: false, whatsapp: true, sms: true } }),
    ]);
  });

  it('writes files larger than a chunk in file order: a user named in several chunks ends with its last row', async () => {
    const lines = ['external_id,visits'];
    for (let i = 1; i <= 2500; i++) lines.push(i === 1700 ? 'm-bad,lots' : `m${i % 1200},${i}`);
    const status = await importFile(lines.join('\n'), 'format=csv');
    expect(status).toMatchObject({ status: 'done', rowsImported: 2499, rowsRejected: 1 });
    const rows = await t.db.dataSource.query<Array<{ external_id: string; visits: number }>>(
      `SELECT external_id, (tags->>'visits')::int AS visits FROM users WHERE project_id = $1 AND external_id IN ('m0', 'm1', 'm499', 'm500')`,
      [t.projectId],
    );
    expect(Object.fromEntries(rows.map((row) => [row.external_id, row.visits]))).toEqual({ m0: 2400, m1: 2401, m499: 1699, m500: 500 });
    expect((await rejectedRows(status)).slice(1)).toEqual([['1701', 'visits must be an integer, not "lots"', 'm-bad,lots']]);
  });

  it('stops at broken quoting, saying which lines were imported', async () => {
    const csv = ['external_id,plan', 'q1,a', 'q2,"b"x', 'q3,c'].join('\n');
    const status = await importFile(csv, 'format=csv');
    expect(status.status).toBe('failed');
    expect(status.error).toMatch(/^Line 3: broken quoting: a quoted field must end with a quote .*nothing from line 3 on was imported\.$/);
    expect(status).toMatchObject({ rowsImported: 1, rowsRejected: 1 });
    expect((await users('q')).map((user) => user.external_id)).toEqual(['q1']);
    expect((await rejectedRows(status))[1].slice(0, 1)).toEqual(['3']);
  });

  it('reports an import whose server stopped as failed once it has made no progress for 10 minutes', async () => {
    const [row] = await t.db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO user_imports (project_id, format, status, rows_imported, progressed_at) VALUES ($1, 'csv', 'running', 3000, now() - interval '11 minutes') RETURNING id`,
      [t.projectId],
    );
    const status = (await t.http().get(`/api/v1/users/imports/${row.id}`).set(t.auth).expect(200)).body as ImportStatus;
    expect(status).toMatchObject({ status: 'failed', rowsImported: 3000 });
    expect(status.error).toMatch(/^No progress since .*: the server running the import stopped\./);
  });

  it('refuses files it cannot import before accepting them', async () => {
    const problem = async (request: PromiseLike<{ status: number; body: { message: string | string[] } }>, status: number) => {
      const response = await request;
      expect(response.status).toBe(status);
      return response.body.message;
    };
    expect(await problem(upload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'format=csv'), 400)).toBe(
      'The file is not text (it contains NUL bytes): upload a CSV file',
    );
    expect(await problem(upload('name,plan\nx,y', 'format=csv'), 400)).toEqual([
      'Line 1 (the header): the header must name the user id column external_id (or id); it has "name", "plan"',
    ]);
    expect(await problem(upload('id,plan,plan\nx,y,z', 'format=csv'), 400)).toEqual(['Line 1 (the header): column 3 ("plan") repeats column 2 ("plan")']);
    expect(await problem(upload('{"id":"x"}', 'format=csv'), 400)).toBe('The file looks like JSON, not CSV: use format=ndjson for one JSON object per line');
    expect(await problem(upload('id,plan\n', 'format=ndjson', 'application/x-ndjson'), 400)).toBe(
      'Line 1 is not JSON: an NDJSON file has one JSON object per line (is this a CSV file? use format=csv)',
    );
    expect(await problem(upload('', 'format=csv'), 400)).toBe('The file is empty');
    expect(await problem(upload('id\nx', 'format=xlsx'), 400)).toEqual(['format must be one of csv, ndjson']);
    expect(await problem(upload('id\nx', 'format=csv&defaultCountry=Germany'), 400)).toEqual(['defaultCountry must be an ISO 3166 alpha-2 country code such as DE or IN']);
    expect(await problem(t.http().post('/api/v1/users/import?format=csv').set(t.auth).send({ id: 'x' }), 415)).toBe(
      'Send the file as the raw body with Content-Type text/csv or application/x-ndjson',
    );
    await t.http().get('/api/v1/users/imports/00000000-0000-4000-8000-000000000000').set(t.auth).expect(404);
    await t.http().get('/api/v1/users/imports/00000000-0000-4000-8000-000000000000/rejected.csv').set(t.auth).expect(404);
    await t.http().get('/api/v1/users/imports/not-a-uuid').set(t.auth).expect(400);
  });
});
