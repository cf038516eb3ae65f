import { describe, expect, it } from 'vitest';
import { asOfPhrase } from '../../../functions/core/report/identity-appendices.ts';
import { formatCell, renderIdentityTables } from '../../../functions/core/report/identity-table.ts';
import { identityReport } from '../../../functions/core/report/identity.ts';
import { AS_OF, REGISTRY, SUMMARIES, summary } from './fixture.ts';

/** The lines under a table's header rule. */
const dataRows = (t: string[] | undefined) => (t ?? []).slice((t ?? []).findIndex((l) => /^-+$/.test(l)) + 1);

/** The rendered text split into its four tables, each from its title line. */
function tables(text: string): string[][] {
  return text
    .split(/\n(?=PHỤ LỤC \d)/)
    .map((t) => t.split('\n').filter((l) => l.trim() !== ''));
}

describe('renderIdentityTables', () => {
  const report = identityReport(REGISTRY, SUMMARIES, AS_OF);
  const text = renderIdentityTables(report);
  const [pl1, pl2, pl3, pl4] = tables(text);

  it('prints four tables titled like the seed, with the as-of', () => {
    expect(tables(text)).toHaveLength(4);
    expect(pl1?.[0]).toMatch(/^PHỤ LỤC 1: THỐNG KÊ TỔNG SỐ HỌC SINH, NHÂN SỰ TOÀN NGÀNH/);
    expect(pl2?.[0]).toMatch(/^PHỤ LỤC 2: .*TRƯỜNG THPT/);
    expect(pl3?.[0]).toMatch(/^PHỤ LỤC 3: .*TRUNG TÂM GDNN-GDTX/);
    expect(pl4?.[0]).toMatch(/^PHỤ LỤC 4: .*PHÒNG GIÁO DỤC VÀ ĐÀO TẠO/);
    for (const t of [pl1, pl2, pl3, pl4]) expect(t?.[1]).toBe('(Số liệu tính đến thời điểm 11h30 ngày 23/6/2023)');
  });

  it('prints the figures of the report: levels, THPT-level schools, centres, district offices', () => {
    const row = (t: string[] | undefined, label: string) => dataRows(t).find((l) => l.includes(label))?.trim().split(/\s{2,}/);
    expect(row(pl1, 'MẦM NON')).toEqual(['1', 'MẦM NON', '10', '1', '10.00', '0', '0', '0.00']);
    expect(row(pl1, 'TỔNG SỐ')).toEqual(['TỔNG SỐ', '550', '54', '9.82', '70', '48', '68.57']);
    expect(row(pl2, 'Phan Chu Trinh')).toEqual(['2', 'THPT Phan Chu Trinh', '284', '13', '4.58', '52', '44', '84.62']);
    expect(row(pl2, 'TỔNG SỐ')).toEqual(['TỔNG SỐ', '334', '18', '5.39', '58', '46', '79.31']);
    expect(row(pl3, 'TT GDTX')).toEqual(['1', 'TT GDTX Hải Phòng', '100', '10', '10.00', '0', '0', '0.00']);
    expect(row(pl4, 'Trực thuộc Sở')).toEqual(['1', 'Trực thuộc Sở', '0', '0', '30', '3', '40', '4', '7', '0', '0', '4', '0', '3', '1', '1']);
    expect(row(pl4, 'Hồng Bàng')).toEqual(['2', 'Phòng GDĐT Hồng Bàng', '10', '1', '20', '2', '0', '0', '3', '0', '0', '5', '1', '0', '0', '1']);
  });

  it('puts the total last in Phụ lục 1 and first in the others, as the seed does', () => {
    expect(dataRows(pl1).at(-1)).toMatch(/TỔNG SỐ/);
    for (const t of [pl2, pl3, pl4]) expect(dataRows(t)[0]).toMatch(/TỔNG SỐ/);
  });

  it('aligns columns: every header and data line of a table ends at the same column', () => {
    for (const t of [pl1, pl2, pl3, pl4]) {
      const grid = (t ?? []).slice(3);
      const widths = new Set(grid.map((l) => [...l].length));
      expect(widths.size, grid[0]).toBe(1);
    }
  });

  it('prints counts with thousands separators and rates with two decimals', () => {
    const big = identityReport(REGISTRY, [summary('TH1', 'students', { TH: { total: 121_149, unverified: 1204 } })], AS_OF);
    expect(renderIdentityTables(big)).toMatch(/TIỂU HỌC\s+121,149\s+1,204\s+0\.99\s/);
    expect(formatCell(1234567, 'count')).toBe('1,234,567');
    expect(formatCell(4.1, 'rate')).toBe('4.10');
  });
});

describe('asOfPhrase', () => {
  it('writes the time and day as the seed does, in Vietnam time', () => {
    expect(asOfPhrase('2023-06-23T11:30:00+07:00')).toBe('11h30 ngày 23/6/2023');
    expect(asOfPhrase('2023-06-04T01:05:00Z')).toBe('08h05 ngày 4/6/2023');
  });

  it('writes year 0 as 0000, where date-fns wrote the era year 1', () => {
    expect(asOfPhrase('0000-06-01T12:00')).toBe('12h00 ngày 1/6/0000');
  });
});
