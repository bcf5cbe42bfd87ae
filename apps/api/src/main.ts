import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { probeRedis, redisUnreachableMessage, resolveEncryptionKey } from '@engine/execution';
import { StartupFailure, ensureDatabase, localDataDir } from '@engine/persistence';
import { DataSource } from 'typeorm';
import { loadAppConfig } from './config/app-config';
import { AccountsService } from './accounts/accounts.service';
import { ensureFirstOwner } from './accounts/first-owner';
import { createApp } from './create-app';
import { seedDemoProject } from './demo/seed-demo-project';
import { embeddedPostgresNotice } from './startup/embedded-postgres-notice';
import { resolveDatabase } from './startup/resolve-database';
import { ShutdownSequence } from './startup/shutdown-sequence';

async function main(shutdown: ShutdownSequence): Promise<void> {
  const logger = new Logger('Bootstrap');
  const dataDir = localDataDir(process.env);
  const encryption = resolveEncryptionKey(process.env, dataDir);
  const redisUrl = process.env['REDIS_URL'];
  if (redisUrl) {
    const reason = await probeRedis(redisUrl);
    if (reason !== null) throw new StartupFailure(redisUnreachableMessage(redisUrl, reason));
  }
  const database = await resolveDatabase(process.env, dataDir);
  if (encryption.source === 'created') logger.log(`Created an encryption key in ${encryption.file} (set ENCRYPTION_KEY to use your own)`);
  const embedded = database.embedded;
  if (embedded) {
    shutdown.add(() => embedded.stop());
    logger.log(embeddedPostgresNotice(embedded));
  }
  const config = loadAppConfig({ ...process.env, DATABASE_URL: database.url, ENCRYPTION_KEY: encryption.key });
  if (await ensureDatabase(config.databaseUrl)) logger.log(`Created database ${new URL(config.databaseUrl).pathname.slice(1)}`);
  const app = await createApp(config);
  shutdown.add(() => app.close());
  const migrations = await app.get(DataSource).runMigrations({ transaction: 'each' });
  for (const migration of migrations) logger.log(`Applied migration ${migration.name}`);
  const demo = await seedDemoProject(app.get(DataSource), config.demoKeyFile);
  const owner = await ensureFirstOwner(app.get(DataSource), app.get(AccountsService), config.ownerEmail);
  await app.listen(config.port, config.host);
  logger.log(`Journey engine listening on ${config.publicUrl} (API docs: ${config.publicUrl}/api/docs)`);
  const lines: string[] = [];
  if (demo?.created) lines.push('Created the demo project with two example journeys (drafts).');
  if (owner) {
    lines.push(
      `${owner.created ? 'Created the owner account' : 'The owner account'} ${owner.email} (no password yet).`,
      `  Sign in: ${owner.link}`,
      '           (works once, for 24 hours; set a password in the app, or start again for a new link)',
    );
  }
  if (demo?.apiKey) {
    lines.push(
      `  API key: ${demo.apiKey}  (the demo project's "Default key", for curl and backends)`,
      `  Try:     curl -H "Authorization: Bearer ${demo.apiKey}" ${config.publicUrl}/api/v1/journeys`,
    );
  }
  if (lines.length > 0) console.log(`\n${lines.join('\n')}\n`);
}

const shutdown = new ShutdownSequence();
shutdown.exitOnSignals();
main(shutdown).catch(async (error: unknown) => {
  console.error(error instanceof StartupFailure ? error.message : error);
  await shutdown.run().catch(() => undefined);
  process.exit(1);
});
