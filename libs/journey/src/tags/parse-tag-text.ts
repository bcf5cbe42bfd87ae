import { checkTagValue, isIsoDate, type TagType, type TagValueCheck } from './tag-type';

const INTEGER_TEXT = /^[+-]?(0|[1-9]\d*)$/;
const DECIMAL_TEXT = /^[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$/;

/**
 * The type a tag gets from its first value in a text file (a CSV cell): `true`/`false` boolean,
 * whole numbers without leading zeros integer (so `01234`, a postcode, stays a string), other
 * numbers decimal, ISO 8601 dates date, a JSON array of strings list, anything else string.
 */
export function inferTagTypeFromText(text: string): TagType {
  if (text === 'true' || text === 'false') return 'boolean';
  if (INTEGER_TEXT.test(text) && Number.isSafeInteger(Number(text))) return 'integer';
  if (DECIMAL_TEXT.test(text) && !/^[+-]?0\d/.test(text) && Number.isFinite(Number(text))) return 'decimal';
  if (isIsoDate(text)) return 'date';
  if (text.startsWith('[') && parseList(text) !== undefined) return 'list';
  return 'string';
}

/**
 * A text cell read as a value of the tag's type: integers and decimals as numbers, `true`/`false`,
 * dates as given, lists as a JSON array of strings (`["a","b"]`) or items separated by `|` (`a|b`).
 */
export function parseTagText(type: TagType, text: string): TagValueCheck {
  switch (type) {
    case 'string':
      return { ok: true, value: text };
    case 'integer':
      return INTEGER_TEXT.test(text) && Number.isSafeInteger(Number(text))
        ? { ok: true, value: Number(text) }
        : { ok: false, problem: `must be an integer, not "${text}"` };
    case 'decimal':
      return DECIMAL_TEXT.test(text) && Number.isFinite(Number(text)) ? { ok: true, value: Number(text) } : { ok: false, problem: `must be a number, not "${text}"` };
    case 'boolean':
      return text === 'true' || text === 'false' ? { ok: true, value: text === 'true' } : { ok: false, problem: `must be true or false, not "${text}"` };
    case 'date':
      return checkTagValue('date', text);
    case 'list': {
      const list = text.startsWith('[') ? parseList(text) : text.split('|');
      return list ? { ok: true, value: list } : { ok: false, problem: `must be a JSON array of strings or items separated by |, not "${text}"` };
    }
  }
}

function parseList(text: string): string[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
  } catch {
    return undefined;
  }
}
