import { tzOffset } from '@date-fns/tz';
import { DondocError } from './errors.ts';

/** Every deadline and as-of in dondoc is an instant; Vietnam time is how people write and read them. */
export const VN_TZ = 'Asia/Ho_Chi_Minh';

export type Instant = number; // epoch milliseconds

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A wall clock without an offset; a bare date is ISO_DATE's, read as its day's first instant. */
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
/** UTC−12:00 to UTC+14:00: the offsets clocks keep. */
const MAX_OFFSET_MINUTES = 14 * 60;
const MIN_OFFSET_MINUTES = -12 * 60;

/** An offset of `sign` `hours`:`minutes` in minutes east of UTC, or undefined when no clock keeps it. */
export function offsetMinutes(sign: string, hours: number, minutes: number): number | undefined {
  const total = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
  return minutes <= 59 && total >= MIN_OFFSET_MINUTES && total <= MAX_OFFSET_MINUTES ? total : undefined;
}

const VN_OFFSET_MINUTES = 7 * 60;
export const VN_OFFSET_MS = VN_OFFSET_MINUTES * MINUTE_MS;
/**
 * Vietnam has kept UTC+07:00 since 13 June 1975, so from 1976 on (to the last four-digit
 * year) its wall clock is plain arithmetic. The zone database costs tens of microseconds a
 * call, and its first call some 20 ms of loading: a check prints two instants for each of
 * tens of thousands of results, and reads its catalog's deadlines as Vietnam wall clocks.
 */
export const FIXED_OFFSET_FROM_YEAR = 1976;
const LAST_YEAR = 9999;
const FIXED_OFFSET_FROM = Date.UTC(FIXED_OFFSET_FROM_YEAR, 0, 1) - VN_OFFSET_MS;
const FIXED_OFFSET_UNTIL = Date.UTC(LAST_YEAR + 1, 0, 1) - VN_OFFSET_MS;

/**
 * The wall clock `offset` minutes east of UTC at an instant, as a Date whose UTC fields read
 * it; a fraction of a millisecond is dropped first, as Date drops it from an instant.
 */
const wallClockAt = (at: Instant, offset: number): Date => new Date(Math.trunc(at) + offset * MINUTE_MS);

/** The zone database's offset at an instant, in minutes east of UTC (a fraction for local mean time's seconds). */
const zoneOffset = (at: Instant): number => tzOffset(VN_TZ, new Date(at));

/**
 * Vietnam's offset at an instant in minutes, 426.5 (+07:06:30, local mean time) before May
 * 1911; undefined when the instant's Vietnam wall clock falls outside years 0000–9999, which
 * four ISO digits cannot write and which the rest of dondoc (days, catalogs) refuses.
 */
function vnOffsetAt(at: Instant): number | undefined {
  if (at >= FIXED_OFFSET_FROM) return at < FIXED_OFFSET_UNTIL ? VN_OFFSET_MINUTES : undefined;
  const offset = zoneOffset(at);
  return wallClockAt(at, offset).getUTCFullYear() >= 0 ? offset : undefined;
}

/** Vietnam's offset at an instant in minutes, refused (INVALID_INSTANT) outside years 0000–9999. */
function checkedVnOffset(at: Instant): number {
  const offset = vnOffsetAt(at);
  if (offset !== undefined) return offset;
  const utc = new Date(at);
  const text = Number.isNaN(utc.getTime()) ? String(at) : utc.toISOString();
  throw new DondocError('INVALID_INSTANT', `Thời điểm ${text} theo giờ Việt Nam ngoài khoảng năm 0000–9999 / the instant ${text} is, in Vietnam time, outside years 0000–9999`);
}

/** An instant's Vietnam wall clock, in the zone's exact offset, as a Date whose UTC fields read it. */
export function vnWallClock(at: Instant): Date {
  return wallClockAt(at, checkedVnOffset(at));
}

type WallFields = readonly [year: number, monthIndex: number, day: number, hours: number, minutes: number, seconds: number];

/**
 * A wall clock's fields as epoch milliseconds read as UTC, every field checked: Date.UTC
 * would carry 30 February over to 2 March and read 24:00 as the next day's midnight, so an
 * as-of mistyped on the command line would quietly evaluate another moment.
 */
