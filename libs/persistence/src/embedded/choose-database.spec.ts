import { DEFAULT_DATABASE_URL } from '../data-source/data-source-options';
import { StartupFailure } from '../startup/startup-failure';
import { DEFAULT_EMBEDDED_POSTGRES_PORT, chooseDatabase, choiceDependsOnDefaultServer } from './choose-database';

describe('chooseDatabase', () => {
  it('uses DATABASE_URL when set, whether or not 5432 answers', () => {
    expect(chooseDatabase({ DATABASE_URL: 'postgres://db/x' }, false)).toEqual({ kind: 'configured', url: 'postgres://db/x' });
    expect(chooseDatabase({ DATABASE_URL: 'postgres://db/x', EMBEDDED_POSTGRES: 'false' }, true)).toEqual({ kind: 'configured', url: 'postgres://db/x' });
  });

  it('uses the server on 5432 when it answers, an embedded one when it does not', () => {
    expect(chooseDatabase({}, true)).toEqual({ kind: 'default', url: DEFAULT_DATABASE_URL });
    expect(chooseDatabase({}, false)).toEqual({ kind: 'embedded', port: DEFAULT_EMBEDDED_POSTGRES_PORT });
  });

  it('EMBEDDED_POSTGRES=true forces the embedded server, =false never starts it', () => {
    expect(chooseDatabase({ EMBEDDED_POSTGRES: 'true' }, true)).toEqual({ kind: 'embedded', port: DEFAULT_EMBEDDED_POSTGRES_PORT });
    expect(chooseDatabase({ EMBEDDED_POSTGRES: 'false' }, false)).toEqual({ kind: 'default', url: DEFAULT_DATABASE_URL });
  });

  it('takes the embedded port from EMBEDDED_POSTGRES_PORT', () => {
    expect(chooseDatabase({ EMBEDDED_POSTGRES: 'true', EMBEDDED_POSTGRES_PORT: '6001' }, true)).toEqual({ kind: 'embedded', port: 6001 });
  });

  it('refuses settings that contradict or make no sense, in one line', () => {
    expect(() => chooseDatabase({ DATABASE_URL: 'postgres://db/x', EMBEDDED_POSTGRES: 'true' }, false)).toThrow(StartupFailure);
    expect(() => chooseDatabase({ EMBEDDED_POSTGRES: 'yes' }, false)).toThrow('EMBEDDED_POSTGRES must be "true" or "false", got "yes".');
    expect(() => chooseDatabase({ EMBEDDED_POSTGRES_PORT: '70000' }, false)).toThrow(StartupFailure);
  });
});

describe('choiceDependsOnDefaultServer', () => {
  it('is true only when neither DATABASE_URL nor EMBEDDED_POSTGRES decides', () => {
    expect(choiceDependsOnDefaultServer({})).toBe(true);
    expect(choiceDependsOnDefaultServer({ DATABASE_URL: 'postgres://db/x' })).toBe(false);
    expect(choiceDependsOnDefaultServer({ EMBEDDED_POSTGRES: 'true' })).toBe(false);
    expect(choiceDependsOnDefaultServer({ EMBEDDED_POSTGRES: 'false' })).toBe(false);
  });
});
