import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';
import { prototypeNamedKeyProblems } from '../http/prototype-named-keys';
import { BatchUserDto, MAX_USERS_PER_BATCH } from './dto/batch-upsert-users.dto';

/** Validating 10 000 users takes a while: other requests get the event loop every this many. */
const VALIDATION_SLICE = 500;
/** The 400 of a batch with thousands of bad users lists the first problems only (`rejected` has them all). */
export const MAX_REPORTED_PROBLEMS = 100;

export interface RejectedUser {
  index: number;
  errors: string[];
}

/**
 * Splits `{ "users": [ ... ] }` into the valid users and the bad ones reported by index with what
 * is wrong (`users[3].phone must be ...`), so one bad user does not sink an import of 10 000 (like
 * event batches). A body that is not such a batch at all is an error of its own. Prototype-named
 * keys are checked here, item by item (the route opts out of the global check).
 */
export async function parseUserBatch(body: unknown): Promise<{ users: Array<{ index: number; user: BatchUserDto }>; rejected: RejectedUser[] } | { error: string[] }> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { error: ['The body must be { "users": [ ... ] }'] };
  const extra = Object.keys(body).filter((key) => key !== 'users');
  if (extra.length > 0) {
    return { error: extra.flatMap((key) => [...prototypeNamedKeyProblems({ [key]: null }), `property ${key} should not exist`]) };
  }
  const list: unknown = (body as { users?: unknown }).users;
  if (!Array.isArray(list)) return { error: ['users must be an array'] };
  if (list.length === 0) return { error: ['users must contain at least 1 user'] };
  if (list.length > MAX_USERS_PER_BATCH) return { error: [`users must contain at most ${MAX_USERS_PER_BATCH} users; split larger imports into several batches`] };

  const users: Array<{ index: number; user: BatchUserDto }> = [];
  const rejected: RejectedUser[] = [];
  for (const [index, user] of (list as unknown[]).entries()) {
    if (index > 0 && index % VALIDATION_SLICE === 0) await yieldToEventLoop();
    const path = `users[${index}]`;
    if (typeof user !== 'object' || user === null || Array.isArray(user)) {
      rejected.push({ index, errors: [`${path} must be an object`] });
      continue;
    }
    // Before class-transformer, which cannot carry such keys (see PROTOTYPE_NAMED_KEYS).
    const prototypeNamed = prototypeNamedKeyProblems(user, path);
    if (prototypeNamed.length > 0) {
      rejected.push({ index, errors: prototypeNamed });
      continue;
    }
    const dto = plainToInstance(BatchUserDto, user);
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
    if (errors.length > 0) rejected.push({ index, errors: describeErrors(errors, path) });
    else users.push({ index, user: dto });
  }
  return { users, rejected };
}

/** Every problem of a batch, capped for a message: the first MAX_REPORTED_PROBLEMS and how many more. */
export function reportedProblems(rejected: readonly RejectedUser[]): string[] {
  const problems = rejected.flatMap((user) => user.errors);
  const shown = problems.slice(0, MAX_REPORTED_PROBLEMS);
  if (problems.length > shown.length) shown.push(`...and ${problems.length - shown.length} more problems`);
  return shown;
}

function describeErrors(errors: ValidationError[], path: string): string[] {
  return errors.flatMap((error) => {
    const here = /^\d+$/.test(error.property) ? `${path}[${error.property}]` : `${path}.${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => {
      if (constraint === 'whitelistValidation') return `${here} should not exist`;
      // Messages start with the property name ("phone must be ..."): prefix the path of its parent.
      return message.startsWith(error.property) ? `${path}.${message}` : `${here}: ${message}`;
    });
    return [...own, ...describeErrors(error.children ?? [], here)];
  });
}