function checkedWall(fields: WallFields, frac: string): number | undefined {
  const wall = new Date(Date.UTC(...fields, Number(frac.slice(0, 3).padEnd(3, '0'))));
  wall.setUTCFullYear(fields[0]);
  const read = [wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds()];
  return read.some((field, i) => field !== fields[i]) ? undefined : wall.getTime();
}

function wallFields(y: string, mo: string, d: string, h: string, mi: string, se: string): WallFields {
  return [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se)];
}

/** A date and time with its offset, every field checked. */
function parseWithOffset(m: RegExpExecArray): Instant | undefined {
  const [, y = '', mo = '', d = '', h = '', mi = '', se = '0', frac = '0', sign, oh, om] = m;
  const offset = sign === undefined ? 0 : offsetMinutes(sign, Number(oh), Number(om));
  const wall = checkedWall(wallFields(y, mo, d, h, mi, se), frac);
  if (offset === undefined || wall === undefined) return undefined;
  return wall - offset * MINUTE_MS;
}

/** How far either side of a wall clock the zone's offsets that may name it are read: more than any offset, less than any two changes of offset apart. */
const PROBE_MS = DAY_MS;

/**
 * The instants the zone's clocks read as `wall` (a wall clock's fields read as UTC), earliest
 * first: one; two where a change of offset set the clocks back and the time came twice (1 July
 * 1955, 00:00–00:59); none where the clocks were set forward over it (1 April 1947, 00:00–00:59).
 * Each offset in force a day before or after is tried, and kept where the zone keeps it at the
 * instant it gives. TZDate resolved a repeated time by the machine's own zone, so 1 July 1955
 * started an hour later on a machine in New York than on one in Hanoi.
 */
function zoneInstants(wall: number): Instant[] {
  const offsets = new Set([zoneOffset(wall - PROBE_MS), zoneOffset(wall + PROBE_MS)]);
  return [...offsets]
    .map((offset) => ({ offset, at: wall - offset * MINUTE_MS }))
    .filter(({ offset, at }) => zoneOffset(at) === offset)
    .map(({ at }) => at)
    .sort((a, b) => a - b);
}

/** The instant the clocks jumped over a wall clock they skipped: where the offset before gives way, found by halving. */
function jumpOver(wall: number): Instant {
  const before = zoneOffset(wall - PROBE_MS);
  // Read by the offset after, the wall clock is an instant still before the jump; read by the one before, one after it.
  let early = wall - zoneOffset(wall + PROBE_MS) * MINUTE_MS;
  let late = wall - before * MINUTE_MS;
  while (late - early > 1) {
    const middle = Math.floor((early + late) / 2);
    if (zoneOffset(middle) === before) early = middle;
    else late = middle;
  }
  return late;
}

/** A Vietnam wall clock, every field checked; before 1976 through the zone database. */
function parseVnWallClock(m: RegExpExecArray): Instant | undefined {
  const [, y = '', mo = '', d = '', h = '', mi = '', se = '0', frac = '0'] = m;
  const fields = wallFields(y, mo, d, h, mi, se);
  const wall = checkedWall(fields, frac);
  if (wall === undefined) return undefined;
  if (fields[0] >= FIXED_OFFSET_FROM_YEAR) return wall - VN_OFFSET_MS;
  // A wall clock the zone skipped does not exist; one it came to twice is its first.
  return zoneInstants(wall)[0];
}

/** Parses ISO 8601; a timestamp without an offset is Vietnam time (snapshot contract). */
export function parseInstant(text: string): Instant {
  const s = text.trim();
  const withOffset = ISO_WITH_OFFSET.exec(s);
  if (withOffset) {
    const at = parseWithOffset(withOffset);
    if (at === undefined) throw new DondocError('INVALID_INSTANT', `Không có thời điểm "${text}": ngày, giờ hoặc múi giờ không tồn tại / no such instant: the day, time or offset does not exist`);
    // A four-digit year with an offset can still be year 10000 or −1 in Vietnam, where dondoc could neither print it nor count its days.
    if (vnOffsetAt(at) === undefined) throw new DondocError('INVALID_INSTANT', `Thời điểm "${text}" theo giờ Việt Nam ngoài khoảng năm 0000–9999 / "${text}" is, in Vietnam time, outside years 0000–9999`);
    return at;
  }
  // A bare date names a day: its first instant, which on 1 April 1947 is not a midnight.
  if (ISO_DATE.test(s)) return vnStartOfDay(s);
  const m = ISO_LOCAL.exec(s);
  const at = m ? parseVnWallClock(m) : undefined;
  if (at !== undefined) return at;
  throw new DondocError('INVALID_INSTANT', `Không đọc được thời điểm "${text}" / not an ISO 8601 instant`);
}

