import { readImportHeader } from './import-columns';
import { readCsvRow, readJsonRow } from './read-import-row';

describe('reading import rows', () => {
  const header = readImportHeader(['external_id', 'phone', 'email', 'opt_in_email', 'plan', 'visits']);
  if (!('columns' in header)) throw new Error('the header should be usable');
  const context = { types: new Map([['visits', 'integer' as const]]), defaultCountry: 'DE' };

  it('reads profile fields, opt-ins and tags, normalising the phone and typing new tags by their first value', () => {
    expect(readCsvRow(['a1', '0151 1234 5678', 'a@example.com', 'false', 'pro', '4'], header.columns, context)).toEqual({
      ok: true,
      change: { userId: 'a1', phone: '+4915112345678', country: 'DE', email: 'a@example.com', optIns: { email: false }, tags: { plan: 'pro', visits: 4 } },
      newTags: [{ name: 'plan', type: 'string' }],
    });
    // An empty cell leaves the field alone.
    expect(readCsvRow(['a2', '', '', '', '', ''], header.columns, context)).toEqual({ ok: true, change: { userId: 'a2' }, newTags: [] });
  });

  it('names every problem of a row', () => {
    expect(readCsvRow(['', 'abc', 'nope', 'maybe', 'x', '4.5'], header.columns, context)).toEqual({
      ok: false,
      reason:
        'external_id is missing; phone "abc" is not a phone number; email must be an email address, not "nope"; opt_in_email must be true or false, not "maybe"; visits must be an integer, not "4.5"',
    });
    expect(readCsvRow(['a3'], header.columns, context)).toEqual({ ok: false, reason: 'has 1 fields, the header has 6' });
  });

  it('reads NDJSON values as JSON', () => {
    expect(readJsonRow({ id: 7, tags: { visits: 2, vip: true } }, context)).toEqual({
      ok: true,
      change: { userId: '7', tags: { visits: 2, vip: true } },
      newTags: [{ name: 'vip', type: 'boolean' }],
    });
    expect(readJsonRow({ id: 'x', visits: '2' }, context)).toEqual({ ok: false, reason: 'visits must be an integer, not "2"' });
    expect(readJsonRow('x', context)).toEqual({ ok: false, reason: 'is not a JSON object' });
  });

  it('refuses headers without an id column or with repeated or empty names', () => {
    expect(readImportHeader(['phone', 'plan', 'plan', ' '])).toEqual({
      problems: [
        'column 4 has no name',
        'column 3 ("plan") repeats column 2 ("plan")',
        'the header must name the user id column external_id (or id); it has "phone", "plan", "plan", " "',
      ],
    });
  });
});
