import { NestFactory } from '@nestjs/core';
import { type OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { loadAppConfig } from '../config/app-config';
import { describeApi } from './describe-api';

/**
 * The same document the running app serves at /api/docs-json, built without PostgreSQL or queues:
 * a preview app scans the modules' controllers and DTOs but instantiates no provider (so the
 * configuration's key seals nothing).
 */
export async function describeApiWithoutDatabase(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule.register(loadAppConfig({ ENCRYPTION_KEY: 'describing-the-api-only-no-secret-is-used' })), { preview: true, logger: false });
  try {
    return describeApi(app);
  } finally {
    await app.close();
  }
}
