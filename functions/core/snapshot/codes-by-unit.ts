import { hash52 } from './hash52.ts';
import { HashSet52 } from './hash-set-52.ts';
import { SpillFile } from './spill-file.ts';

/** A unit's set starts this small: a national file can hold tens of thousands of units, some with a handful of rows. */
const UNIT_CAPACITY = 16;
/**
 * The memory the sets of units left behind may take before they go to the spill file. A
 * province's file (500,000 students) leaves ~10 MB of sets behind, twice that at twice the
 * rows: past this budget memory stays where it is however large the file.
 */
export const DORMANT_BUDGET_BYTES = 4 * 1024 * 1024;

/** A unit's codes written out to the spill file: its set's keys, as float64s. */
interface Spilled {
  offset: number;
  count: number;
}

export interface CodesByUnitOptions {
  /** bytes of sets of units no longer being read kept in memory before they are spilled */
  dormantBudgetBytes?: number;
}

/**
 * The record codes met so far, one set per unit. A file's rows come grouped by unit, so the
 * set being filled stays in the processor's cache, where one set for the whole file sent
 * nearly every lookup to memory. Once the sets of units already read pass a budget, they are
 * written to a spill file, so memory does not grow with the file; a unit met again later
 * reads its set back. A file whose units come interleaved would read sets back row after
 * row: once more sets have been read back than there are units, nothing is spilled any more
 * and memory grows with such a file, as it did before.
 */
export class CodesByUnit {
  private readonly sets = new Map<string, HashSet52 | Spilled>();
  private readonly budget: number;
  private readonly spill = new SpillFile();
  /** table bytes of the sets left behind since the last spill */
  private dormantBytes = 0;
  private reloads = 0;
  private spilling = true;
  private lastUnit: string | undefined;
  private last: HashSet52 | undefined;

  constructor(opts: CodesByUnitOptions = {}) {
    this.budget = opts.dormantBudgetBytes ?? DORMANT_BUDGET_BYTES;
  }

  /** Adds the unit's code; false when the unit already had it. */
  add(unit: string, code: string): boolean {
    return this.setOf(unit).add(hash52(code));
  }

  /** Sets read back from the spill file so far: a measure of how interleaved the file's units are. */
  get setsReadBack(): number {
    return this.reloads;
  }

  /** Bytes written to the spill file so far. */
  get spilledBytes(): number {
    return this.spill.size;
  }

  /** Frees every set and the spill file; nothing may be added after. */
  release(): void {
    for (const set of this.sets.values()) if (set instanceof HashSet52) set.release();
    this.sets.clear();
    this.spill.close();
    this.lastUnit = undefined;
    this.last = undefined;
  }

  private setOf(unit: string): HashSet52 {
    if (unit === this.lastUnit && this.last !== undefined) return this.last;
    if (this.last !== undefined) this.leave(this.last);
    let set = this.sets.get(unit);
    if (set === undefined) {
      // Sized for as many codes as the unit before: schools of a file come in like sizes, and a set grown by doubling from a handful copies itself over and over.
      set = HashSet52.holding(Math.max(this.last?.size ?? 0, UNIT_CAPACITY));
      this.sets.set(unit, set);
    } else if (!(set instanceof HashSet52)) {
      set = this.readBack(set);
      this.sets.set(unit, set);
    }
    this.lastUnit = unit;
    this.last = set;
    return set;
  }

  /** The set being filled is left for another unit's: once those left behind pass the budget, they go to disk. */
  private leave(set: HashSet52): void {
    if (!this.spilling) return;
    this.dormantBytes += set.byteLength;
    if (this.dormantBytes <= this.budget) return;
    for (const [unit, dormant] of this.sets) {
      if (!(dormant instanceof HashSet52)) continue;
      const keys = dormant.keys();
      const offset = this.spill.append(new Uint8Array(keys.buffer, keys.byteOffset, keys.byteLength));
      this.sets.set(unit, { offset, count: keys.length });
      dormant.release();
    }
    this.dormantBytes = 0;
  }

  private readBack(spilled: Spilled): HashSet52 {
    const bytes = this.spill.read(spilled.offset, spilled.count * Float64Array.BYTES_PER_ELEMENT);
    const keys = new Float64Array(bytes.buffer, bytes.byteOffset, spilled.count);
    const set = HashSet52.holding(Math.max(spilled.count, UNIT_CAPACITY));
    for (const key of keys) set.add(key);
    this.reloads += 1;
    if (this.reloads > this.sets.size) this.spilling = false;
    return set;
  }
}
