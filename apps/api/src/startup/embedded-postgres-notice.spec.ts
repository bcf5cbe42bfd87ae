import { embeddedPostgresNotice } from './embedded-postgres-notice';

describe('embeddedPostgresNotice', () => {
  it('is one line with the port, the data folder (relative when inside cwd) and DATABASE_URL', () => {
    const line = embeddedPostgresNotice({ port: 5488, pgdata: '/srv/engine/.data/postgres' }, '/srv/engine');
    expect(line).not.toContain('\n');
    expect(line).toContain('127.0.0.1:5488');
    expect(line).toContain('.data/postgres');
    expect(line).not.toContain('/srv/engine');
    expect(line).toContain('DATABASE_URL');
  });

  it('shows the absolute folder when DATA_DIR is elsewhere', () => {
    expect(embeddedPostgresNotice({ port: 5488, pgdata: '/var/lib/engine/postgres' }, '/srv/engine')).toContain('/var/lib/engine/postgres');
  });
});
