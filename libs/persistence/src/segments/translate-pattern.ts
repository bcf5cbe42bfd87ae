import { MAX_REGEX_INPUT, isRegexLiteral } from '@engine/journey';

/** A `matches` pattern as a PostgreSQL regular expression (ARE), with whether it ignores case. */
export interface PostgresPattern {
  regex: string;
  caseInsensitive: boolean;
  /** Characters of the text the pattern looks at (regular expressions see the first MAX_REGEX_INPUT). */
  inputLimit?: number;
}

/** A pattern PostgreSQL cannot run with exactly the engine's meaning. */
export class UntranslatablePattern extends Error {}

const WORD = '[[:alnum:]_]';
// JavaScript's \s: WhiteSpace and LineTerminator.
const JS_SPACE_CHARS = '\\u0009\\u000a\\u000b\\u000c\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
const ASCII_WORD_CHARS = 'A-Za-z0-9_';
const ARE_SPECIAL = /[.*+?^${}()|[\]\\]/g;

/**
 * The PostgreSQL form of a `matches` pattern (see `matchesText`): a keyword becomes a whole-word,
 * case-insensitive match; a `/regex/flags` literal is translated token by token. Anything whose
 * meaning would differ in PostgreSQL (back references, named groups, Unicode property escapes,
 * the `m` and `v` flags, ...) throws UntranslatablePattern saying what, rather than match differently.
 * Undefined for a pattern that matches nothing (a blank keyword).
 */
export function translatePattern(pattern: string): PostgresPattern | undefined {
  return isRegexLiteral(pattern) ? translateRegexLiteral(pattern) : translateKeyword(pattern);
}

function translateKeyword(keyword: string): PostgresPattern | undefined {
  const words = keyword.trim().split(/\s+/u).filter((word) => word.length > 0);
  if (words.length === 0) return undefined;
  const body = words.map((word) => word.replace(ARE_SPECIAL, '\\$&')).join(`[${JS_SPACE_CHARS}]+`);
  const start = /^[\p{L}\p{N}\p{M}_]/u.test(words[0]) ? `(?<!${WORD})` : '';
  const end = /[\p{L}\p{N}\p{M}_]$/u.test(words[words.length - 1]) ? `(?!${WORD})` : '';
  return { regex: `${start}${body}${end}`, caseInsensitive: true };
}

function translateRegexLiteral(pattern: string): PostgresPattern {
  const literal = /^\/(.+)\/([a-z]*)$/s.exec(pattern);
  if (literal === null) throw new UntranslatablePattern('it is not a /regular expression/');
  const [, source, flags] = literal;
  for (const flag of flags) {
    if (flag === 'm') throw new UntranslatablePattern('the m (multi-line) flag is not supported in segments');
    if (flag === 'v') throw new UntranslatablePattern('the v flag is not supported in segments');
  }
  return { regex: translateSource(source, flags.includes('s')), caseInsensitive: flags.includes('i'), inputLimit: MAX_REGEX_INPUT };
}

function translateSource(source: string, dotAll: boolean): string {
  let out = '';
  let index = 0;
  const refuse = (what: string): never => {
    throw new UntranslatablePattern(`${what} (at character ${index + 1}) is not supported in segments`);
  };
  while (index < source.length) {
    const char = source[index];
    if (char === '\\') {
      const [translated, length] = translateEscape(source, index, false, refuse);
      out += translated;
      index += length;
    } else if (char === '[') {
      const [translated, length] = translateClass(source, index, refuse);
      out += translated;
      index += length;
    } else if (char === '(') {
      if (source.startsWith('(?<=', index) || source.startsWith('(?<!', index)) {
        out += source.slice(index, index + 4);
        index += 4;
      } else if (source.startsWith('(?:', index) || source.startsWith('(?=', index) || source.startsWith('(?!', index)) {
        out += source.slice(index, index + 3);
        index += 3;
      } else if (source[index + 1] === '?') {
        refuse('a named or flagged group');
      } else {
        out += '(';
        index += 1;
      }
    } else if (char === '{') {
      const quantifier = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(index));
      if (quantifier === null) refuse('a literal "{"');
      const bounds = [quantifier![1], quantifier![3]].filter((bound) => bound !== undefined && bound !== '').map(Number);
      if (bounds.some((bound) => bound > 255)) refuse('a repetition count above 255');
      out += quantifier![0];
      index += quantifier![0].length;
    } else if (char === '}') {
      refuse('a literal "}"');
    } else if (char === '.') {
      out += dotAll ? '.' : '[^\\n\\r\\u2028\\u2029]';
      index += 1;
    } else {
      // ^ $ | * + ? ) and ordinary characters mean the same in both.
      out += char;
      index += 1;
    }
  }
  return out;
}

