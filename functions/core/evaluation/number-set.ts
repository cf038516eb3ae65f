/**
 * A set of non-negative integers below 2^53, stored flat in a Float64Array with open
 * addressing. A snapshot of a province's students holds millions of identity hashes; a
 * Set<number> of non-small integers costs several times more per entry than these 8 bytes.
 * Slots fill to three quarters before the table doubles, so it stays the smallest part of
 * what grows with a file's rows.
 */
export class NumberSet {
  private slots: Float64Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap * 3 < initialCapacity * 4) cap *= 2;
    this.slots = new Float64Array(cap).fill(Number.NaN);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Adds the value; true when it was already present. */
  addSeen(value: number): boolean {
    let i = slotOf(value) & this.mask;
    for (;;) {
      const v = this.slots[i] as number;
      if (v === value) return true;
      if (Number.isNaN(v)) break;
      i = (i + 1) & this.mask;
    }
    this.slots[i] = value;
    this.count += 1;
    if (this.count * 4 > this.slots.length * 3) this.grow();
    return false;
  }

  has(value: number): boolean {
    let i = slotOf(value) & this.mask;
    for (;;) {
      const v = this.slots[i] as number;
      if (v === value) return true;
      if (Number.isNaN(v)) return false;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2).fill(Number.NaN);
    this.mask = this.slots.length - 1;
    for (const v of old) {
      if (Number.isNaN(v)) continue;
      let i = slotOf(v) & this.mask;
      while (!Number.isNaN(this.slots[i] as number)) i = (i + 1) & this.mask;
      this.slots[i] = v;
    }
  }
}

function slotOf(value: number): number {
  const lo = value >>> 0;
  const hi = (value / 4_294_967_296) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