/** A calendar day given as YYYY-MM-DD, as its fields and its midnight read as UTC; a day that does not exist is refused. */
function calendarDay(isoDate: string): { fields: WallFields; wall: number } {
  const m = ISO_DATE.exec(isoDate);
  const fields = m === null ? undefined : wallFields(m[1] ?? '', m[2] ?? '', m[3] ?? '', '0', '0', '0');
  const wall = fields === undefined ? undefined : checkedWall(fields, '0');
  if (fields === undefined || wall === undefined) throw new DondocError('INVALID_INSTANT', `Không có ngày "${isoDate}" / no such day: ${isoDate}`);
  return { fields, wall };
}

/**
 * The first instant of a calendar day given as YYYY-MM-DD, in Vietnam: its first 00:00 (1 July
 * 1955 came to midnight twice, at +08:00 and again at +07:00), or, on the one day whose
 * midnight the clocks skipped (1 April 1947, when they went from 00:00 at +07:00 to 01:00 at
 * +08:00), the instant they jumped.
 */
export function vnStartOfDay(isoDate: string): Instant {
  const { fields, wall } = calendarDay(isoDate);
  if (fields[0] >= FIXED_OFFSET_FROM_YEAR) return wall - VN_OFFSET_MS;
  return zoneInstants(wall)[0] ?? jumpOver(wall);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in Vietnam. */
export function vnDate(at: Instant): string {
  return vnWallClock(at).toISOString().slice(0, 10);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * The calendar day `days` after (or before) an ISO date: arithmetic on the calendar, which no
 * change of offset touches. Days added in the zone through date-fns lost the half minute of
 * the local mean time the clocks left on 1 May 1911 (29/4/1911 plus one day came back as
 * 29/4/1911) and read years 0–99 as 1900–1999. A day that does not exist is refused as
 * vnStartOfDay refuses it.
 */
export function addVnDays(isoDate: string, days: number): string {
  const day = new Date(calendarDay(isoDate).wall + days * DAY_MS);
  const year = day.getUTCFullYear();
  if (!(year >= 0 && year <= LAST_YEAR)) {
    throw new DondocError('INVALID_INSTANT', `Ngày ${isoDate} dời ${days} ngày ra ngoài khoảng năm 0000–9999 / ${isoDate} moved by ${days} day(s) falls outside years 0000–9999`);
  }
  return day.toISOString().slice(0, 10);
}

/**
 * ISO 8601 with Vietnam's offset, +07:00 from 1976 on, as the CLI contract prints instants.
 * ISO 8601 and RFC 3339 write an offset in whole minutes: the local mean time before May 1911
 * (+07:06:30) is written +07:07, with its wall clock read in +07:07, so that the text reads
 * back as the instant (to the second). +07:06 would also read back, but would write the first
 * half minute of 0000-01-01 as year −1.
 */
export function formatVn(at: Instant): string {
  const offset = Math.ceil(checkedVnOffset(at));
  // Vietnam's clocks have always been ahead of UTC: the offset is never negative.
  return `${wallClockAt(at, offset).toISOString().slice(0, 19)}+${pad2(Math.floor(offset / 60))}:${pad2(offset % 60)}`;
}

/** "08/6/2023": day padded, month not, as Vietnamese dispatches write a date; `wall`'s UTC fields are the day. */
const officialDay = (wall: Date): string => `${pad2(wall.getUTCDate())}/${wall.getUTCMonth() + 1}/${wall.toISOString().slice(0, 4)}`;

/** A calendar day given as YYYY-MM-DD the way Vietnamese dispatches write it: "08/6/2023". */
export function formatVnDay(isoDate: string): string {
  return officialDay(new Date(calendarDay(isoDate).wall));
}

/** "17h00 ngày 08/6/2023", the way Vietnamese dispatches write a deadline. */
export function formatVnOfficial(at: Instant): string {
  const wall = vnWallClock(at);
  const day = officialDay(wall);
  return wall.getUTCHours() === 0 && wall.getUTCMinutes() === 0 ? `ngày ${day}` : `${pad2(wall.getUTCHours())}h${pad2(wall.getUTCMinutes())} ngày ${day}`;
}
