const EMPTY = 0;
const INITIAL_CAPACITY = 1024;

/**
 * A set of 52-bit hashes in one Float64Array (open addressing, linear probing): 11 to 22
 * bytes a key, against ~40 for a Set of numbers, so duplicate detection over
 * half a million records costs megabytes, not tens of them. The table fills to three
 * quarters before doubling: well-mixed keys keep probes short there, and the set is what
 * grows with a file's rows.
 */
export class HashSet52 {
  private table = new Float64Array(INITIAL_CAPACITY);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds the hash; false when it was already present. */
  add(hash: number): boolean {
    // 0 marks an empty slot; folding it onto 1 costs one extra collision in 2^52.
    const key = hash === EMPTY ? 1 : hash;
    if ((this.count + 1) * 4 > this.table.length * 3) this.grow();
    if (!insert(this.table, key)) return false;
    this.count += 1;
    return true;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Float64Array(old.length * 2);
    for (let i = 0; i < old.length; i++) {
      const key = old[i] as number;
      if (key !== EMPTY) insert(this.table, key);
    }
  }
}

function insert(table: Float64Array, key: number): boolean {
  const mask = table.length - 1;
  // The low 32 bits of a hash52 are already well mixed.
  let slot = (key >>> 0) & mask;
  for (;;) {
    const seen = table[slot];
    if (seen === EMPTY) {
      table[slot] = key;
      return true;
    }
    if (seen === key) return false;
    slot = (slot + 1) & mask;
  }
}
