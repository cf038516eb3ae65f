import { describe, expect, it } from 'vitest';
import { filtered, sorted, worstValues, type Column } from '../src/components/table-rows.ts';

interface Row {
  name: string;
  rate: number;
}
const rows: Row[] = [
  { name: 'Phòng GDĐT Hải An', rate: 2 },
  { name: 'Phòng GDĐT Lê Chân', rate: 9 },
  { name: 'Phòng GDĐT Đồ Sơn', rate: 9 },
  { name: 'Phòng GDĐT Kiến An', rate: 0 },
  { name: 'Phòng GDĐT An Dương', rate: 5 },
];
const columns: Array<Column<Row>> = [
  { key: 'name', label: 'Tên', value: (r) => r.name },
  { key: 'rate', label: 'Tỉ lệ', value: (r) => r.rate, numeric: true, worst: true },
];

describe('table rows', () => {
  it('filters without regard to accents or case', () => {
    expect(filtered(rows, columns, 'do son').map((r) => r.name)).toEqual(['Phòng GDĐT Đồ Sơn']);
    expect(filtered(rows, columns, 'HẢI').map((r) => r.name)).toEqual(['Phòng GDĐT Hải An']);
    expect(filtered(rows, columns, '  ')).toBe(rows);
  });

  it('sorts numbers as numbers and names in Vietnamese order', () => {
    expect(sorted(rows, columns, { key: 'rate', descending: true }).map((r) => r.rate)).toEqual([9, 9, 5, 2, 0]);
    expect(sorted(rows, columns, { key: 'name', descending: false }).map((r) => r.name)[0]).toBe('Phòng GDĐT An Dương');
    expect(sorted(rows, columns, undefined)).toBe(rows);
  });

  it('marks the worst row of a short table, ties included', () => {
    expect([...(worstValues(columns, rows).get('rate') ?? [])]).toEqual([9]);
  });

  it('marks the values of at most three worst rows in a long table, and never a zero', () => {
    const long = Array.from({ length: 30 }, (_, i) => ({ name: `PGD ${i}`, rate: i % 10 }));
    expect([...(worstValues(columns, long).get('rate') ?? [])].sort()).toEqual([9]);
    const spread = Array.from({ length: 30 }, (_, i) => ({ name: `PGD ${i}`, rate: i }));
    expect([...(worstValues(columns, spread).get('rate') ?? [])].sort((a, b) => Number(a) - Number(b))).toEqual([27, 28, 29]);
    expect(worstValues(columns, [{ name: 'x', rate: 0 }]).get('rate')?.size).toBe(0);
    expect(worstValues(columns, rows).has('name')).toBe(false);
  });
});
