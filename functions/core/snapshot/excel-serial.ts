import { DAY_MS } from '../time.ts';

/** Day 0 of Excel's 1900 system, chosen so that serials from 1900-03-01 on are right (Excel counts a 29 Feb 1900). */
const EXCEL_1900_EPOCH = Date.UTC(1899, 11, 30);
const EXCEL_1904_OFFSET_DAYS = 1462;
const FIRST_RELIABLE_SERIAL = 61;
const LAST_SERIAL = 2_958_465;

/**
 * An Excel serial (days, fraction = time of day) as a Date whose UTC fields are the wall
 * clock shown in the sheet; undefined outside 1900-03-01 … 9999-12-31.
 */
export function excelSerialToWallClock(serial: number, date1904: boolean): Date | undefined {
  const days = serial + (date1904 ? EXCEL_1904_OFFSET_DAYS : 0);
  if (!Number.isFinite(days) || days < FIRST_RELIABLE_SERIAL || days >= LAST_SERIAL + 1) return undefined;
  return new Date(EXCEL_1900_EPOCH + Math.round(days * DAY_MS));
}
