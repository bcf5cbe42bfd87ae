import fc from 'fast-check';
import { numericValue, parseIsoInstant } from '@engine/journey';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

// The SQL functions compiled segments use must read values exactly as the evaluator does.
describe('segment SQL functions', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  async function read(values: unknown[]): Promise<Array<{ number: number | null; instant: number | null; text: string | null }>> {
    return db.dataSource.query(
      `SELECT segment_number(v) AS number, segment_instant(v) AS instant, segment_text(v) AS text
         FROM unnest($1::jsonb[]) WITH ORDINALITY AS t(v, n) ORDER BY n`,
      [values.map((value) => JSON.stringify(value))],
    );
  }

  function expected(value: unknown): { number: number | null; instant: number | null; text: string | null } {
    const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
    const number = numericValue(value);
    // -0 and 0 are the same value to every comparison of the evaluator.
    return { number: number === undefined ? null : number === 0 ? 0 : number, instant: parseIsoInstant(value) ?? null, text };
  }

  it('agree on chosen edge cases', async () => {
    const values = [
      '42', ' 42 ', '\u00a04.5\n', '-0', '+7', '.5', '5.', '1e3', '1E-3', '1e400', '1e-400', '0x1F', '0b101', '0o17', '-0x1', 'Infinity', '', ' ', 'abc', '4 2',
      12, -3.5, 0.1, 1e21, 1.5e-7, 123456789012345680000, 1e15, 0.000001, true, null, [1], { a: 1 },
      '2024-01-01', '2024-02-29', '2023-02-29', '2024-01-01T10:00', '2024-01-01t10:00z', '2024-01-01 10:00:00.1239+05:30', '2024-01-01T10:00+0530',
      '2024-01-01T24:00', '2024-01-01T24:30', '2024-01-01T10:00,5', '0000-02-29', '2024-13-01', '2024-01-01T10:60', ' 2024-05-06 ', '2024-01-01T10:00+25',
    ];
    expect(await read(values)).toEqual(values.map(expected));
  });

  it('agree on generated values', async () => {
    const digitString = fc.stringMatching(/^[ ]?[+-]?\d{0,3}(\.\d{0,3})?([eE][+-]?\d{1,3})?[ ]?$/);
    const dateString = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.option(fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))))
      .map(([y, m, d, time]) => {
        const pad = (n: number, width = 2) => String(n).padStart(width, '0');
        return `${pad(y, 4)}-${pad(m)}-${pad(d)}${time === null ? '' : `T${pad(time[0])}:${pad(time[1])}Z`}`;
      });
    const values = fc.sample(fc.oneof(digitString, dateString, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.string()), 2000);
    // A known deviation: where a double sits exactly between two shorter decimals (e.g. 18501288197210690
    // reads back as 18501288197210688), PostgreSQL may print one digit more than JavaScript does. The
    // text then names the same number; only `contains`/`matches` on such a number's digits can differ.
    const received = (await read(values)).map((row, index) => {
      const value = values[index];
      return typeof value === 'number' && row.text !== null && row.text !== String(value) && Number(row.text) === value ? { ...row, text: String(value) } : row;
    });
    expect(received).toEqual(values.map(expected));
  });
});
