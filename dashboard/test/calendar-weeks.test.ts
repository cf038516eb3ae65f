import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from '../src/api/views.ts';
import { byWeek } from '../src/views/calendar-weeks.ts';

const entry = (iso: string, requirement: string): CalendarEntry => ({
  at: Date.parse(`${iso}+07:00`),
  text: iso,
  requirement,
  requirementTitle: requirement,
  dispatch: 'd',
  appliesTo: '',
  behind: 1,
  units: 2,
});

describe('the calendar by week', () => {
  it('groups deadlines by Vietnamese Monday-to-Sunday weeks, soonest first', () => {
    const weeks = byWeek([entry('2023-06-15T17:00', 'c'), entry('2023-06-05T00:30', 'a'), entry('2023-06-11T23:00', 'b')]);
    expect(weeks.map((w) => [w.monday, w.label, w.days.map((d) => [d.label, d.entries.map((e) => e.requirement)])])).toEqual([
      [
        '2023-06-05',
        '05/6/2023 – 11/6/2023',
        [
          ['Thứ Hai, 05/6/2023', ['a']],
          ['Chủ nhật, 11/6/2023', ['b']],
        ],
      ],
      ['2023-06-12', '12/6/2023 – 18/6/2023', [['Thứ Năm, 15/6/2023', ['c']]]],
    ]);
  });

  it('places Monday 00:30 in Vietnam (still Sunday in UTC) in the week it begins', () => {
    const [week] = byWeek([entry('2023-06-12T00:30', 'x')]);
    expect(week?.monday).toBe('2023-06-12');
    expect(week?.days[0]?.label).toBe('Thứ Hai, 12/6/2023');
  });

  it('keeps deadlines of the same day together', () => {
    expect(byWeek([entry('2023-06-08T17:00', 'a'), entry('2023-06-08T08:00', 'b')])[0]?.days.map((d) => d.entries.map((e) => e.requirement))).toEqual([['b', 'a']]);
  });

  it('crosses a year end', () => {
    expect(byWeek([entry('2024-01-01T08:00', 'x')])[0]?.label).toBe('01/1/2024 – 07/1/2024');
    expect(byWeek([entry('2023-12-31T08:00', 'y')])[0]?.label).toBe('25/12/2023 – 31/12/2023');
  });
});
