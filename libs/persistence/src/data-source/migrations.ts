import { InitialSchema1764252000000 } from '../migrations/1764252000000-initial-schema';

/** Every migration in order. Add new ones at the end; never edit a released one. */
export const MIGRATIONS = [InitialSchema1764252000000];
