import { binaryTrimmedAt, binaryTrimmedBefore } from './binary-text.ts';
import { FALLBACK, type RangeReader } from './range-readers.ts';
import { isTrimmed } from './trimmed-char.ts';

/** What the line reader needs of a column's plan. */
export interface LinePlan {
  position: number;
  key: string;
  role: 'value' | 'presence' | 'nationalId';
  required: boolean;
  read: RangeReader;
}

/** A compiled line reader of the line `text` holds from `start` to `end`: the record, or FALLBACK when the line is not in the common case. */
export type LineReader = (text: string, start: number, end: number, delimiter: string) => Record<string, unknown> | typeof FALLBACK;

const LAST_TRIMMED_ASCII = 32;
const LAST_ASCII = 127;

/**
 * Whether the character at `at` is one trim() removes, the call left for the rare cell
 * that starts or ends with a control character or a character above ASCII.
 */
function edgeTrimmed(at: string, aboveAscii: string): string {
  return `((c = text.charCodeAt(${at})) <= ${LAST_TRIMMED_ASCII} ? isTrimmed(c) : c > ${LAST_ASCII} && ${aboveAscii})`;
}

/**
 * The statements reading one column's cell, found between `s<position>` and `e<position>`.
 * A cell's value goes through its own reader, named `read<index>`.
 */
function columnStatements(plan: LinePlan, index: number, binary: boolean): string {
  const s = `s${plan.position}`;
  const e = `e${plan.position}`;
  const store =
    plan.role === 'presence'
      ? 'record.hasFullName = true;'
      : `const value = read${index}(text, ${s}, ${e});
         if (value === FALLBACK) return FALLBACK;
         ${plan.role === 'value' ? `record[${JSON.stringify(plan.key)}] = value;` : 'record.hasNationalId = true; record.nationalIdHash = value;'}`;
  const edges = `${edgeTrimmed(s, binary ? `binaryTrimmedAt(text, ${s})` : 'isTrimmed(c)')} || ${edgeTrimmed(`${e} - 1`, binary ? `binaryTrimmedBefore(text, ${e})` : 'isTrimmed(c)')}`;
  const read = `if (${edges}) return FALLBACK;
    ${store}`;
  return plan.required ? `if (${s} === ${e}) return FALLBACK; { ${read} }` : `if (${s} !== ${e}) { ${read} }`;
}

/**
 * Reads a CSV line without quotes straight into a record: cells are found and read where
 * they lie in the text read, never split into strings of their own, nor the line sliced out
 * (characters of a flat string read a third faster than those of a slice of it). Only the
 * common case is read here — the header's width, values in their usual shape, nothing to
 * trim, nothing wrong. Anything else gives FALLBACK and the row goes the general way, which
 * reports it; so a record from here is exactly the record the general way would build.
 *
 * The reader is compiled for one file's header: the cells found one after the other, then
 * each planned column read by statements of its own. Written out per column, every call and
 * store site sees one reader and one field, so V8 inlines the readers and stores at a fixed
 * place; the loop over the plans they replace, its sites shared by every column, ran about an
 * eighth slower. The code is made from positions and from field names of the record key
 * table only, never from the file's text. `blankRecord` makes the entity's record before
 * its cells are read. `binary`: the lines are binary text
 * (binary-text.ts), so a cell's first and last characters are read as UTF-8.
 */
export function compileLineReader(blankRecord: () => Record<string, unknown>, width: number, plans: readonly LinePlan[], binary: boolean): LineReader {
  // An NDJSON file whose first line holds no keys has no header yet, and its rows never come as lines.
  if (width === 0) return () => FALLBACK;
  const find: string[] = ['let at = start;', 'let next = -1;', 'let c = 0;'];
  for (let position = 0; position < width - 1; position++) {
    find.push(`next = text.indexOf(delimiter, at); if (next === -1 || next >= end) return FALLBACK; const s${position} = at; const e${position} = next; at = next + 1;`);
  }
  find.push(`next = text.indexOf(delimiter, at); if (next !== -1 && next < end) return FALLBACK; const s${width - 1} = at; const e${width - 1} = end;`);
  const body = [...find, 'const record = blankRecord();', ...plans.map((plan, index) => columnStatements(plan, index, binary)), 'return record;'].join('\n');
  const readers = plans.map((_, index) => `read${index}`);
  const make = new Function('blankRecord', 'isTrimmed', 'binaryTrimmedAt', 'binaryTrimmedBefore', 'FALLBACK', ...readers, `return (text, start, end, delimiter) => {\n${body}\n};`);
  return make(blankRecord, isTrimmed, binaryTrimmedAt, binaryTrimmedBefore, FALLBACK, ...plans.map((plan) => plan.read)) as LineReader;
}
