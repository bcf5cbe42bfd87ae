import fc from 'fast-check';

/**
 * A JSON value kept as written: objects are lists of entries, so keys such as `__proto__` stay
 * plain keys (a JavaScript object literal would set its prototype instead) and repeat if drawn twice.
 */
export type HostileJson = string | number | boolean | null | HostileJson[] | { entries: Array<[string, HostileJson]> };

/** Values that crashed or may crash parsers: out-of-range dates, huge numbers, NUL, lone surrogates, odd shapes. */
const HOSTILE_SCALARS: HostileJson[] = [
  null, true, false, 0, -0, -1, 1.5, 1e308, -1e308, 8640000000000001, 2 ** 53 + 1, '', ' ', 'x',
  'a\u0000b', '\ud800', '2026-11-27T10:00:00Z', '+275760-09-13T00:00:00.001Z', '9999-99-99T99:99', 'not-a-uuid',
  '00000000-0000-0000-0000-000000000000', 'ada@example.com', '+4915112345678', 'Europe/Berlin', 'en', 'sandbox',
  'smtp', 'fcm', 'push', 'http-sms', 'whatsapp-cloud', 'webhook', 'smtp://user:pass@127.0.0.1:1', 'https://127.0.0.1/',
  'PW_EmailOpened', 'journey.x', 'x'.repeat(300),
];

/** Hostile JSON whose keys are mostly the route's own field names, prototype-named keys and a few strangers. */
export function hostileJson(fieldNames: string[]): fc.Arbitrary<HostileJson> {
  const key = fc.oneof(
    { weight: 4, arbitrary: fieldNames.length > 0 ? fc.constantFrom(...fieldNames) : fc.constant('name') },
    { weight: 2, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype') },
    { weight: 1, arbitrary: fc.constantFrom('toString', 'hasOwnProperty', 'valueOf', '0', 'length', 'then') },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
  const scalar = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_SCALARS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  );
  const { value } = fc.letrec<{ value: HostileJson; object: HostileJson; array: HostileJson }>((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('object'), tie('array')),
    object: fc.array(fc.tuple(key, tie('value')), { maxLength: 6 }).map((entries) => ({ entries })),
    array: fc.array(tie('value'), { maxLength: 4 }),
  }));
  return value;
}

/** The JSON text of a hostile value, keys written exactly as drawn. */
export function toJsonText(value: HostileJson): string {
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${value.entries.map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
