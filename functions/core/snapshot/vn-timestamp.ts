import { DondocError } from '../errors.ts';
import { DAY_MS, FIXED_OFFSET_FROM_YEAR, HOUR_MS, MINUTE_MS, VN_OFFSET_MS, offsetMinutes, parseInstant } from '../time.ts';
import { digitsAt, epochDay, isValidDay, twoDigitsAt } from './calendar-date.ts';
import { excelSerialToWallClock } from './excel-serial.ts';

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?:\s*(Z|[+-]\d{2}(?::?\d{2})?))?$/i;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
/** A serial typed as text: five digits (1927–2173), so that a bare year is never taken for a day of 1905. */
const SERIAL = /^\d{5}(?:\.\d+)?$/;

const HYPHEN = 45;
const COLON = 58;
const LETTER_T = 84;
const SPACE = 32;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Date.UTC for a real day (isValidDay) and time of day. */
function utcInstant(y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0): number {
  return epochDay(y, mo, d) * DAY_MS + h * HOUR_MS + mi * MINUTE_MS + s * 1000 + ms;
}

function isValidTime(h: number, mi: number, s: number): boolean {
  return h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 59;
}

/**
 * The instant of a Vietnam wall-clock time, or undefined when no such time exists: from 1976
 * on by the month table (time.ts's Date arithmetic is too slow for every row of a large
 * file), earlier through parseInstant and its time-zone database.
 */
export function vnWallClockInstant(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | undefined {
  if (!isValidDay(y, mo, d) || !isValidTime(h, mi, s)) return undefined;
  if (y >= FIXED_OFFSET_FROM_YEAR) return utcInstant(y, mo, d, h, mi, s, ms) - VN_OFFSET_MS;
  try {
    return parseInstant(`${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}.${pad(ms, 3)}`);
  } catch (err) {
    if (err instanceof DondocError && err.code === 'INVALID_INSTANT') return undefined;
    throw err;
  }
}

/** The offset in ms to subtract from the wall clock; NaN when no clock keeps it (`+25:00`, `+07:75`). */
function offsetMs(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const minutes = offsetMinutes(offset.charAt(0), Number(digits.slice(0, 2)), Number(digits.slice(2) || '0'));
  return minutes === undefined ? Number.NaN : minutes * MINUTE_MS;
}

/** A time of day written in Excel (serial days since 1899-12-30) is a Vietnam wall clock. */
export function excelSerialToInstant(serial: number, date1904: boolean): number | undefined {
  const wall = excelSerialToWallClock(serial, date1904);
  return wall === undefined ? undefined : utcWallClockInstant(wall);
}

/** A date-time cell from a spreadsheet library: its UTC fields are the wall clock the uploader typed. */
export function utcWallClockInstant(wall: Date): number | undefined {
  if (Number.isNaN(wall.getTime())) return undefined;
  return vnWallClockInstant(
    wall.getUTCFullYear(),
    wall.getUTCMonth() + 1,
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
    wall.getUTCMilliseconds(),
  );
}

const PLUS = 43;
const ZERO = 48;
const SEVEN = 55;
const LETTER_Z = 90;

/** Whether `+07:00`, the offset nearly every timestamp of a Vietnamese export carries, is at `at`. */
function isVietnamOffsetAt(text: string, at: number): boolean {
  return (
    text.charCodeAt(at) === PLUS &&
    text.charCodeAt(at + 1) === ZERO &&
    text.charCodeAt(at + 2) === SEVEN &&
    text.charCodeAt(at + 3) === COLON &&
    text.charCodeAt(at + 4) === ZERO &&
    text.charCodeAt(at + 5) === ZERO
  );
}

/** The offset of `±HH:MM` at `at`, in ms to subtract from the wall clock; NaN if it is not one. */
function offsetAt(text: string, at: number): number {
  const sign = text.charCodeAt(at);
  if ((sign !== PLUS && sign !== HYPHEN) || text.charCodeAt(at + 3) !== COLON) return Number.NaN;
  const hours = twoDigitsAt(text, at + 1);
  const minutes = twoDigitsAt(text, at + 4);
  const total = hours < 0 || minutes < 0 ? undefined : offsetMinutes(sign === HYPHEN ? '-' : '+', hours, minutes);
  return total === undefined ? Number.NaN : total * MINUTE_MS;
}

/**
 * `YYYY-MM-DD[T ]HH:mm[:ss]`, bare (Vietnam time) or with `Z` or `±HH:MM` after the
 * seconds, in `text` from `start` to `end`: the shapes exports use, read without a regular
 * expression or a copy of the cell. Undefined for any other shape, left to the general parser.
 */
export function canonicalTimestampAt(text: string, start: number, end: number): number | undefined {
  const n = end - start;
  if (n !== 16 && n !== 19 && n !== 20 && n !== 25) return undefined;
  const separator = text.charCodeAt(start + 10);
  if (text.charCodeAt(start + 4) !== HYPHEN || text.charCodeAt(start + 7) !== HYPHEN || (separator !== LETTER_T && separator !== SPACE)) return undefined;
  if (text.charCodeAt(start + 13) !== COLON || (n > 16 && text.charCodeAt(start + 16) !== COLON)) return undefined;
  const y = digitsAt(text, start, 4);
  const mo = twoDigitsAt(text, start + 5);
  const d = twoDigitsAt(text, start + 8);
  const h = twoDigitsAt(text, start + 11);
  const mi = twoDigitsAt(text, start + 14);
  const s = n === 16 ? 0 : twoDigitsAt(text, start + 17);
  if (n <= 19) return vnWallClockInstant(y, mo, d, h, mi, s);
  const offset = n === 20 ? (text.charCodeAt(start + 19) === LETTER_Z ? 0 : Number.NaN) : isVietnamOffsetAt(text, start + 19) ? VN_OFFSET_MS : offsetAt(text, start + 19);
  if (Number.isNaN(offset) || !isValidDay(y, mo, d) || !isValidTime(h, mi, s)) return undefined;
  return utcInstant(y, mo, d, h, mi, s) - offset;
}

/**
 * ISO 8601 (an offset is honoured; none means Vietnam time), `DD/MM/YYYY[ HH:mm[:ss]]`, a
 * bare date (its first instant in Vietnam) or an Excel serial written out as text.
 */
export function parseTimestampText(text: string, date1904: boolean): number | undefined {
  const canonical = canonicalTimestampAt(text, 0, text.length);
  if (canonical !== undefined) return canonical;
  let m = ISO.exec(text);
  if (m) {
    const [, y, mo, d, h, mi, s, frac, offset] = m;
    const ms = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
    if (offset === undefined) return vnWallClockInstant(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms);
    const offsetAtWall = offsetMs(offset);
    if (Number.isNaN(offsetAtWall) || !isValidDay(Number(y), Number(mo), Number(d)) || !isValidTime(Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0))) return undefined;
    return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms) - offsetAtWall;
  }
  m = DAY_FIRST.exec(text);
  if (m) {
    const [, d, mo, y, h, mi, s] = m;
    return vnWallClockInstant(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  }
  if (SERIAL.test(text)) return excelSerialToInstant(Number(text), date1904);
  return undefined;
}
