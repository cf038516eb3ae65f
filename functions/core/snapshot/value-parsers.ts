import { excelSerialToDate, isYear, parseDateText, utcCalendarDate } from './calendar-date.ts';
import { cellText, ExcelError, type Cell } from './cell.ts';
import type { ColumnSpec } from './entities.ts';
import { foldKey } from './fold-key.ts';
import { hash52 } from './hash52.ts';
import { parseSchoolYear } from './school-year.ts';
import { excelSerialToInstant, parseTimestampText, utcWallClockInstant } from './vn-timestamp.ts';

/** Returned by a parser for a value its column does not accept. */
export const INVALID: unique symbol = Symbol('invalid');
export type Parsed = unknown;

/** A present cell: strings arrive trimmed and non-empty (and in NFC where the text itself is kept). */
export type PresentCell = Exclude<Cell, undefined>;
export type ValueParser = (cell: PresentCell) => Parsed;

export interface ParseContext {
  /** the workbook counts serial days from 1904 (old Mac Excel) */
  date1904: boolean;
}

const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;
const INTEGER = /^[+-]?\d+$/;
const YEAR = /^\d{4}$/;
const WHITESPACE = /\s+/g;
const NATIONAL_ID = /^\d{12}$/;
const NATIONAL_ID_LENGTH = 12;
const LIST_SEPARATOR = /[;,]/;
/** Enough for every label spelling in a file, bounded against a column of free text. */
const MEMO_LIMIT = 4096;

const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ...['true', '1', 'x', 'co', 'yes', 'y', 'dung'].map((w) => [w, true] as const),
  ...['false', '0', 'khong', 'no', 'n', 'sai'].map((w) => [w, false] as const),
]);

/** Remembers the answer per distinct spelling: label columns repeat a handful of values. */
function memoised(parse: (text: string) => Parsed): (text: string) => Parsed {
  const memo = new Map<string, Parsed>();
  return (text) => {
    const hit = memo.get(text);
    if (hit !== undefined) return hit;
    const value = parse(text);
    if (memo.size < MEMO_LIMIT) memo.set(text, value);
    return value;
  };
}

/** Canonical values and labels, compared case-, accent- and spacing-insensitively. */
function labelLookup(labels: Readonly<Record<string, readonly string[]>>): (text: string) => string | undefined {
  const folded = new Map<string, string>();
  for (const [canonical, spellings] of Object.entries(labels)) {
    for (const spelling of [canonical, ...spellings]) folded.set(foldKey(spelling), canonical);
  }
  return (text) => folded.get(foldKey(text));
}

function enumParser(spec: ColumnSpec): ValueParser {
  const lookup = labelLookup(spec.labels ?? {});
  const parseText = memoised((text) => lookup(text) ?? INVALID);
  return (cell) => (typeof cell === 'string' || typeof cell === 'number' ? parseText(String(cell)) : INVALID);
}

function levelsParser(spec: ColumnSpec): ValueParser {
  const lookup = labelLookup(spec.labels ?? {});
  const parseText = memoised((text) => {
    const levels: string[] = [];
    for (const token of text.split(LIST_SEPARATOR)) {
      if (token.trim() === '') continue;
      const level = lookup(token);
      if (level === undefined) return INVALID;
      if (!levels.includes(level)) levels.push(level);
    }
    return levels;
  });
  return (cell) => {
    if (typeof cell !== 'string') return INVALID;
    const levels = parseText(cell);
    // Each row gets its own array: records are handed to callers who may keep them.
    return Array.isArray(levels) ? [...levels] : levels;
  };
}

function booleanParser(): ValueParser {
  const parseText = memoised((text) => BOOLEAN_WORDS.get(foldKey(text)) ?? INVALID);
  return (cell) => {
    if (typeof cell === 'boolean') return cell;
    if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : INVALID;
    return typeof cell === 'string' ? parseText(cell) : INVALID;
  };
}

