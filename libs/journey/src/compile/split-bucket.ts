import { type SplitVariant } from '../format/journey-graph';
import { fnv1a32 } from './string-hash';

/** Buckets per split: percentages with two decimals map exactly. */
const BUCKETS = 10_000;

/** The user's stable bucket at a split node, in [0, 10 000): the same user and node, the same bucket. */
export function splitBucket(userId: string, nodeId: string): number {
  return fnv1a32(`${userId}\u0000${nodeId}`) % BUCKETS;
}

/**
 * The variant a user falls into: buckets are handed out by cumulative percentage in variant
 * order; buckets left over when percentages sum below 100 go to the last variant.
 */
export function chooseVariant(variants: readonly SplitVariant[], userId: string, nodeId: string): string | undefined {
  const bucket = splitBucket(userId, nodeId);
  let upTo = 0;
  for (const variant of variants) {
    upTo += Math.round(variant.percent * (BUCKETS / 100));
    if (bucket < upTo) return variant.id;
  }
  return variants.at(-1)?.id;
}
