import { type UserFacts } from './condition';

/**
 * The profile fields a `user.<field>` path may read: the profile and the default tags the engine
 * keeps for every user (first and last seen, country from the phone number, the last inbound
 * WhatsApp message; dates as ISO 8601 strings).
 */
export const USER_FIELDS = ['id', 'email', 'phone', 'timeZone', 'language', 'country', 'firstSeenAt', 'lastSeenAt', 'lastInboundWhatsAppAt'] as const;
export type UserField = (typeof USER_FIELDS)[number];

/** Per-channel default tags: `user.reachable.whatsapp`, `user.optIns.email`. */
export const USER_CHANNEL_FIELDS = ['reachable', 'optIns'] as const;
export const USER_FIELD_CHANNELS = ['push', 'email', 'whatsapp', 'sms'] as const;

/** Whether `user.<path>` names a profile field or a per-channel default tag. */
export function isUserFieldPath(path: readonly string[]): boolean {
  if (path.length === 1) return (USER_FIELDS as readonly string[]).includes(path[0]);
  return (
    path.length === 2 && (USER_CHANNEL_FIELDS as readonly string[]).includes(path[0]) && (USER_FIELD_CHANNELS as readonly string[]).includes(path[1])
  );
}

/** What a field path or a placeholder can read: the user's tags, the event in hand, the profile. */
export interface FieldScope {
  tags?: Record<string, unknown>;
  event?: Record<string, unknown>;
  user?: Partial<UserFacts>;
}

/** The roots a field path may start with. */
export const FIELD_ROOTS = ['tags', 'event', 'user'] as const;
export type FieldRoot = (typeof FIELD_ROOTS)[number];

/** Split `tags.address.city` into its root and the path below it; undefined for an unknown root. */
export function splitFieldPath(field: unknown): { root: FieldRoot; path: string[] } | undefined {
  if (typeof field !== 'string') return undefined;
  const dot = field.indexOf('.');
  if (dot <= 0 || dot === field.length - 1) return undefined;
  const root = field.slice(0, dot);
  if (!(FIELD_ROOTS as readonly string[]).includes(root)) return undefined;
  const path = field.slice(dot + 1).split('.');
  if (path.some((segment) => segment.length === 0)) return undefined;
  return { root: root as FieldRoot, path };
}

/**
 * The value at a dotted field path, or undefined when the root is unknown or the path is missing.
 * Reads own properties only, so `tags.constructor` or `tags.__proto__` never reach the prototype.
 */
export function resolveField(field: unknown, scope: FieldScope): unknown {
  const split = splitFieldPath(field);
  if (split === undefined) return undefined;
  switch (split.root) {
    case 'tags':
      return readPath(scope.tags, split.path);
    case 'event':
      return readPath(scope.event, split.path);
    case 'user': {
      if (!isUserFieldPath(split.path)) return undefined;
      return readPath(scope.user, split.path);
    }
  }
}

/**
 * Walk `path` into `value`. A key that itself contains dots (a tag named `address.city`) wins
 * over descending, so such tags stay reachable.
 */
export function readPath(value: unknown, path: readonly string[]): unknown {
  if (path.length === 0) return value;
  const whole = path.join('.');
  if (path.length > 1 && hasOwn(value, whole)) return readOwn(value, whole);
  return readPath(readOwn(value, path[0]), path.slice(1));
}

function readOwn(value: unknown, key: string): unknown {
  return hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function hasOwn(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, key);
}
