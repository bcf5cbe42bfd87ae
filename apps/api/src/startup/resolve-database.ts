import {
  DEFAULT_DATABASE_URL,
  StartupFailure,
  chooseDatabase,
  choiceDependsOnDefaultServer,
  probePostgres,
  postgresUnreachableMessage,
  startEmbeddedPostgres,
  tcpPortAnswers,
  type EmbeddedPostgresServer,
} from '@engine/persistence';

export interface ResolvedDatabase {
  url: string;
  /** Set when this process runs the database: it must stop it when it stops. */
  embedded?: EmbeddedPostgresServer;
}

/**
 * The PostgreSQL the API uses (see chooseDatabase), checked to answer, or started when it is the
 * embedded one. Fails with one line when a configured server does not answer.
 */
export async function resolveDatabase(env: NodeJS.ProcessEnv, dataDir: string): Promise<ResolvedDatabase> {
  const defaultServer = new URL(DEFAULT_DATABASE_URL);
  const defaultServerAnswers = choiceDependsOnDefaultServer(env) && (await tcpPortAnswers(defaultServer.hostname, Number(defaultServer.port)));
  const choice = chooseDatabase(env, defaultServerAnswers);
  if (choice.kind === 'embedded') {
    const embedded = await startEmbeddedPostgres({ dataDir, port: choice.port, database: defaultServer.pathname.slice(1) });
    return { url: embedded.url, embedded };
  }
  const reason = await probePostgres(choice.url);
  if (reason !== null) {
    const advice =
      choice.kind === 'configured'
        ? 'Start it or fix DATABASE_URL, or unset DATABASE_URL to run an embedded PostgreSQL.'
        : 'Start it, set DATABASE_URL to your PostgreSQL, or unset EMBEDDED_POSTGRES to run an embedded one.';
    throw new StartupFailure(postgresUnreachableMessage(choice.url, reason, advice));
  }
  return { url: choice.url };
}
