import { describe, expect, it } from 'vitest';
import { parseDeadline, type DeadlineTextProblem } from '../../../functions/core/catalog/deadline-text.ts';
import { DondocError } from '../../../functions/core/errors.ts';
import { vnStartOfDay } from '../../../functions/core/time.ts';

/** The expected instant, written independently of the parser under test. */
const vn = (iso: string) => Date.parse(`${iso}+07:00`);

function rejection(text: string): DondocError {
  try {
    parseDeadline(text);
  } catch (error) {
    if (error instanceof DondocError) return error;
    throw error;
  }
  throw new Error(`"${text}" was accepted`);
}

describe('parseDeadline', () => {
  it('reads the hour-and-day phrases of the dispatches as that hour, Vietnam time', () => {
    expect(parseDeadline('trước 17h00 ngày 08/6/2023')).toBe(1686218400000);
    expect(parseDeadline('17h00 ngày 08/06/2023')).toBe(1686218400000);
    expect(parseDeadline('đến hết 17h00 ngày 08/6/2023')).toBe(1686218400000);
    expect(parseDeadline('17h00 ngày 15/6/2023')).toBe(vn('2023-06-15T17:00:00'));
    expect(parseDeadline('trước 17h00 ngày 04/7/2023')).toBe(vn('2023-07-04T17:00:00'));
  });

  it('accepts other ways of writing the hour', () => {
    expect(parseDeadline('trước 17 giờ 30 ngày 04/7/2023')).toBe(vn('2023-07-04T17:30:00'));
    expect(parseDeadline('trước 9h ngày 04/7/2023')).toBe(vn('2023-07-04T09:00:00'));
    expect(parseDeadline('trước 17:00 ngày 04/7/2023')).toBe(vn('2023-07-04T17:00:00'));
    expect(parseDeadline('trước 17g00 ngày 04-07-2023')).toBe(vn('2023-07-04T17:00:00'));
  });

  it('reads "trước ngày X" and "ngày X" as the start of day X', () => {
    expect(parseDeadline('trước ngày 10/02/2024')).toBe(vn('2024-02-10T00:00:00'));
    expect(parseDeadline('ngày 10/02/2024')).toBe(vn('2024-02-10T00:00:00'));
    expect(parseDeadline('chậm nhất trước ngày 10/02/2024')).toBe(vn('2024-02-10T00:00:00'));
    expect(parseDeadline('trước ngày 25/10/2022')).toBe(vn('2022-10-25T00:00:00'));
  });

  it('reads the spelled-out date form', () => {
    expect(parseDeadline('trước ngày 27 tháng 9 năm 2024')).toBe(vn('2024-09-27T00:00:00'));
    expect(parseDeadline('hoàn thành trước ngày 13 tháng 9 năm 2024')).toBe(vn('2024-09-13T00:00:00'));
    expect(parseDeadline('trước ngày 20 tháng 09 năm 2024.')).toBe(vn('2024-09-20T00:00:00'));
  });

  it('reads "đến hết ngày X" (through day X) and "24h00 ngày X" as the end of day X', () => {
    expect(parseDeadline('đến hết ngày 10/02/2024')).toBe(vn('2024-02-11T00:00:00'));
    expect(parseDeadline('trước 24h00 ngày 29/02/2024')).toBe(vn('2024-03-01T00:00:00'));
  });

  it('matches the words without regard to accents, case, spacing or Unicode form', () => {
    const expected = vn('2023-06-08T17:00:00');
    expect(parseDeadline('truoc 17h00 ngay 08/6/2023')).toBe(expected);
    expect(parseDeadline('  TRƯỚC   17H00  NGÀY 08/6/2023 ')).toBe(expected);
    expect(parseDeadline('Đến hết 17h00 ngày 08/6/2023'.normalize('NFD'))).toBe(expected);
    expect(parseDeadline('den het 17h00 ngay 08/06/2023')).toBe(expected);
  });

  it('reads ISO 8601, without an offset as Vietnam time', () => {
    expect(parseDeadline('2023-06-08T17:00')).toBe(1686218400000);
    expect(parseDeadline('2023-06-08T17:00:00+07:00')).toBe(1686218400000);
    expect(parseDeadline('2023-06-08T10:00:00Z')).toBe(1686218400000);
    expect(parseDeadline('2024-02-10')).toBe(vn('2024-02-10T00:00:00'));
  });

  it('reads the years 0001–0099 as written, not as 1901–1999', () => {
    expect(parseDeadline('trước ngày 01/01/0099')).toBe(vnStartOfDay('0099-01-01'));
    expect(parseDeadline('trước ngày 29/02/0004')).toBe(vnStartOfDay('0004-02-29'));
    expect(rejection('trước ngày 29/02/0001').code).toBe('INVALID_CATALOG');
  });

  it('is day first: a day/month that only works month first is refused', () => {
    expect(parseDeadline('ngày 02/10/2024')).toBe(vn('2024-10-02T00:00:00'));
    const e = rejection('trước ngày 06/13/2023');
    expect(e.code).toBe('INVALID_CATALOG');
    expect((e.details as DeadlineTextProblem).en).toMatch(/day first/);
    expect((e.details as DeadlineTextProblem).vi).toMatch(/ngày\/tháng\/năm/);
  });

  it.each([
    'trước ngày 31/02/2024',
    'ngày 29/02/2023',
    'trước 17h00 ngày 31/4/2023',
    '2024-02-31',
    '2024-02-31T10:00:00+07:00',
    '2023-06-08T25:00',
    'trước 25h00 ngày 08/6/2023',
    'trước 17h75 ngày 08/6/2023',
    'trước ngày 10/02/24',
    'tuần sau',
    'trước 17h00',
    '',
    'sau ngày 10/02/2024',
    '10/02/2024 ngày',
    // days that exist, but whose end or hour is no instant: past year 9999, and the half hour the clocks skipped on 1/4/1947
    'đến hết ngày 31/12/9999',
    'trước 24h00 ngày 31/12/9999',
    'trước 0h30 ngày 01/04/1947',
  ])('refuses %j with INVALID_CATALOG and a reason in both languages', (text) => {
    const e = rejection(text);
    expect(e.code).toBe('INVALID_CATALOG');
    const details = e.details as DeadlineTextProblem;
    expect(details.text).toBe(text);
    expect(details.vi.length).toBeGreaterThan(0);
    expect(details.en.length).toBeGreaterThan(0);
    expect(e.message).toContain(' / ');
  });
});
