import { createServer, type Server } from 'node:net';
import { postgresUnreachableMessage, probePostgres } from './probe-postgres';

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('probePostgres', () => {
  it('answers null for the machine PostgreSQL, even for a database that does not exist yet', async () => {
    expect(await probePostgres('postgres://postgres@127.0.0.1:5432/postgres')).toBeNull();
    expect(await probePostgres('postgres://postgres@127.0.0.1:5432/no_such_database_yet')).toBeNull();
  });

  it('names the reason when nothing answers', async () => {
    expect(await probePostgres(`postgres://app:secret@127.0.0.1:${await closedPort()}/journeys`, 1000)).toBe('ECONNREFUSED');
  });

  it('builds one line naming the masked URL and what to do', () => {
    const line = postgresUnreachableMessage('postgres://app:secret@db:5432/journeys', 'ECONNREFUSED', 'Start it.');
    expect(line).toBe('PostgreSQL at postgres://app:***@db:5432/journeys does not answer (ECONNREFUSED). Start it.');
  });
});
