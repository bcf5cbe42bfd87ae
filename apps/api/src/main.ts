import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ensureDatabase } from '@engine/persistence';
import { DataSource } from 'typeorm';
import { loadAppConfig } from './config/app-config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const logger = new Logger('Bootstrap');
  if (await ensureDatabase(config.databaseUrl)) logger.log(`Created database ${new URL(config.databaseUrl).pathname.slice(1)}`);
  const app = await createApp(config);
  const migrations = await app.get(DataSource).runMigrations({ transaction: 'each' });
  for (const migration of migrations) logger.log(`Applied migration ${migration.name}`);
  await app.listen(config.port, config.host);
  logger.log(`Journey engine listening on ${config.publicUrl} (API docs: ${config.publicUrl}/api/docs)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
