import { TZDate } from '@date-fns/tz';
// Per-function entry points: the package root loads all of date-fns, tens of megabytes at start-up.
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { DondocError } from './errors.ts';

/** Every deadline and as-of in dondoc is an instant; Vietnam time is how people write and read them. */
export const VN_TZ = 'Asia/Ho_Chi_Minh';

export type Instant = number; // epoch milliseconds

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/i;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

const MINUTE_MS = 60_000;
/** UTC−12:00 to UTC+14:00: the offsets clocks keep. */
const MAX_OFFSET_MINUTES = 14 * 60;
const MIN_OFFSET_MINUTES = -12 * 60;

/** An offset of `sign` `hours`:`minutes` in minutes east of UTC, or undefined when no clock keeps it. */
export function offsetMinutes(sign: string, hours: number, minutes: number): number | undefined {
  const total = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
  return minutes <= 59 && total >= MIN_OFFSET_MINUTES && total <= MAX_OFFSET_MINUTES ? total : undefined;
}

/**
 * A date and time with its offset, every field checked: Date.parse would carry 30 February
 * over to 2 March and read 24:00 as the next day's midnight, so an as-of mistyped on the
 * command line would quietly evaluate another moment.
 */
function parseWithOffset(m: RegExpExecArray): Instant | undefined {
  const [, y, mo, d, h, mi, se = '0', frac = '0', sign, oh, om] = m;
  const offset = sign === undefined ? 0 : offsetMinutes(sign, Number(oh), Number(om));
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se)] as const;
  const wall = new Date(Date.UTC(...fields, Number(frac.slice(0, 3).padEnd(3, '0'))));
  wall.setUTCFullYear(fields[0]);
  const read = [wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds()];
  if (offset === undefined || read.some((field, i) => field !== fields[i])) return undefined;
  return wall.getTime() - offset * MINUTE_MS;
}

/** Parses ISO 8601; a timestamp without an offset is Vietnam time (snapshot contract). */
export function parseInstant(text: string): Instant {
  const s = text.trim();
  const withOffset = ISO_WITH_OFFSET.exec(s);
  if (withOffset) {
    const at = parseWithOffset(withOffset);
    if (at !== undefined) return at;
    throw new DondocError('INVALID_INSTANT', `Không có thời điểm "${text}": ngày, giờ hoặc múi giờ không tồn tại / no such instant: the day, time or offset does not exist`);
  }
  const m = ISO_LOCAL.exec(s);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', se = '0', frac = '0'] = m;
    const local = new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se), Number(frac.padEnd(3, '0')), VN_TZ);
    if (local.getDate() === Number(d) && local.getMonth() === Number(mo) - 1) return local.getTime();
  }
  throw new DondocError('INVALID_INSTANT', `Không đọc được thời điểm "${text}" / not an ISO 8601 instant`);
}

/** The instant 00:00 Vietnam time of a calendar day given as YYYY-MM-DD. */
export function vnStartOfDay(isoDate: string): Instant {
  return parseInstant(isoDate);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in Vietnam. */
export function vnDate(at: Instant): string {
  return format(new TZDate(at, VN_TZ), 'yyyy-MM-dd');
}

export function addVnDays(isoDate: string, days: number): string {
  return format(addDays(new TZDate(vnStartOfDay(isoDate), VN_TZ), days), 'yyyy-MM-dd');
}

const VN_OFFSET_MS = 7 * 3_600_000;
/**
 * Vietnam has kept UTC+07:00 since 13 June 1975, so from 1976 on (to the last four-digit
 * year) its wall clock is plain arithmetic; the zone database costs tens of microseconds a
 * call, and a check prints two instants for each of tens of thousands of results.
 */
const FIXED_OFFSET_FROM = Date.UTC(1976, 0, 1) - VN_OFFSET_MS;
const FIXED_OFFSET_UNTIL = Date.UTC(10_000, 0, 1) - VN_OFFSET_MS;

/** ISO 8601 with the +07:00 offset, as the CLI contract prints instants. */
export function formatVn(at: Instant): string {
  if (at >= FIXED_OFFSET_FROM && at < FIXED_OFFSET_UNTIL) return `${new Date(at + VN_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
  return format(new TZDate(at, VN_TZ), "yyyy-MM-dd'T'HH:mm:ssxxx");
}

/** "17h00 ngày 08/6/2023", the way Vietnamese dispatches write a deadline. */
export function formatVnOfficial(at: Instant): string {
  const d = new TZDate(at, VN_TZ);
  const day = format(d, 'dd/M/yyyy');
  return d.getHours() === 0 && d.getMinutes() === 0 ? `ngày ${day}` : `${format(d, "HH'h'mm")} ngày ${day}`;
}
