import { describe, expect, it } from 'vitest';
import { countdown, vnClock, vnLocalInputToIso, vnOfficial } from '../src/format/vn-time.ts';

const vn = (iso: string): number => Date.parse(`${iso}+07:00`);

describe('Vietnam time on the page', () => {
  it('writes a deadline the way dispatches do, in Vietnam time whatever the browser zone', () => {
    expect(vnOfficial(vn('2023-06-08T17:00:00'))).toBe('17h00 ngày 08/6/2023');
    expect(vnOfficial(vn('2023-12-31T09:05:00'))).toBe('09h05 ngày 31/12/2023');
  });

  it('writes a deadline at the start of a day as the day alone', () => {
    expect(vnOfficial(vn('2023-06-15T00:00:00'))).toBe('ngày 15/6/2023');
  });

  it('puts an instant late in the UTC evening on the next Vietnamese day', () => {
    const at = Date.UTC(2023, 5, 7, 18, 30);
    expect(vnClock(at)).toEqual({ year: 2023, month: 6, day: 8, hour: 1, minute: 30 });
    expect(vnOfficial(at)).toBe('01h30 ngày 08/6/2023');
  });

  it('reads a datetime-local value as Vietnam time', () => {
    expect(Date.parse(vnLocalInputToIso('2023-06-08T17:00'))).toBe(vn('2023-06-08T17:00:00'));
    expect(vnLocalInputToIso('2023-06-08T17:00:30')).toBe('2023-06-08T17:00:30+07:00');
  });

  it('counts down to the hour, and past the deadline says by how much', () => {
    const deadline = vn('2023-06-08T17:00:00');
    expect(countdown(deadline, deadline - (3 * 24 + 4) * 3_600_000 - 59_000)).toBe('còn 3 ngày 4 giờ');
    expect(countdown(deadline, deadline - 2 * 24 * 3_600_000)).toBe('còn 2 ngày');
    expect(countdown(deadline, deadline - 5 * 3_600_000)).toBe('còn 5 giờ');
    expect(countdown(deadline, deadline - 20 * 60_000)).toBe('còn 20 phút');
    expect(countdown(deadline, deadline + 2 * 24 * 3_600_000 + 3_600_000)).toBe('quá hạn 2 ngày 1 giờ');
  });
});
