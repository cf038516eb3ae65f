import { DondocError } from '../errors.ts';

const EMPTY = 0;
const INITIAL_CAPACITY = 1024;
const SLOT_BYTES = Float64Array.BYTES_PER_ELEMENT;
/** The share of a table's slots taken before it doubles (see the class). */
const MAX_LOAD = 0.75;

/** ES2024's resizable ArrayBuffer (Node 20 has it; the project's ES2023 lib does not declare it). */
interface ResizableBuffer extends ArrayBuffer {
  resize(byteLength: number): void;
}
const ResizableBuffer = ArrayBuffer as unknown as new (byteLength: number, options: { maxByteLength: number }) => ResizableBuffer;

/** Tables from this size on are freed at once when dropped; smaller ones are left to the collector. */
const FREEABLE_FROM_SLOTS = 8192;

/**
 * A table whose memory goes back to the system the moment it is dropped, when it is large.
 * A plain typed array's memory outlives it until a full garbage collection, and V8 lets tens
 * of megabytes of those wait: every doubling of a province-sized set would leave its old
 * table behind. Small tables are plain: a resizable buffer costs tens of microseconds to
 * make, which thousands of small per-unit sets growing would spend many times over.
 */
function newTable(slots: number): Float64Array {
  if (slots < FREEABLE_FROM_SLOTS) return new Float64Array(slots);
  return new Float64Array(new ResizableBuffer(slots * SLOT_BYTES, { maxByteLength: slots * SLOT_BYTES }));
}

function free(table: Float64Array): void {
  const buffer = table.buffer as ResizableBuffer & { resizable: boolean };
  if (buffer.resizable) buffer.resize(0);
}

/**
 * A set of 52-bit hashes (any integer from 0 to 2^53) in one Float64Array (open
 * addressing, linear probing): 11 to 22 bytes a key, against ~40 for a Set of numbers, so
 * duplicate detection over half a million records costs megabytes, not tens of them. The
 * table fills to three quarters before doubling: well-mixed keys keep probes short there,
 * and the set is what grows with a file's rows. `release()` hands its memory back once the
 * file is read, rather than whenever the garbage collector gets to it.
 */
export class HashSet52 {
  private table: Float64Array | undefined;
  private count = 0;
  /** 0 marks an empty slot, so the key 0 itself is remembered apart */
  private hasZero = false;

  /** `capacity`: the slots it starts with, a power of two */
  constructor(capacity = INITIAL_CAPACITY) {
    if (!Number.isInteger(Math.log2(capacity)) || capacity < 2) throw new DondocError('INVALID_ARGUMENT', `HashSet52 capacity must be a power of two, got ${capacity}`);
    this.table = newTable(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** the memory its table takes */
  get byteLength(): number {
    return this.tableInUse().byteLength;
  }

  /** The smallest set that holds `count` keys without growing. */
  static holding(count: number): HashSet52 {
    let capacity = 2;
    while (count > capacity * MAX_LOAD) capacity *= 2;
    return new HashSet52(capacity);
  }

  /** How many keys a set can hold without its table growing past `bytes`. */
  static keysWithin(bytes: number): number {
    let capacity = 2;
    while (capacity * 2 * SLOT_BYTES <= bytes) capacity *= 2;
    return Math.floor(capacity * MAX_LOAD);
  }

  /** Calls `fn` with every key in the set, in no particular order. */
  forEach(fn: (key: number) => void): void {
    const table = this.tableInUse();
    if (this.hasZero) fn(EMPTY);
    for (let i = 0; i < table.length; i++) {
      const key = table[i] as number;
      if (key !== EMPTY) fn(key);
    }
  }

  /** Every key in the set, in no particular order. */
  keys(): Float64Array {
    const keys = new Float64Array(this.count);
    let at = 0;
    this.forEach((key) => {
      keys[at++] = key;
    });
    return keys;
  }

  /** Adds the hash; false when it was already present. */
  add(hash: number): boolean {
    let table = this.tableInUse();
    if (hash === EMPTY) {
      if (this.hasZero) return false;
      this.hasZero = true;
    } else {
      if (this.count + 1 > table.length * MAX_LOAD) table = this.grow(table);
      if (!insert(table, hash)) return false;
    }
    this.count += 1;
    return true;
  }

  /** Frees the table; the set answers no more questions after this. */
  release(): void {
    if (this.table !== undefined) free(this.table);
    this.table = undefined;
  }

  private tableInUse(): Float64Array {
    if (this.table === undefined) throw new DondocError('INVALID_ARGUMENT', 'HashSet52 đã được giải phóng / was released');
    return this.table;
  }

  private grow(old: Float64Array): Float64Array {
    const table = newTable(old.length * 2);
    for (let i = 0; i < old.length; i++) {
      const key = old[i] as number;
      if (key !== EMPTY) insert(table, key);
    }
    free(old);
    this.table = table;
    return table;
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
