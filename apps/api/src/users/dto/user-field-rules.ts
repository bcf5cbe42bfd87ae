import { textProblem } from '../../http/storable-json';
import { isEmail, registerDecorator, type ValidationArguments } from 'class-validator';

export const MAX_USER_ID_LENGTH = 256;
export const E164_PHONE = /^\+[1-9]\d{6,14}$/;
export const MAX_TAGS_PER_REQUEST = 500;
export const MAX_TAG_NAME_LENGTH = 128;
export const MAX_TAG_LIST_LENGTH = 1000;

/** Problems of a user id (the customer's own id), or none. */
export function userIdProblems(value: unknown, property = 'userId'): string[] {
  if (typeof value !== 'string') return [`${property} must be a string`];
  if (value.length < 1 || value.length > MAX_USER_ID_LENGTH) {
    return [`${property} must be 1 to ${MAX_USER_ID_LENGTH} characters long`];
  }
  const problem = textProblem(value, property);
  return problem ? [problem] : [];
}

/**
 * Tags are a flat object: each value a string, number, boolean, a list of those, or null (which
 * removes the tag). Nested objects are refused, which also keeps the jsonb shallow.
 */
export function tagProblems(value: unknown, property = 'tags'): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${property} must be an object`];
  const entries = Object.entries(value);
  if (entries.length > MAX_TAGS_PER_REQUEST) return [`${property} must have at most ${MAX_TAGS_PER_REQUEST} tags`];
  const problems: string[] = [];
  for (const [name, tag] of entries) {
    const problem = tagProblem(name, tag, property);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Problems of a tag name (1 to 128 characters of storable text), or none. */
export function tagNameProblems(value: unknown, property = 'name'): string[] {
  if (typeof value !== 'string') return [`${property} must be a string`];
  const problem = textProblem(value, property);
  if (problem) return [problem];
  if (value.length < 1 || value.length > MAX_TAG_NAME_LENGTH) return [`${property} must be 1 to ${MAX_TAG_NAME_LENGTH} characters long`];
  return [];
}

function tagProblem(name: string, tag: unknown, property: string): string | undefined {
  const [nameProblem] = tagNameProblems(name, `${property} names`);
  if (nameProblem) return nameProblem;
  const path = `${property}.${name}`;
  if (Array.isArray(tag)) {
    if (tag.length > MAX_TAG_LIST_LENGTH) return `${path} must have at most ${MAX_TAG_LIST_LENGTH} items`;
    return tag.every(isScalarTag) ? undefined : `${path} must be a list of strings, numbers or booleans`;
  }
  if (typeof tag === 'string') return textProblem(tag, path);
  if (tag === null || isScalarTag(tag)) return undefined;
  return `${path} must be a string, number, boolean, a list of those, or null (to remove the tag)`;
}

function isScalarTag(value: unknown): boolean {
  return (
    (typeof value === 'string' && textProblem(value, '') === undefined) ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    typeof value === 'boolean'
  );
}

/**
 * An email address, checked for storable text first: validator's isEmail throws (URIError, a 500)
 * on an unpaired surrogate such as "\ud800".
 */
export function emailProblems(value: unknown, property: string): string[] {
  const message = `${property} must be an email address (or null to remove it)`;
  if (typeof value !== 'string') return [message];
  const problem = textProblem(value, property);
  if (problem) return [problem];
  return isEmail(value) ? [] : [message];
}

const knownTimeZones = new Set<string>();

/** An IANA time zone name as Intl knows it (`Europe/Berlin`, `UTC`). */
export function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  if (knownTimeZones.has(value)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
  } catch {
    return false;
  }
  knownTimeZones.add(value);
  return true;
}

/** A BCP 47 language tag (`en`, `pt-BR`, `zh-Hant-TW`). */
export function isLanguageTag(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0 || value.length > 35) return false;
  try {
    Intl.getCanonicalLocales(value);
    return true;
  } catch {
    return false;
  }
}

/** A class-validator decorator from a problems function; the message lists every problem. */
export function ValidatesWith(name: string, problems: (value: unknown, property: string) => string[]): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(property),
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => problems(value, args?.property ?? String(property)).length === 0,
        defaultMessage: (args?: ValidationArguments) => problems(args?.value, args?.property ?? String(property)).join('; '),
      },
    });
  };
}
