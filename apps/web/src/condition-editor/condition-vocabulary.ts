import { type ComparisonOperator } from '@engine/journey';
import { type GroupKind } from './condition-layout';

export const OPERATOR_OPTIONS: ReadonlyArray<{ value: ComparisonOperator; label: string }> = [
  { value: 'eq', label: 'is' },
  { value: 'neq', label: 'is not' },
  { value: 'contains', label: 'contains' },
  { value: 'matches', label: 'matches word / /regex/' },
  { value: 'in', label: 'is one of' },
  { value: 'gt', label: 'is greater than' },
  { value: 'gte', label: 'is at least' },
  { value: 'lt', label: 'is less than' },
  { value: 'lte', label: 'is at most' },
  { value: 'exists', label: 'exists' },
];

export const COUNT_OPTIONS = [
  { value: 'gte', label: 'at least' },
  { value: 'eq', label: 'exactly' },
  { value: 'lte', label: 'at most' },
  { value: 'gt', label: 'more than' },
  { value: 'lt', label: 'fewer than' },
  { value: 'neq', label: 'not exactly' },
] as const;

/** "Match <label> of:" and the group's name; the negated kinds are a `not` around `or` / `and`. */
export const GROUP_KIND_OPTIONS: ReadonlyArray<{ value: GroupKind; label: string; title: string }> = [
  { value: 'and', label: 'all', title: 'All of these' },
  { value: 'or', label: 'any', title: 'Any of these' },
  { value: 'not-or', label: 'none', title: 'None of these' },
  { value: 'not-and', label: 'not all', title: 'Not all of these' },
];

/** Where a condition is evaluated decides which fields make sense first. */
export type ConditionContext = 'event' | 'profile';

/** An event attribute the events catalogue knows, as a field suggestion: `event.cuisine` (string). */
export interface FieldSuggestion {
  field: string;
  label?: string;
}

/**
 * The fields to suggest: the catalogue's event attributes (`event.<name>`, with their types) first
 * where events are in hand, then the usual profile and event fields; typing any other still works.
 */
export function catalogueFieldSuggestions(
  context: ConditionContext,
  received: ReadonlyArray<{ attributes?: ReadonlyArray<{ name: string; type: string }> }>,
  tags: ReadonlyArray<{ name: string; type: string }> = [],
): FieldSuggestion[] {
  const types = new Map<string, Set<string>>();
  for (const event of received) {
    for (const attribute of event.attributes ?? []) types.set(attribute.name, (types.get(attribute.name) ?? new Set()).add(attribute.type));
  }
  const catalogue = [...types].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, seen]) => ({ field: `event.${name}`, label: [...seen].sort().join(' or ') }));
  const catalogueTags = [...tags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((tag) => ({ field: `tags.${tag.name}`, label: tag.type }));
  const known = new Set([...catalogue, ...catalogueTags, ...DEFAULT_TAG_FIELDS].map((suggestion) => suggestion.field));
  const usual = fieldSuggestions(context).filter((field) => !known.has(field)).map((field) => ({ field }));
  return context === 'event' ? [...catalogue, ...usual, ...catalogueTags, ...DEFAULT_TAG_FIELDS] : [...catalogueTags, ...usual, ...DEFAULT_TAG_FIELDS, ...catalogue];
}

/** The default tags the engine keeps for every user, as condition fields. */
const DEFAULT_TAG_FIELDS: FieldSuggestion[] = [
  { field: 'user.country', label: 'country (from the phone)' },
  { field: 'user.lastSeenAt', label: 'date' },
  { field: 'user.firstSeenAt', label: 'date' },
  { field: 'user.lastInboundWhatsAppAt', label: 'date' },
  ...(['push', 'email', 'whatsapp', 'sms'] as const).map((channel) => ({ field: `user.reachable.${channel}`, label: 'boolean' })),
];

/** How a field's value is best entered: by the tag catalogue's type, or a default tag's. */
export type FieldValueKind = 'text' | 'number' | 'date' | 'boolean';

export function fieldValueKind(field: string, tags: ReadonlyArray<{ name: string; type: string }> = []): FieldValueKind {
  if (field === 'user.lastSeenAt' || field === 'user.firstSeenAt' || field === 'user.lastInboundWhatsAppAt') return 'date';
  if (field.startsWith('user.reachable.') || field.startsWith('user.optIns.')) return 'boolean';
  if (!field.startsWith('tags.')) return 'text';
  const type = tags.find((tag) => tag.name === field.slice('tags.'.length))?.type;
  if (type === 'date') return 'date';
  if (type === 'integer' || type === 'decimal') return 'number';
  if (type === 'boolean') return 'boolean';
  return 'text';
}

/** Operators compared with one value, which a typed input (date, number, yes/no) can enter. */
export function takesTypedValue(op: ComparisonOperator): boolean {
  return op === 'eq' || op === 'neq' || op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte';
}

export function fieldSuggestions(context: ConditionContext): string[] {
  const event = ['event.text', 'event.from', 'event.type', 'event.amount'];
  const profile = ['tags.first_name', 'tags.plan', 'tags.country', 'user.email', 'user.phone', 'user.language', 'user.timeZone', 'user.id'];
  return context === 'event' ? [...event, ...profile] : [...profile, ...event];
}

export function valuePlaceholder(op: ComparisonOperator): string {
  switch (op) {
    case 'in':
      return 'pro, team';
    case 'matches':
      return 'help  or  /^(yes|y)$/i';
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return '50 or 2025-06-01';
    default:
      return 'value';
  }
}
