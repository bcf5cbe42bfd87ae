import { DEFAULT_DATABASE_URL } from '../data-source/data-source-options';
import { StartupFailure } from '../startup/startup-failure';

/** The embedded server's port unless EMBEDDED_POSTGRES_PORT says otherwise: beside, never on, 5432. */
export const DEFAULT_EMBEDDED_POSTGRES_PORT = 5488;

/** Which PostgreSQL the API uses. */
export type DatabaseChoice =
  | { kind: 'configured'; url: string }
  | { kind: 'default'; url: string }
  | { kind: 'embedded'; port: number };

/**
 * DATABASE_URL when set; otherwise the server on 127.0.0.1:5432 when it answers; otherwise an
 * embedded one. EMBEDDED_POSTGRES=true forces the embedded server, =false never starts it.
 */
export function chooseDatabase(env: NodeJS.ProcessEnv, defaultServerAnswers: boolean): DatabaseChoice {
  const embedded = embeddedSetting(env['EMBEDDED_POSTGRES']);
  const configuredUrl = env['DATABASE_URL'];
  if (configuredUrl) {
    if (embedded === 'on') throw new StartupFailure('Both DATABASE_URL and EMBEDDED_POSTGRES=true are set: unset one of them.');
    return { kind: 'configured', url: configuredUrl };
  }
  if (embedded === 'off' || (embedded === 'auto' && defaultServerAnswers)) return { kind: 'default', url: DEFAULT_DATABASE_URL };
  return { kind: 'embedded', port: embeddedPort(env['EMBEDDED_POSTGRES_PORT']) };
}

/** Whether the choice depends on the server on 5432 (the caller probes it only then). */
export function choiceDependsOnDefaultServer(env: NodeJS.ProcessEnv): boolean {
  return !env['DATABASE_URL'] && embeddedSetting(env['EMBEDDED_POSTGRES']) === 'auto';
}

function embeddedSetting(raw: string | undefined): 'on' | 'off' | 'auto' {
  if (raw === undefined || raw === '') return 'auto';
  if (raw === 'true') return 'on';
  if (raw === 'false') return 'off';
  throw new StartupFailure(`EMBEDDED_POSTGRES must be "true" or "false", got "${raw}".`);
}

function embeddedPort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_EMBEDDED_POSTGRES_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new StartupFailure(`EMBEDDED_POSTGRES_PORT must be a port number, got "${raw}".`);
  return port;
}
