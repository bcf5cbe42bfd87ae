import { maskUrlPassword } from './mask-url-password';

describe('maskUrlPassword', () => {
  it('hides the password and keeps the rest', () => {
    expect(maskUrlPassword('postgres://app:s3cr%40t@db.example:5432/journeys')).toBe('postgres://app:***@db.example:5432/journeys');
    expect(maskUrlPassword('redis://:pw@127.0.0.1:6379/2')).toBe('redis://:***@127.0.0.1:6379/2');
  });

  it('leaves URLs without a password as they are', () => {
    expect(maskUrlPassword('postgres://postgres@127.0.0.1:5432/journeys')).toBe('postgres://postgres@127.0.0.1:5432/journeys');
  });

  it('never echoes a string it cannot parse (it may be a secret)', () => {
    expect(maskUrlPassword('not a url with secret')).toBe('(not a valid URL)');
  });
});
