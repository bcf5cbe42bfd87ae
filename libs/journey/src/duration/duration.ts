/** Durations are written as `30s`, `15m`, `4h`, `2d`, `1w`, or combined: `1h30m`. `0s` is allowed. */
const UNIT_MS = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
const DURATION_PATTERN = /^(?:\d+(?:ms|w|d|h|m|s))+$/;
const PART_PATTERN = /(\d+)(ms|w|d|h|m|s)/g;

export const DAY_MS = UNIT_MS.d;

/** Milliseconds of a duration string, or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  if (typeof text !== 'string' || !DURATION_PATTERN.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART_PATTERN)) {
    total += Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
  }
  return Number.isSafeInteger(total) ? total : undefined;
}

/** Like parseDuration, for durations already validated: throws on a bad one. */
export function durationMs(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) throw new Error(`"${text}" is not a duration (write e.g. 30m, 4h, 2d, 1h30m)`);
  return ms;
}

/** A short human form for labels: 14400000 -> "4 h", 5400000 -> "1 h 30 min". */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0 s';
  const parts: string[] = [];
  const units: Array<[number, string]> = [
    [UNIT_MS.d, 'd'],
    [UNIT_MS.h, 'h'],
    [UNIT_MS.m, 'min'],
    [UNIT_MS.s, 's'],
    [1, 'ms'],
  ];
  let rest = ms;
  for (const [size, name] of units) {
    const amount = Math.floor(rest / size);
    if (amount > 0) parts.push(`${amount} ${name}`);
    rest -= amount * size;
  }
  return parts.join(' ');
}
