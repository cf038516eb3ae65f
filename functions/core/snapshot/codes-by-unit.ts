import { hash52 } from './hash52.ts';
import { HashSet52 } from './hash-set-52.ts';

/** A unit's set starts this small: a national file can hold tens of thousands of units, some with a handful of rows. */
const UNIT_CAPACITY = 16;

/**
 * The record codes met so far, one set per unit. A file's rows come grouped by unit, so the
 * set being filled stays in the processor's cache, where one set for the whole file sent
 * nearly every lookup to memory; rows of a unit met again later still find its set.
 */
export class CodesByUnit {
  private readonly sets = new Map<string, HashSet52>();
  private lastUnit: string | undefined;
  private last: HashSet52 | undefined;

  /** Adds the unit's code; false when the unit already had it. */
  add(unit: string, code: string): boolean {
    return this.setOf(unit).add(hash52(code));
  }

  /** Frees every set; nothing may be added after. */
  release(): void {
    for (const set of this.sets.values()) set.release();
    this.sets.clear();
    this.lastUnit = undefined;
    this.last = undefined;
  }

  private setOf(unit: string): HashSet52 {
    if (unit === this.lastUnit && this.last !== undefined) return this.last;
    let set = this.sets.get(unit);
    if (set === undefined) {
      set = new HashSet52(UNIT_CAPACITY);
      this.sets.set(unit, set);
    }
    this.lastUnit = unit;
    this.last = set;
    return set;
  }
}
