import { type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/journeys';

/** Options for PostgreSQL. The schema comes from migrations only (`synchronize` stays off). */
export function dataSourceOptions(url: string = process.env['DATABASE_URL'] ?? DEFAULT_DATABASE_URL): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    extra: { max: Number(process.env['DATABASE_POOL_SIZE'] ?? 20) },
  };
}
