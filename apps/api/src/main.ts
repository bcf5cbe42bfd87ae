import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DEVELOPMENT_ENCRYPTION_KEY } from '@engine/execution';
import { ensureDatabase } from '@engine/persistence';
import { DataSource } from 'typeorm';
import { loadAppConfig } from './config/app-config';
import { createApp } from './create-app';
import { seedDemoProject } from './demo/seed-demo-project';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const logger = new Logger('Bootstrap');
  if (await ensureDatabase(config.databaseUrl)) logger.log(`Created database ${new URL(config.databaseUrl).pathname.slice(1)}`);
  if (config.execution.encryptionKey === DEVELOPMENT_ENCRYPTION_KEY) {
    logger.warn('ENCRYPTION_KEY is not set: channel credentials are sealed with a development key. Set ENCRYPTION_KEY (16+ characters) in production.');
  }
  const app = await createApp(config);
  const migrations = await app.get(DataSource).runMigrations({ transaction: 'each' });
  for (const migration of migrations) logger.log(`Applied migration ${migration.name}`);
  const demo = await seedDemoProject(app.get(DataSource), config.demoKeyFile);
  await app.listen(config.port, config.host);
  logger.log(`Journey engine listening on ${config.publicUrl} (API docs: ${config.publicUrl}/api/docs)`);
  if (demo?.apiKey) {
    const lines = [
      demo.created ? 'Created the demo project with two example journeys (drafts).' : 'Demo project:',
      `  Open:    ${config.publicUrl}/?key=${demo.apiKey}`,
      `  API key: ${demo.apiKey}`,
      `  Try:     curl -H "Authorization: Bearer ${demo.apiKey}" ${config.publicUrl}/api/v1/journeys`,
    ];
    console.log(`\n${lines.join('\n')}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
