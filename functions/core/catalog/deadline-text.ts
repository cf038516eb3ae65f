import { DondocError } from '../errors.ts';
import { addVnDays, parseInstant, vnStartOfDay, type Instant } from '../time.ts';
import { foldText } from './fold-text.ts';

/** Why a deadline text was refused, in both languages, for the catalog's error report. */
export interface DeadlineTextProblem {
  text: string;
  vi: string;
  en: string;
}

const ISO_DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;

/*
 * Matched against the folded text (no accents, lower case, single spaces). Lead words such as
 * "chậm nhất" or "hạn chót:" carry no meaning for the instant; "đến hết" does when no hour is
 * given: "đến hết ngày X" runs through day X, so it ends at the start of the next day.
 */
const PHRASE = new RegExp(
  [
    '^(?:(?:cham nhat|han chot|han|hoan thanh)\\s*:?\\s+)*',
    '(?<marker>truoc|den het)?\\s*',
    '(?:(?<hour>\\d{1,2})\\s*(?:h|g|gio|:)\\s*(?<minute>\\d{2})?\\s*(?:phut|p|\')?\\s*,?\\s*)?',
    '(?:(?:cua\\s+)?ngay\\s+)?',
    '(?:(?<d1>\\d{1,2})[/.-](?<m1>\\d{1,2})[/.-](?<y1>\\d{4})',
    '|(?<d2>\\d{1,2})\\s+thang\\s+(?<m2>\\d{1,2})\\s*,?\\s+nam\\s+(?<y2>\\d{4}))',
    '\\.?$',
  ].join(''),
);

/**
 * Reads a deadline as a catalog writes it: ISO 8601 ("2023-06-08T17:00", "2024-02-10"), or
 * the way the dispatch itself says it ("trước 17h00 ngày 08/6/2023", "trước ngày 10/02/2024",
 * "trước ngày 27 tháng 9 năm 2024"). Dates are always day first; times are Vietnam time.
 * "trước ngày X" is the start of day X, per the CLI contract.
 */
export function parseDeadline(text: string): Instant {
  try {
    return readDeadline(text);
  } catch (error) {
    // A day that exists can still name no instant: past 31/12/9999 ("đến hết ngày 31/12/9999"), or a clock time Vietnam skipped.
    if (!(error instanceof DondocError) || error.code !== 'INVALID_INSTANT') throw error;
    throw problem(
      text,
      'không có thời điểm này theo giờ Việt Nam (ngoài các năm 0000–9999, hoặc giờ đã bị bỏ qua khi đổi múi giờ)',
      'no such instant in Vietnam time (outside years 0000–9999, or a clock time skipped by a change of offset)',
    );
  }
}

function readDeadline(text: string): Instant {
  const trimmed = text.trim();
  if (ISO_DATE_PREFIX.test(trimmed)) return parseIsoDeadline(text, trimmed);

  const m = PHRASE.exec(foldText(trimmed));
  const g = m?.groups;
  if (!g) {
    throw problem(
      text,
      'không nhận ra cách viết thời hạn (ví dụ hợp lệ: "trước 17h00 ngày 08/6/2023", "trước ngày 10/02/2024", "2023-06-08T17:00")',
      'unrecognised deadline (valid examples: "trước 17h00 ngày 08/6/2023", "trước ngày 10/02/2024", "2023-06-08T17:00")',
    );
  }
  const day = Number(g.d1 ?? g.d2);
  const month = Number(g.m1 ?? g.m2);
  const year = Number(g.y1 ?? g.y2);
  const date = calendarDate(text, year, month, day);

  if (g.hour === undefined) return vnStartOfDay(g.marker === 'den het' ? addVnDays(date, 1) : date);

  const hour = Number(g.hour);
  const minute = Number(g.minute ?? '0');
  // "24h00 ngày X" is how some offices write the end of day X.
  if (hour === 24 && minute === 0) return vnStartOfDay(addVnDays(date, 1));
  if (hour > 23 || minute > 59) {
    throw problem(text, `giờ không hợp lệ "${g.hour}h${g.minute ?? ''}"`, `no such time of day "${g.hour}h${g.minute ?? ''}"`);
  }
  return parseInstant(`${date}T${pad(hour)}:${pad(minute)}`);
}

function parseIsoDeadline(text: string, trimmed: string): Instant {
  const [, y, mo, d] = ISO_DATE_PREFIX.exec(trimmed) ?? [];
  calendarDate(text, Number(y), Number(mo), Number(d));
  try {
    return parseInstant(trimmed);
  } catch {
    throw problem(text, 'thời điểm ISO 8601 không hợp lệ', 'not a valid ISO 8601 instant');
  }
}

/** YYYY-MM-DD of a day given day-first, refusing days that do not exist (31/02, month 13). */
function calendarDate(text: string, year: number, month: number, day: number): string {
  const probe = new Date(0);
  // Date.UTC would read years 0–99 as 1900–1999.
  probe.setUTCFullYear(year, month - 1, day);
  if (month < 1 || month > 12 || probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw problem(
      text,
      `ngày ${day}/${month}/${year} không tồn tại (ngày viết theo thứ tự ngày/tháng/năm)`,
      `no such day ${day}/${month}/${year} (dates are day first: DD/MM/YYYY)`,
    );
  }
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function problem(text: string, vi: string, en: string): DondocError {
  const details: DeadlineTextProblem = { text, vi, en };
  return new DondocError('INVALID_CATALOG', `Thời hạn "${text}": ${vi} / deadline "${text}": ${en}`, details);
}
