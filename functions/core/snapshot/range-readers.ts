import { digitsAt, isYear, isoDateAt } from './calendar-date.ts';
import { isAscii } from './cell.ts';
import type { ColumnSpec } from './entities.ts';
import { hash52Digits } from './hash52.ts';
import { INVALID, type ValueParser } from './value-parsers.ts';
import { canonicalTimestampAt } from './vn-timestamp.ts';

/** Returned when a cell is not in the common shape a range reader knows: the row is read the general way instead. */
export const FALLBACK: unique symbol = Symbol('fallback');

/**
 * Reads a cell in place, from `start` to `end` of its line: never empty, never with
 * whitespace at either end. Gives exactly what the column's parser gives for that text,
 * or FALLBACK, never INVALID: a problem is always reported by the general path.
 */
export type RangeReader = (line: string, start: number, end: number) => unknown;

const NATIONAL_ID_LENGTH = 12;
const YEAR_LENGTH = 4;
/** A column's distinct spellings are few (a label and its canonical value); beyond this many, slicing and the parser's memo serve. */
const SPELLINGS = 16;

function sameText(line: string, start: number, end: number, text: string): boolean {
  if (text.length !== end - start) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== line.charCodeAt(start + i)) return false;
  return true;
}

/** The line's text as it is: lines of decoded text. */
const asIs = (text: string): string => text;

/** The parser's answer through a slice; its own memo answers repeated spellings. `clean` decodes as well as cleans. */
function sliced(parse: ValueParser, decode: (text: string) => string, clean?: (text: string) => string): RangeReader {
  return (line, start, end) => {
    const text = line.slice(start, end);
    const value = parse(clean === undefined ? decode(text) : clean(text));
    return value === INVALID ? FALLBACK : value;
  };
}

/** Tries of the cell above before a column that seldom repeats it stops trying. */
const REPEAT_TRIAL = 64;

/**
 * A sliced reader that first compares the cell with the one above it: a file's rows come
 * grouped by unit (and often by class), so a unit code or a class name is mostly the row
 * above's, and its value then comes back as the same string, without a copy, a cleaning or a
 * lookup (and later hash lookups of the same string find its hash already computed). A column
 * whose cells rarely repeat (a record code) stops comparing after its trial rows. For values
 * that are never changed after reading: texts and numbers, not lists.
 */
function repeatingOrSliced(parse: ValueParser, decode: (text: string) => string, clean?: (text: string) => string): RangeReader {
  const read = sliced(parse, decode, clean);
  let aboveText = '';
  let above: unknown = FALLBACK;
  // Kept apart from `above`, whose values are of any type: comparing it with FALLBACK on every row was a generic comparison call.
  let aboveRead = false;
  let tries = 0;
  let hits = 0;
  return (line, start, end) => {
    if (tries < REPEAT_TRIAL || hits * 2 > tries) {
      tries += 1;
      if (aboveRead && sameText(line, start, end, aboveText)) {
        hits += 1;
        return above;
      }
      aboveText = line.slice(start, end);
      above = read(aboveText, 0, aboveText.length);
      aboveRead = above !== FALLBACK;
      return above;
    }
    return read(line, start, end);
  };
}

/** Labels compared in place against the few spellings met so far, so that no cell is copied to look it up. */
function spellingReader(parse: ValueParser, decode: (text: string) => string): RangeReader {
  const spellings: string[] = [];
  const values: unknown[] = [];
  return (line, start, end) => {
    for (let i = 0; i < spellings.length; i++) if (sameText(line, start, end, spellings[i] as string)) return values[i];
    const text = line.slice(start, end);
    const value = parse(decode(text));
    if (value === INVALID) return FALLBACK;
    if (spellings.length < SPELLINGS) {
      spellings.push(text);
      values.push(value);
    }
    return value;
  };
}

const nationalIdReader: RangeReader = (line, start, end) => {
  const hash = end - start === NATIONAL_ID_LENGTH ? hash52Digits(line, start, end) : -1;
  return hash < 0 ? FALLBACK : hash;
};

const dateReader: RangeReader = (line, start, end) => isoDateAt(line, start, end) ?? FALLBACK;

const dateOrYearReader: RangeReader = (line, start, end) => {
  if (end - start === YEAR_LENGTH) {
    const year = digitsAt(line, start, YEAR_LENGTH);
    if (year >= 0) return isYear(year) ? line.slice(start, end) : FALLBACK;
  }
  return dateReader(line, start, end);
};

const timestampReader: RangeReader = (line, start, end) => canonicalTimestampAt(line, start, end) ?? FALLBACK;

/**
 * The in-place reader for a column. Kept text goes through the column's cleaner as the
 * general path's does; labels and yes/no answers (whose parsers return shared values) are
 * matched against spellings met before; lists (a fresh array each row) and the rest slice.
 * Lines of binary text (binary-text.ts) give `decode` and a `clean` that decodes: what is
 * parsed or kept as text is decoded, and dates, timestamps and ID numbers, ASCII or not
 * in their shape, are read as they lie.
 */
export function rangeReader(spec: ColumnSpec, parse: ValueParser, clean: (text: string) => string, decode: (text: string) => string = asIs): RangeReader {
  switch (spec.type) {
    case 'string':
      // A cell read in place has nothing to trim (the line reader saw to it), so ASCII text is clean as it is.
      return repeatingOrSliced(parse, decode, (text) => (isAscii(text) ? text : clean(text)));
    case 'nationalId':
      return nationalIdReader;
    case 'date':
      return dateReader;
    case 'dateOrYear':
      return dateOrYearReader;
    case 'timestamp':
      return timestampReader;
    case 'enum':
    case 'boolean':
      return spellingReader(parse, decode);
    case 'email':
    case 'integer':
    case 'schoolYear':
      return repeatingOrSliced(parse, decode);
    case 'levels':
      return sliced(parse, decode);
  }
}
