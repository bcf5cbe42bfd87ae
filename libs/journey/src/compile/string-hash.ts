/**
 * FNV-1a (32-bit) over the UTF-16 code units of `text`, finished with MurmurHash3's fmix32 so
 * that similar inputs (`user-1`, `user-2`) spread over all bits, low ones included. Deterministic
 * on every JavaScript runtime; not cryptographic.
 */
export function fnv1a32(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return fmix32(hash);
}

function fmix32(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** A 64-bit hash of `text` as 16 hex digits (two independently seeded FNV-1a lanes). */
export function hashText(text: string): string {
  const lanes = [fnv1a32(text), fnv1a32(text, 0x9747b28c)];
  return lanes.map((lane) => lane.toString(16).padStart(8, '0')).join('');
}
