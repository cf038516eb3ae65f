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

/** A compiled line reader: the record, or FALLBACK when the line is not in the common case. */
export type LineReader = (line: string, delimiter: string) => Record<string, unknown> | typeof FALLBACK;

/**
 * The statements reading one column's cell, found between `s<position>` and `e<position>`.
 * A cell's value goes through its own reader, named `read<index>`.
 */
function columnStatements(plan: LinePlan, index: number): string {
  const s = `s${plan.position}`;
  const e = `e${plan.position}`;
  const store =
    plan.role === 'presence'
      ? 'record.hasFullName = true;'
      : `const value = read${index}(line, ${s}, ${e});
         if (value === FALLBACK) return FALLBACK;
         ${plan.role === 'value' ? `record[${JSON.stringify(plan.key)}] = value;` : 'record.hasNationalId = true; record.nationalIdHash = value;'}`;
  const read = `if (isTrimmed(line.charCodeAt(${s})) || isTrimmed(line.charCodeAt(${e} - 1))) return FALLBACK;
    ${store}`;
  return plan.required ? `if (${s} === ${e}) return FALLBACK; { ${read} }` : `if (${s} !== ${e}) { ${read} }`;
}

/**
 * Reads a CSV line without quotes straight into a record: cells are found and read where
 * they lie, never split into strings of their own. Only the common case is read here —
 * the header's width, values in their usual shape, nothing to trim, nothing wrong. Anything
 * else gives FALLBACK and the row goes the general way, which reports it; so a record
 * from here is exactly the record the general way would build.
 *
 * The reader is compiled for one file's header: the cells found one after the other, then
 * each planned column read by statements of its own. Written out per column, every call and
 * store site sees one reader and one field, so V8 inlines the readers and stores at a fixed
 * place; the loop over the plans they replace, its sites shared by every column, ran about an
 * eighth slower. The code is made from positions and from field names of the record key
 * table only, never from the file's text.
 */
export function compileLineReader(entity: EntityKind, width: number, plans: readonly LinePlan[]): LineReader {
  const find: string[] = ['let at = 0;', 'let next = -1;'];
  for (let position = 0; position < width - 1; position++) {
    find.push(`next = line.indexOf(delimiter, at); if (next === -1) return FALLBACK; const s${position} = at; const e${position} = next; at = next + 1;`);
  }
  find.push(`if (line.indexOf(delimiter, at) !== -1) return FALLBACK; const s${width - 1} = at; const e${width - 1} = line.length;`);
  const body = [...find, 'const record = blankRecord(entity);', ...plans.map(columnStatements), 'return record;'].join('\n');
  const readers = plans.map((_, index) => `read${index}`);
  const make = new Function('blankRecord', 'entity', 'isTrimmed', 'FALLBACK', ...readers, `return (line, delimiter) => {\n${body}\n};`);
  return make(blankRecord, entity, isTrimmed, FALLBACK, ...plans.map((plan) => plan.read)) as LineReader;
}
