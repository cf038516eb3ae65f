import type { Weekday } from './dondoc-config.ts';

/* EventBridge Scheduler cron fields: minutes hours day-of-month month day-of-week year.
   Exactly one of day-of-month / day-of-week must be `?`. The time zone travels separately
   (ScheduleExpressionTimezone), so the clock here is Vietnam wall time. */

function clockFields(hhmm: string): { minute: number; hour: number } {
  const [hour, minute] = hhmm.split(':').map(Number);
  return { minute: minute ?? 0, hour: hour ?? 0 };
}

export function dailyCron(hhmm: string): string {
  const { minute, hour } = clockFields(hhmm);
  return `cron(${minute} ${hour} * * ? *)`;
}

export function weeklyCron(hhmm: string, weekday: Weekday): string {
  const { minute, hour } = clockFields(hhmm);
  return `cron(${minute} ${hour} ? * ${weekday} *)`;
}
