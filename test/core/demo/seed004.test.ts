import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rate2 } from '../../../functions/core/evaluation/rate.ts';
import { APPENDIX_1, APPENDIX_2, APPENDIX_3, APPENDIX_4, DISTRICT_LEVELS, type SeedTally } from '../../../functions/demo/seed004.ts';

/** Phụ lục 1–4 of seed 004, a verbatim excerpt (from its line 41 to the end) kept with the tests. */
const SEED_TEXT = readFileSync(new URL('./fixtures/seed004-appendices.txt', import.meta.url), 'utf8');
/** The seed itself, where the workspace has it beside the project. */
const SEED_FILE = new URL('../../../../shared/seeds/004_c7ffd3039690a4e8.txt', import.meta.url);

const sum = (items: readonly SeedTally[]): SeedTally => ({
  total: items.reduce((a, t) => a + t.total, 0),
  unverified: items.reduce((a, t) => a + t.unverified, 0),
});
const pairOrZero = (t: SeedTally | null): SeedTally => t ?? { total: 0, unverified: 0 };
const districtRows = [APPENDIX_4.direct, ...APPENDIX_4.districts];
const appendix4Sum = (entity: 'students' | 'staff') => sum(DISTRICT_LEVELS.map((l) => sum(districtRows.map((r) => pairOrZero(r[entity][l])))));

/** The seed prints counts with thousands commas (121,149) or without (1204) and rates with a comma or a point. */
function printed(n: number): RegExp {
  const withCommas = n.toLocaleString('en-US');
  return new RegExp(`\\t(${withCommas}|${n})\\t`);
}

describe('seed 004 tables as data', () => {
  it.skipIf(!existsSync(SEED_FILE))('the fixture is an excerpt of the seed, byte for byte', () => {
    expect(readFileSync(SEED_FILE, 'utf8').endsWith(SEED_TEXT)).toBe(true);
  });

  it('has the rows the seed prints: 5 levels, 66 THPT-level schools, 15 centres, the department and 15 district offices', () => {
    expect(APPENDIX_1.rows.map((r) => r.level)).toEqual(['MN', 'TH', 'THCS', 'THPT', 'GDTX']);
    expect(APPENDIX_2.rows).toHaveLength(66);
    expect(APPENDIX_3.rows).toHaveLength(15);
    expect(APPENDIX_4.districts).toHaveLength(15);
    expect(new Set(APPENDIX_2.rows.map((r) => r.name)).size).toBe(66);
  });

  it('transcribes every Phụ lục 2 and 3 row as one tab-separated line of the seed text', () => {
    for (const r of [...APPENDIX_2.rows, ...APPENDIX_3.rows]) {
      const line = SEED_TEXT.split('\n').find((l) => l.split('\t')[1] === r.name);
      expect(line, r.name).toBeDefined();
      const cells = (line as string).split('\t').slice(2).map((c) => Number(c.replace(/,/g, '')));
      expect(cells, r.name).toEqual([r.students.total, r.students.unverified, r.students.rate, r.staff.total, r.staff.unverified, r.staff.rate]);
    }
  });

  it('transcribes every Phụ lục 4 row, blanks as null', () => {
    for (const r of districtRows) {
      const line = SEED_TEXT.split('\n').find((l) => l.split('\t')[1] === r.name) as string;
      const cells = line.split('\t').slice(2).map((c) => (c === '' ? null : Number(c.replace(/,/g, ''))));
      const pair = (t: SeedTally | null) => (t ? [t.total, t.unverified] : [null, null]);
      const expected = [
        ...DISTRICT_LEVELS.flatMap((l) => pair(r.students[l])),
        r.studentsUnverified,
        ...DISTRICT_LEVELS.flatMap((l) => pair(r.staff[l])),
        r.staffUnverified,
      ];
      // "Trực thuộc sở" prints MN students as 0 with a blank unverified cell, read as 0 / 0
      if (r === APPENDIX_4.direct) expected[1] = null;
      expect(cells, r.name).toEqual(expected);
    }
  });

  it('spot-checks rows against the text', () => {
    expect(APPENDIX_1.rows[0]).toMatchObject({ label: 'MẦM NON', students: { total: 121_149, unverified: 1204 }, staff: { total: 12_675, unverified: 246 } });
    expect(SEED_TEXT).toMatch(/1\tMẦM NON\t121,149\t1204\t0,98\t12,675\t246\t1,93/);
    expect(APPENDIX_2.rows.find((r) => r.name === 'THPT Phan Chu Trinh')).toMatchObject({ students: { total: 284, unverified: 13, rate: 4.58 }, staff: { total: 52, unverified: 44, rate: 84.62 } });
    expect(APPENDIX_3.rows.find((r) => r.name === 'TT GDNN - GDTX huyện Thủy Nguyên')?.students).toEqual({ total: 1329, unverified: 84, rate: 6.32 });
    expect(APPENDIX_4.direct.staff).toEqual({ MN: null, TH: { total: 319, unverified: 7 }, THCS: { total: 114, unverified: 7 } });
    expect(APPENDIX_4.districts[0]?.students.THCS).toBeNull();
    for (const n of [APPENDIX_1.printedTotal.students.total, APPENDIX_2.printedTotal.students.total, APPENDIX_4.printedTotal.students.TH?.total ?? -1]) expect(SEED_TEXT).toMatch(printed(n));
  });
});

