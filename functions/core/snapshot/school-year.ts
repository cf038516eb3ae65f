import { isYear } from './calendar-date.ts';

/**
 * A school year as the sector writes it, `2023-2024`: two consecutive years. Exports and
 * hand-kept sheets also write it `2023 - 2024`, `2023–2024` (Word and Excel turn a hyphen
 * into a dash), `2023/2024` or `2023-24`; each is the same year and reads as the canonical
 * spelling, since the rollover rule compares a record's year with the catalog's. Anything
 * else, a typo such as `2023-2025` included, is not a school year: a record counted as
 * "not rolled over" for a typo would hide the typo from the officer who could fix it.
 */
const SCHOOL_YEAR = /^(\d{4})\s*[-–—/]\s*(\d{4}|\d{2})$/;
const CENTURY = 100;

/** The canonical `YYYY-YYYY`, or undefined when the text is not a school year. */
export function parseSchoolYear(text: string): string | undefined {
  const match = SCHOOL_YEAR.exec(text);
  if (match === null) return undefined;
  const start = Number(match[1]);
  const end = match[2] as string;
  const next = start + 1;
  if (!isYear(start) || !isYear(next)) return undefined;
  const consecutive = end.length === 2 ? Number(end) === next % CENTURY : Number(end) === next;
  return consecutive ? `${start}-${next}` : undefined;
}
