import type { CalendarEntry } from '../api/views.ts';
import { vnClock } from '../format/vn-time.ts';

export interface Day {
  /** "Thứ Hai, 05/6/2023" */
  label: string;
  entries: CalendarEntry[];
}

export interface Week {
  /** Monday, YYYY-MM-DD */
  monday: string;
  /** "05/6/2023 – 11/6/2023" */
  label: string;
  days: Day[];
}

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const DAY_MS = 86_400_000;
const pad = (n: number): string => String(n).padStart(2, '0');

/* Calendar arithmetic on a UTC date that carries Vietnam's wall-clock day: no zone rules involved. */
function vnCalendarDay(at: number): Date {
  const c = vnClock(at);
  return new Date(Date.UTC(c.year, c.month - 1, c.day));
}
const iso = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const written = (d: Date): string => `${pad(d.getUTCDate())}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;

/** Entries grouped by the Vietnamese week (Monday to Sunday) and day their deadline falls on, soonest first. */
export function byWeek(entries: readonly CalendarEntry[]): Week[] {
  const weeks = new Map<string, Week>();
  for (const entry of [...entries].sort((a, b) => a.at - b.at)) {
    const day = vnCalendarDay(entry.at);
    const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
    const key = iso(monday);
    const week = weeks.get(key) ?? { monday: key, label: `${written(monday)} – ${written(new Date(monday.getTime() + 6 * DAY_MS))}`, days: [] };
    const label = `${WEEKDAYS[day.getUTCDay()] ?? ''}, ${written(day)}`;
    const last = week.days[week.days.length - 1];
    if (last?.label === label) last.entries.push(entry);
    else week.days.push({ label, entries: [entry] });
    weeks.set(key, week);
  }
  return [...weeks.values()];
}
