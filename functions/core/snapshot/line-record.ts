import type { EntityKind } from './entities.ts';
import { FALLBACK, type RangeReader } from './range-readers.ts';
import { blankRecord } from './record-keys.ts';

/** What the line reader needs of a column's plan. */
export interface LinePlan {
  position: number;
  key: string;
  role: 'value' | 'presence' | 'nationalId';
  required: boolean;
  read: RangeReader;
}

const TAB = 9;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const LAST_ASCII = 0x7f;
const NO_BREAK_SPACE = 0xa0;
const OGHAM_SPACE = 0x1680;
const EN_QUAD = 0x2000;
const HAIR_SPACE = 0x200a;
const LINE_SEPARATOR = 0x2028;
const PARAGRAPH_SEPARATOR = 0x2029;
const NARROW_NO_BREAK_SPACE = 0x202f;
const MEDIUM_MATHEMATICAL_SPACE = 0x205f;
const IDEOGRAPHIC_SPACE = 0x3000;
const BYTE_ORDER_MARK = 0xfeff;

/** A character String.prototype.trim removes. */
function isTrimmed(c: number): boolean {
  if (c <= LAST_ASCII) return c === SPACE || (c >= TAB && c <= CARRIAGE_RETURN);
  return (
    c === NO_BREAK_SPACE ||
    c === OGHAM_SPACE ||
    (c >= EN_QUAD && c <= HAIR_SPACE) ||
    c === LINE_SEPARATOR ||
    c === PARAGRAPH_SEPARATOR ||
    c === NARROW_NO_BREAK_SPACE ||
    c === MEDIUM_MATHEMATICAL_SPACE ||
    c === IDEOGRAPHIC_SPACE ||
    c === BYTE_ORDER_MARK
  );
}

/**
 * Reads a CSV line without quotes straight into a record: cells are found and read where
 * they lie, never split into strings of their own. Only the common case is read here —
 * the header's width, values in their usual shape, nothing to trim, nothing wrong. Anything
 * else gives FALLBACK and the row goes the general way, which reports it; so a record
 * from here is exactly the record the general way would build.
 */
export class LineRecordReader {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  constructor(
    private readonly entity: EntityKind,
    private readonly width: number,
    private readonly plans: readonly LinePlan[],
  ) {
    this.starts = new Int32Array(width);
    this.ends = new Int32Array(width);
  }

  read(line: string, delimiter: string): Record<string, unknown> | typeof FALLBACK {
    if (!this.findCells(line, delimiter)) return FALLBACK;
    const record = blankRecord(this.entity);
    for (const plan of this.plans) {
      const start = this.starts[plan.position] as number;
      const end = this.ends[plan.position] as number;
      if (start === end) {
        if (plan.required) return FALLBACK;
        continue;
      }
      if (isTrimmed(line.charCodeAt(start)) || isTrimmed(line.charCodeAt(end - 1))) return FALLBACK;
      if (plan.role === 'presence') {
        record.hasFullName = true;
        continue;
      }
      const value = plan.read(line, start, end);
      if (value === FALLBACK) return FALLBACK;
      if (plan.role === 'value') {
        record[plan.key] = value;
      } else {
        record.hasNationalId = true;
        record.nationalIdHash = value;
      }
    }
    return record;
  }

  /** Where each cell starts and ends; false unless the line has exactly the header's width. */
  private findCells(line: string, delimiter: string): boolean {
    let at = 0;
    for (let i = 0; i < this.width - 1; i++) {
      const next = line.indexOf(delimiter, at);
      if (next === -1) return false;
      this.starts[i] = at;
      this.ends[i] = next;
      at = next + 1;
    }
    if (line.indexOf(delimiter, at) !== -1) return false;
    this.starts[this.width - 1] = at;
    this.ends[this.width - 1] = line.length;
    return true;
  }
}