/** One escape outside or inside a class: its translation and how many source characters it took. */
function translateEscape(source: string, index: number, inClass: boolean, refuse: (what: string) => never): [string, number] {
  const next = source[index + 1];
  if (next === undefined) return refuse('a trailing backslash');
  switch (next) {
    case 'd':
      return [inClass ? '0-9' : '[0-9]', 2];
    case 'w':
      return [inClass ? ASCII_WORD_CHARS : `[${ASCII_WORD_CHARS}]`, 2];
    case 's':
      return [inClass ? JS_SPACE_CHARS : `[${JS_SPACE_CHARS}]`, 2];
    case 'D':
    case 'W':
    case 'S': {
      if (inClass) return refuse(`\\${next} inside [...]`);
      const positive = next === 'D' ? '0-9' : next === 'W' ? ASCII_WORD_CHARS : JS_SPACE_CHARS;
      return [`[^${positive}]`, 2];
    }
    case 'b':
      if (inClass) return refuse('\\b inside [...]');
      return [`(?:(?<![${ASCII_WORD_CHARS}])(?=[${ASCII_WORD_CHARS}])|(?<=[${ASCII_WORD_CHARS}])(?![${ASCII_WORD_CHARS}]))`, 2];
    case 'B':
      if (inClass) return refuse('\\B inside [...]');
      return [`(?:(?<=[${ASCII_WORD_CHARS}])(?=[${ASCII_WORD_CHARS}])|(?<![${ASCII_WORD_CHARS}])(?![${ASCII_WORD_CHARS}]))`, 2];
    case 'n':
    case 'r':
    case 't':
    case 'f':
    case 'v':
      return [`\\${next}`, 2];
    case 'x': {
      const hex = /^[0-9a-fA-F]{2}/.exec(source.slice(index + 2));
      if (hex === null) return refuse('\\x without two hexadecimal digits');
      return [`\\u00${hex[0]}`, 4];
    }
    case 'u': {
      const hex = /^[0-9a-fA-F]{4}/.exec(source.slice(index + 2));
      if (hex === null) return refuse('\\u without four hexadecimal digits');
      return [`\\u${hex[0]}`, 6];
    }
    default:
      if (/[.*+?^${}()|[\]\\/-]/.test(next)) return [`\\${next}`, 2];
      return refuse(`the escape \\${next}`);
  }
}

function translateClass(source: string, start: number, refuse: (what: string) => never): [string, number] {
  let index = start + 1;
  let out = '[';
  if (source[index] === '^') {
    out += '^';
    index += 1;
  }
  if (source[index] === ']') refuse('an empty class [] or [^]');
  while (index < source.length && source[index] !== ']') {
    const char = source[index];
    if (char === '\\') {
      const [translated, length] = translateEscape(source, index, true, refuse);
      out += translated;
      index += length;
    } else if (char === '[') {
      out += '\\[';
      index += 1;
    } else {
      out += char;
      index += 1;
    }
  }
  if (index >= source.length) refuse('an unclosed [');
  return [`${out}]`, index - start + 1];
}
