import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { StaleInstanceError } from './instance.store';

/** PostgreSQL deadlock and serialization failures: safe to retry the whole transaction. */
const RETRYABLE_CODES = new Set(['40P01', '40001']);

/** Runs `work` in a transaction, retrying a few times on deadlocks and stale instances. */
export async function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.floor(Math.random() * 10)));
    }
  }
}

function isRetryable(error: unknown): boolean {
  if (error instanceof StaleInstanceError) return true;
  if (error instanceof QueryFailedError) {
    const code = (error.driverError as { code?: string } | undefined)?.code;
    return code !== undefined && RETRYABLE_CODES.has(code);
  }
  return false;
}
