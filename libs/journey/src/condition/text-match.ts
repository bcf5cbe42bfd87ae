/** Longest `/regex/` pattern accepted; longer ones never match. */
export const MAX_REGEX_LENGTH = 200;
/** A regex is tested on at most this many leading characters of the text, to bound its cost. */
export const MAX_REGEX_INPUT = 4096;

const REGEX_LITERAL = /^\/(.+)\/([a-z]*)$/s;
// `g` and `y` make RegExp#test stateful; they mean nothing for a yes/no match.
const STATELESS_FLAGS = new Set(['i', 'm', 's', 'u', 'v', 'd']);
// Letters, digits and `_` of any script form words; anything else separates them.
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}_]';

// Compiled patterns by source: conditions are few and evaluated for every event.
const cache = new Map<string, RegExp | null>();
const CACHE_LIMIT = 500;

/** Whether `pattern` is written as a regular expression (`/^help$/i`) rather than a keyword. */
export function isRegexLiteral(pattern: string): boolean {
  return REGEX_LITERAL.test(pattern);
}

/**
 * The `matches` operator. A keyword matches when the text contains it as a whole word (or words),
 * ignoring case and surrounding spaces: "help" matches "Help", " help! " and "I need help", not
 * "helpful". A `/regex/flags` pattern is a JavaScript regular expression. Invalid or over-long
 * patterns match nothing.
 */
export function matchesText(text: string, pattern: string): boolean {
  const regex = compilePattern(pattern);
  if (regex === null) return false;
  return regex.test(isRegexLiteral(pattern) ? text.slice(0, MAX_REGEX_INPUT) : text);
}

/** The RegExp for a pattern, or null when it cannot match anything. */
export function compilePattern(pattern: string): RegExp | null {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached;
  const compiled = isRegexLiteral(pattern) ? compileRegexLiteral(pattern) : compileKeyword(pattern);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

/** Why a `/regex/` pattern is unusable, as a sentence; undefined when it is fine or a keyword. */
export function regexProblem(pattern: string): string | undefined {
  const literal = REGEX_LITERAL.exec(pattern);
  if (literal === null) return undefined;
  const [, source, flags] = literal;
  if (source.length > MAX_REGEX_LENGTH) return `the regular expression is longer than ${MAX_REGEX_LENGTH} characters`;
  try {
    new RegExp(source, flags);
    return undefined;
  } catch (error) {
    return `the regular expression is invalid (${error instanceof Error ? error.message : String(error)})`;
  }
}

function compileRegexLiteral(pattern: string): RegExp | null {
  const literal = REGEX_LITERAL.exec(pattern);
  if (literal === null) return null;
  const [, source, flags] = literal;
  if (source.length > MAX_REGEX_LENGTH) return null;
  if ([...flags].some((flag) => !STATELESS_FLAGS.has(flag) && flag !== 'g' && flag !== 'y')) return null;
  const stateless = [...new Set(flags)].filter((flag) => STATELESS_FLAGS.has(flag)).join('');
  try {
    return new RegExp(source, stateless);
  } catch {
    return null;
  }
}

function compileKeyword(keyword: string): RegExp | null {
  const words = keyword.trim().split(/\s+/u).filter((word) => word.length > 0);
  if (words.length === 0) return null;
  const body = words.map(escapeRegex).join('\\s+');
  // Boundaries are only needed where the keyword itself starts/ends with a word character:
  // "help!" must still match "help!!" and "+1" must match "a+1".
  const start = new RegExp(`^${WORD_CHAR}`, 'u').test(words[0]) ? `(?<!${WORD_CHAR})` : '';
  const end = new RegExp(`${WORD_CHAR}$`, 'u').test(words[words.length - 1]) ? `(?!${WORD_CHAR})` : '';
  try {
    return new RegExp(`${start}${body}${end}`, 'iu');
  } catch {
    return null;
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
