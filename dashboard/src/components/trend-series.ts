import type { Status, TrendPoint } from '../api/views.ts';
import { share } from '../format/numbers.ts';

export interface Series {
  label: string;
  color: string;
  statuses: readonly Status[];
}

/* Colours match the status badges (styles.css). */
export const TREND_SERIES: readonly Series[] = [
  { label: 'Đạt', color: '#1b7f3b', statuses: ['compliant', 'compliant_late'] },
  { label: 'Sắp đến hạn', color: '#c77700', statuses: ['due_soon'] },
  { label: 'Quá hạn / Không đạt', color: '#c62828', statuses: ['overdue', 'non_compliant'] },
];

/** The share of units (percent, one decimal) in a series' statuses on each run day. */
export function seriesValues(points: readonly TrendPoint[], series: Series): number[] {
  return points.map(({ counts }) => {
    const n = series.statuses.reduce((sum, s) => sum + (counts.byStatus[s] ?? 0), 0);
    return Math.round(share(n, counts.units) * 10) / 10;
  });
}

/** "08/6" from "2023-06-08". */
export function shortDay(isoDay: string): string {
  const [, month, day] = isoDay.split('-');
  return `${day}/${Number(month)}`;
}