/**
 * The seed's tables do not agree with each other, and Phụ lục 3's printed staff total does
 * not agree with its own rows. These tests pin each discrepancy (docs/seed-004-tables.md):
 * if a transcription changes, they say which printed figure moved.
 */
describe('seed 004 discrepancies', () => {
  it('Phụ lục 1: the level rows add up to the printed total', () => {
    expect(sum(APPENDIX_1.rows.map((r) => r.students))).toEqual({ total: 531_357, unverified: 4085 });
    expect(sum(APPENDIX_1.rows.map((r) => r.staff))).toEqual({ total: 33_135, unverified: 756 });
    expect(APPENDIX_1.printedTotal.students).toMatchObject({ total: 531_357, unverified: 4085 });
  });

  it('Phụ lục 1: seven printed rates are not unverified / total of their own row; six match the counts of Phụ lục 2–4 instead', () => {
    const own = APPENDIX_1.rows.flatMap((r) =>
      (['students', 'staff'] as const).map((e) => ({ level: r.level, entity: e, printed: r[e].rate, computed: rate2(r[e].unverified, r[e].total) })),
    );
    expect(own.filter((x) => x.printed !== x.computed)).toEqual([
      { level: 'MN', entity: 'students', printed: 0.98, computed: 0.99 },
      { level: 'MN', entity: 'staff', printed: 1.93, computed: 1.94 },
      { level: 'TH', entity: 'staff', printed: 1.77, computed: 1.76 },
      { level: 'THCS', entity: 'staff', printed: 2.61, computed: 2.6 },
      { level: 'THPT', entity: 'staff', printed: 4.1, computed: 4.03 },
      { level: 'GDTX', entity: 'students', printed: 1.79, computed: 1.76 },
      { level: 'GDTX', entity: 'staff', printed: 0.61, computed: 0.62 },
    ]);
    // the same unverified counts over the other appendices' totals give the printed rates
    expect(rate2(1204, APPENDIX_4.printedTotal.students.MN?.total ?? 0)).toBe(0.98);
    expect(rate2(246, APPENDIX_4.printedTotal.staff.MN?.total ?? 0)).toBe(1.93);
    expect(rate2(153, APPENDIX_4.printedTotal.staff.TH?.total ?? 0)).toBe(1.77);
    expect(rate2(182, APPENDIX_4.printedTotal.staff.THCS?.total ?? 0)).toBe(2.61);
    expect(rate2(172, APPENDIX_2.printedTotal.staff.total)).toBe(4.1);
    expect(rate2(152, APPENDIX_3.printedTotal.students.total)).toBe(1.79);
    expect(rate2(3, APPENDIX_3.printedTotal.staff.total)).toBe(0.61);
  });

  it('Phụ lục 1: the printed student total rate 0.76% is 4085 / 531,357 = 0.7688% cut, not rounded', () => {
    expect(APPENDIX_1.printedTotal.students.rate).toBe(0.76);
    expect(rate2(4085, 531_357)).toBe(0.77);
    expect(Math.floor((4085 / 531_357) * 10_000) / 100).toBe(0.76);
    expect(APPENDIX_1.printedTotal.staff.rate).toBe(rate2(756, 33_135));
  });

  it('Phụ lục 2 and 3: every row rate is unverified / total, rounded half-up', () => {
    for (const r of [...APPENDIX_2.rows, ...APPENDIX_3.rows, APPENDIX_2.printedTotal, APPENDIX_3.printedTotal]) {
      expect(r.students.rate, r.name).toBe(rate2(r.students.unverified, r.students.total));
      if (r !== APPENDIX_3.printedTotal) expect(r.staff.rate, r.name).toBe(rate2(r.staff.unverified, r.staff.total));
    }
  });

  it('Phụ lục 2: the rows add up to the printed total', () => {
    expect(sum(APPENDIX_2.rows.map((r) => r.students))).toEqual({ total: 69_315, unverified: 129 });
    expect(sum(APPENDIX_2.rows.map((r) => r.staff))).toEqual({ total: 4191, unverified: 172 });
  });

  it('Phụ lục 3: the printed staff total (490) is 36 more than its rows (454); its rate 0.61 is 3 / 490', () => {
    expect(sum(APPENDIX_3.rows.map((r) => r.students))).toEqual({ total: 8470, unverified: 153 });
    expect(sum(APPENDIX_3.rows.map((r) => r.staff))).toEqual({ total: 454, unverified: 3 });
    expect(APPENDIX_3.printedTotal.staff).toEqual({ total: 490, unverified: 3, rate: 0.61 });
    expect(rate2(3, 454)).toBe(0.66);
  });

  it('Phụ lục 4: the rows (department and districts) add up to the printed total, and each row total is the sum of its levels', () => {
    for (const level of DISTRICT_LEVELS) {
      for (const entity of ['students', 'staff'] as const) {
        expect(sum(districtRows.map((r) => pairOrZero(r[entity][level]))), `${entity} ${level}`).toEqual(APPENDIX_4.printedTotal[entity][level]);
      }
    }
    for (const r of [...districtRows, APPENDIX_4.printedTotal]) {
      expect(sum(DISTRICT_LEVELS.map((l) => pairOrZero(r.students[l]))).unverified, r.name).toBe(r.studentsUnverified);
      expect(sum(DISTRICT_LEVELS.map((l) => pairOrZero(r.staff[l]))).unverified, r.name).toBe(r.staffUnverified);
    }
  });

  it('Phụ lục 1 disagrees with Phụ lục 2, 3 and 4 level by level', () => {
    const byLevel = Object.fromEntries(APPENDIX_1.rows.map((r) => [r.level, r]));
    const other = {
      MN: { students: APPENDIX_4.printedTotal.students.MN, staff: APPENDIX_4.printedTotal.staff.MN },
      TH: { students: APPENDIX_4.printedTotal.students.TH, staff: APPENDIX_4.printedTotal.staff.TH },
      THCS: { students: APPENDIX_4.printedTotal.students.THCS, staff: APPENDIX_4.printedTotal.staff.THCS },
      THPT: APPENDIX_2.printedTotal,
      GDTX: APPENDIX_3.printedTotal,
    };
    const gaps = Object.entries(other).map(([level, o]) => {
      const own = byLevel[level] as (typeof APPENDIX_1.rows)[number];
      const diff = (a: SeedTally, b: SeedTally | null) => [a.total - pairOrZero(b).total, a.unverified - pairOrZero(b).unverified];
      return [level, diff(own.students, o.students), diff(own.staff, o.staff)];
    });
    expect(gaps).toEqual([
      ['MN', [-1992, 1], [-101, 2]],
      ['TH', [105, 33], [52, 36]],
      ['THCS', [228, 25], [21, 1]],
      ['THPT', [261, 87], [80, 0]],
      ['GDTX', [164, -1], [-5, 0]],
    ]);
    const students = sum([APPENDIX_2.printedTotal.students, APPENDIX_3.printedTotal.students, appendix4Sum('students')]);
    expect(students).toEqual({ total: 532_591, unverified: 3940 });
    const staffFromRows = sum([...APPENDIX_2.rows.map((r) => r.staff), ...APPENDIX_3.rows.map((r) => r.staff), appendix4Sum('staff')]);
    expect(staffFromRows).toEqual({ total: 33_052, unverified: 717 });
  });
});
