import { formatVnDay, formatVnOfficial } from '../../time.ts';
import type { DispatchFacts } from '../types.ts';

const INTEGER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const RATE = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** 4085 → "4.085": Vietnamese groups thousands with a dot. */
export function vnNumber(n: number): string {
  return INTEGER.format(n);
}

/** 4.58 → "4,58%": and marks decimals with a comma. */
export function vnPercent(rate: number): string {
  return `${RATE.format(rate)}%`;
}

/** 3.38 → "3,38": a difference of rates, in percentage points. */
export function vnPoints(points: number): string {
  return RATE.format(points);
}

/** "trước 17h00 ngày 08/6/2023", or "trước ngày 10/2/2024" for a start-of-day deadline, as the dispatches write it. */
export function deadlineText(at: number): string {
  return `trước ${formatVnOfficial(at)}`;
}

/** A calendar day the way the dispatches print one: "23/6/2023" (day padded, month not). */
export function vnDay(isoDate: string): string {
  return formatVnDay(isoDate);
}

/** "Văn bản số 1329/SGDĐT-GDTX&ĐH ngày 18/5/2023 của Sở GDĐT Hải Phòng", whatever precision the date was known to. */
export function dispatchReference(d: DispatchFacts): string {
  const date = /^\d{4}$/.test(d.date) ? `năm ${d.date}` : /^\d{1,2}\/\d{4}$/.test(d.date) ? `tháng ${d.date}` : `ngày ${d.date}`;
  return `Văn bản số ${d.number} ${date} của ${d.issuer}`;
}
