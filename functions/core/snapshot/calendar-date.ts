import { daysFromCivil } from './civil-instant.ts';
import { excelSerialToWallClock } from './excel-serial.ts';

/** Calendar dates as 'YYYY-MM-DD' strings: what the contract's date columns hold. */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const YEAR_FIRST = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
/** A serial typed as text: five digits (1927–2173), so that a bare year is never taken for a day of 1905. */
const SERIAL = /^\d{5}(?:\.\d+)?$/;

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** A year the sector's records can hold (NaN is not). */
export const isYear = (n: number): boolean => Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR;

const MONTHS = (MAX_YEAR - MIN_YEAR + 1) * 12;
/**
 * Days from 1970-01-01 to the first of each month of the years the records can hold, and
 * each month's length: a day of a file's every row is checked and counted by two lookups,
 * where the arithmetic of leap years and eras cost a timestamp a good part of its reading.
 */
const MONTH_FIRST_DAY = new Int32Array(MONTHS);
const MONTH_LENGTH = new Uint8Array(MONTHS);
for (let year = MIN_YEAR; year <= MAX_YEAR; year++) {
  for (let month = 1; month <= 12; month++) {
    const index = (year - MIN_YEAR) * 12 + month - 1;
    MONTH_FIRST_DAY[index] = daysFromCivil(year, month, 1);
    MONTH_LENGTH[index] = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  }
}

/** The month's place in those tables; -1 outside them. */
function monthIndex(year: number, month: number): number {
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 ? (year - MIN_YEAR) * 12 + month - 1 : -1;
}

/** A real calendar day within the years the sector's records can hold (NaN and -1 are not). */
export function isValidDay(year: number, month: number, day: number): boolean {
  const index = monthIndex(year, month);
  return index >= 0 && day >= 1 && day <= (MONTH_LENGTH[index] as number);
}

/** Days since 1970-01-01 of a day isValidDay accepts. */
export function epochDay(year: number, month: number, day: number): number {
  return (MONTH_FIRST_DAY[monthIndex(year, month)] as number) + day - 1;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function checkedDate(year: number, month: number, day: number): string | undefined {
  return isValidDay(year, month, day) ? formatIsoDate(year, month, day) : undefined;
}

/** An Excel serial day number as a calendar date (a time-of-day fraction is dropped). */
export function excelSerialToDate(serial: number, date1904: boolean): string | undefined {
  const wall = excelSerialToWallClock(serial, date1904);
  return wall === undefined ? undefined : utcCalendarDate(wall);
}

/** Spreadsheet libraries hand out date cells as UTC midnights: the calendar day is the UTC one, whatever the machine's zone. */
export function utcCalendarDate(date: Date): string | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  return checkedDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

const ZERO = 48;
const HYPHEN = 45;

/*
 * The digit readers answer -1 for a character that is not an ASCII digit: a small integer
 * throughout, where NaN made every field of a row's dates and timestamps a boxed number.
 */

/** `count` ASCII digits at `at` as a number; -1 if any is not a digit. */
export function digitsAt(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Two ASCII digits at `at` as a number, -1 if either is not one: the loop unrolled for the fields of a timestamp. */
export function twoDigitsAt(text: string, at: number): number {
  const tens = text.charCodeAt(at) - ZERO;
  const ones = text.charCodeAt(at + 1) - ZERO;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/** Whether `text` from `start` to `end` is `YYYY-MM-DD` exactly, a real day: the shape nearly every export uses, read without a regular expression. */
export function isCanonicalDateAt(text: string, start: number, end: number): boolean {
  if (end - start !== 10 || text.charCodeAt(start + 4) !== HYPHEN || text.charCodeAt(start + 7) !== HYPHEN) return false;
  return isValidDay(digitsAt(text, start, 4), twoDigitsAt(text, start + 5), twoDigitsAt(text, start + 8));
}

const SLASH = 47;
const DOT = 46;
const isDaySeparator = (c: number): boolean => c === SLASH || c === DOT || c === HYPHEN;

/**
 * Each day's ISO text, once made: a province's birth dates fall on a few thousand days, so a
 * date read again is neither copied out of its line nor formatted anew.
 */
const DAY_TEXTS: Array<string | undefined> = new Array<string | undefined>(MONTHS * 31);

function dayText(year: number, month: number, day: number): string {
  const slot = monthIndex(year, month) * 31 + day - 1;
  return (DAY_TEXTS[slot] ??= formatIsoDate(year, month, day));
}

/**
 * `YYYY-MM-DD`, or `DD/MM/YYYY` (or with `.` or `-`) with two-digit day and month as
 * Vietnamese exports write dates, in `text` from `start` to `end`: the ISO date, or
 * undefined for any other shape or a day that does not exist.
 */
export function isoDateAt(text: string, start: number, end: number): string | undefined {
  if (end - start !== 10) return undefined;
  let year: number;
  let month: number;
  let day: number;
  if (text.charCodeAt(start + 4) === HYPHEN && text.charCodeAt(start + 7) === HYPHEN) {
    year = digitsAt(text, start, 4);
    month = twoDigitsAt(text, start + 5);
    day = twoDigitsAt(text, start + 8);
  } else if (isDaySeparator(text.charCodeAt(start + 2)) && isDaySeparator(text.charCodeAt(start + 5))) {
    year = digitsAt(text, start + 6, 4);
    month = twoDigitsAt(text, start + 3);
    day = twoDigitsAt(text, start);
  } else {
    return undefined;
  }
  return isValidDay(year, month, day) ? dayText(year, month, day) : undefined;
}

function canonicalDate(text: string): string | undefined {
  return isCanonicalDateAt(text, 0, text.length) ? text : undefined;
}

/** `YYYY-MM-DD`, `DD/MM/YYYY` (day first, always) or an Excel serial written out as text. */
export function parseDateText(text: string, date1904: boolean): string | undefined {
  const canonical = canonicalDate(text);
  if (canonical !== undefined) return canonical;
  let m = YEAR_FIRST.exec(text);
  if (m) return checkedDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_FIRST.exec(text);
  if (m) return checkedDate(Number(m[3]), Number(m[2]), Number(m[1]));
  if (SERIAL.test(text)) return excelSerialToDate(Number(text), date1904);
  return undefined;
}