function integerParser(spec: ColumnSpec): ValueParser {
  const min = spec.min ?? Number.MIN_SAFE_INTEGER;
  const max = spec.max ?? Number.MAX_SAFE_INTEGER;
  return (cell) => {
    const n = typeof cell === 'number' ? cell : typeof cell === 'string' && INTEGER.test(cell) ? Number(cell) : Number.NaN;
    return Number.isSafeInteger(n) && n >= min && n <= max ? n : INVALID;
  };
}

function parseString(cell: PresentCell): Parsed {
  if (cell instanceof ExcelError) return INVALID;
  return typeof cell === 'string' ? cell : cellText(cell);
}

function parseEmail(cell: PresentCell): Parsed {
  return typeof cell === 'string' && EMAIL.test(cell) ? cell : INVALID;
}

function dateParser(ctx: ParseContext): ValueParser {
  return (cell) => {
    if (typeof cell === 'string') return parseDateText(cell, ctx.date1904) ?? INVALID;
    if (typeof cell === 'number') return excelSerialToDate(cell, ctx.date1904) ?? INVALID;
    if (cell instanceof Date) return utcCalendarDate(cell) ?? INVALID;
    return INVALID;
  };
}

/**
 * A birth date or just a birth year, as staff registers often hold. A year stays a year
 * ('1985', ISO 8601's reduced precision) rather than posing as 1 January.
 */
function dateOrYearParser(ctx: ParseContext): ValueParser {
  const date = dateParser(ctx);
  return (cell) => {
    if (typeof cell === 'string' && YEAR.test(cell)) return isYear(Number(cell)) ? cell : INVALID;
    if (typeof cell === 'number' && isYear(cell)) return String(cell);
    return date(cell);
  };
}

function timestampParser(ctx: ParseContext): ValueParser {
  return (cell) => {
    if (typeof cell === 'string') return parseTimestampText(cell, ctx.date1904) ?? INVALID;
    if (typeof cell === 'number') return excelSerialToInstant(cell, ctx.date1904) ?? INVALID;
    if (cell instanceof Date) return utcWallClockInstant(cell) ?? INVALID;
    return INVALID;
  };
}

function schoolYearParser(): ValueParser {
  const parseText = memoised((text) => parseSchoolYear(text) ?? INVALID);
  return (cell) => (typeof cell === 'string' ? parseText(cell) : INVALID);
}

const ZERO = 48;
const NINE = 57;

/** The shape nearly every ID cell already has, checked without building a copy or running a regular expression. */
function isTwelveDigits(text: string): boolean {
  if (text.length !== NATIONAL_ID_LENGTH) return false;
  for (let i = 0; i < NATIONAL_ID_LENGTH; i++) {
    const c = text.charCodeAt(i);
    if (c < ZERO || c > NINE) return false;
  }
  return true;
}

/** The 12 digits of a national ID, for validation only. */
export function nationalIdDigits(cell: PresentCell): string | undefined {
  if (typeof cell === 'string') {
    if (isTwelveDigits(cell)) return cell;
    const digits = cell.replace(WHITESPACE, '');
    return NATIONAL_ID.test(digits) ? digits : undefined;
  }
  // A numeric Excel cell has lost the leading zero of most province codes (001…096).
  if (typeof cell === 'number' && Number.isSafeInteger(cell) && cell >= 0 && cell < 1e12) return String(cell).padStart(12, '0');
  return undefined;
}

/** A national ID survives parsing only as a hash, for duplicate detection in memory. */
function parseNationalId(cell: PresentCell): Parsed {
  const digits = nationalIdDigits(cell);
  return digits === undefined ? INVALID : hash52(digits);
}

export function parserFor(spec: ColumnSpec, ctx: ParseContext): ValueParser {
  switch (spec.type) {
    case 'string':
      return parseString;
    case 'email':
      return parseEmail;
    case 'date':
      return dateParser(ctx);
    case 'dateOrYear':
      return dateOrYearParser(ctx);
    case 'timestamp':
      return timestampParser(ctx);
    case 'schoolYear':
      return schoolYearParser();
    case 'boolean':
      return booleanParser();
    case 'integer':
      return integerParser(spec);
    case 'nationalId':
      return parseNationalId;
    case 'levels':
      return levelsParser(spec);
    case 'enum':
      return enumParser(spec);
  }
}
