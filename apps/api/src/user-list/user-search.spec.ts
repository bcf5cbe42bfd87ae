import { BIGINT_ID, decodeCursor, encodeCursor, UUID_ID } from './keyset-cursor';
import { userSearchPatterns } from './user-search';

describe('userSearchPatterns', () => {
  it('matches a prefix of the id, of the phone number as stored (E.164) and of the email', () => {
    expect(userSearchPatterns(' 49 151-12 ')).toEqual({ externalId: '49 151-12%', phone: '+4915112%', email: null });
    expect(userSearchPatterns('+4915112')).toEqual({ externalId: '+4915112%', phone: '+4915112%', email: '+4915112%' });
    expect(userSearchPatterns('Ann@Example')).toEqual({ externalId: 'Ann@Example%', phone: null, email: 'ann@example%' });
  });

  it("matches LIKE's wildcards literally", () => {
    expect(userSearchPatterns('a_b%c\\')).toEqual({ externalId: 'a\\_b\\%c\\\\%', phone: null, email: 'a\\_b\\%c\\\\%' });
  });
});

describe('keyset cursors', () => {
  it('give back the position they were made of', () => {
    const position = { at: new Date('2026-01-02T03:04:05.678Z'), id: '7' };
    expect(decodeCursor(encodeCursor(position), 'cursor', BIGINT_ID)).toEqual(position);
  });

  it.each(['', 'not base64 json', Buffer.from('{"at":1}').toString('base64url'), Buffer.from('["nope","x"]').toString('base64url'), Buffer.from('["2026-01-01T00:00:00Z","1; DROP"]').toString('base64url')])(
    'say what is wrong with "%s"',
    (cursor) => {
      const decoded = decodeCursor(cursor, 'eventsCursor', UUID_ID);
      expect('problem' in decoded && decoded.problem).toMatch(/^eventsCursor is not a cursor/);
    },
  );
});
