const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SECOND_OFFSET = 0x050c5d1f;
const SECOND_PRIME = 0x5bd1e995;

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// The two lanes of the hash being computed: module state, so joining parts needs no object or string.
let laneA = FNV_OFFSET;
let laneB = SECOND_OFFSET;

function feed(text: string): void {
  let a = laneA;
  let b = laneB;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, FNV_PRIME);
    b = Math.imul(b ^ c, SECOND_PRIME);
  }
  laneA = a;
  laneB = b;
}

function finish(): number {
  const low = fmix32(laneA);
  const high = fmix32(laneB ^ low) >>> 12;
  laneA = FNV_OFFSET;
  laneB = SECOND_OFFSET;
  return high * 0x1_0000_0000 + low;
}

/**
 * A 52-bit hash: two FNV-1a lanes over UTF-16 code units, finalised with murmur's mixer.
 * 52 bits fit a double exactly, so hashes live in plain numbers and Float64Arrays; at a
 * million keys the chance of any collision stays near 1e-4.
 */
export function hash52(text: string): number {
  feed(text);
  return finish();
}

const ZERO = 48;

/**
 * hash52 of the text from `start` to `end` when it is all ASCII digits, -1 otherwise: an ID
 * number checked and hashed in one pass over it.
 */
export function hash52Digits(text: string, start: number, end: number): number {
  let a = laneA;
  let b = laneB;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < ZERO || c > ZERO + 9) return -1;
    a = Math.imul(a ^ c, FNV_PRIME);
    b = Math.imul(b ^ c, SECOND_PRIME);
  }
  laneA = a;
  laneB = b;
  return finish();
}
