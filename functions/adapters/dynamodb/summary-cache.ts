import { createHash } from 'node:crypto';

/** Freezes a parsed JSON value through and through: a shared value must not change under its other readers. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Summaries already decoded, keyed by the SHA-256 of their compressed body: the same bytes
 * always decode to the same summary, so a hit is exact however the item was written (a
 * corrected upload with the same as-of has other bytes, so another key). A summary is read
 * far more often than it is written (each upload's evaluation re-reads the summaries its
 * rules read, every run reads them all: about four reads a summary through a first local
 * start), and inflating and parsing it again was the handlers' largest cost of their own.
 * Bounded by the JSON text held, oldest use evicted first; values are frozen, as every
 * reader shares them.
 */
export class SummaryCache<V> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private held = 0;

  constructor(private readonly maxJsonBytes: number) {}

  /** The value of this body, decoded now or earlier; `decode` gives the value and its JSON text's length. */
  valueOf(body: Uint8Array, decode: () => { value: V; size: number }): V {
    const key = createHash('sha256').update(body).digest('base64');
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.value;
    }
    const decoded = decode();
    const value = deepFreeze(decoded.value);
    if (decoded.size <= this.maxJsonBytes) {
      this.entries.set(key, { value, size: decoded.size });
      this.held += decoded.size;
      for (const [oldest, entry] of this.entries) {
        if (this.held <= this.maxJsonBytes) break;
        this.entries.delete(oldest);
        this.held -= entry.size;
      }
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
