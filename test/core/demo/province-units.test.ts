import { describe, expect, it } from 'vitest';
import { LEVELS, type Level } from '../../../functions/core/snapshot/entities.ts';
import { buildProvinceUnits, DEPARTMENT_CODE, districtFromName, levelsFromSchoolName, type ProvinceUnit } from '../../../functions/demo/province-units.ts';
import { APPENDIX_2, APPENDIX_3, APPENDIX_4, DISTRICT_LEVELS, type SeedTally } from '../../../functions/demo/seed004.ts';

const add = (a: SeedTally, b: SeedTally | undefined): SeedTally => ({ total: a.total + (b?.total ?? 0), unverified: a.unverified + (b?.unverified ?? 0) });
const zero = (): SeedTally => ({ total: 0, unverified: 0 });

function planned(units: readonly ProvinceUnit[], filter: (u: ProvinceUnit) => boolean, entity: 'students' | 'staff', level: Level): SeedTally {
  return units.filter(filter).reduce((acc, u) => add(acc, u[entity][level]), zero());
}

describe('levels and districts from a school name', () => {
  it('reads the levels a Phụ lục 2 name announces', () => {
    expect(levelsFromSchoolName('THPT Ngô Quyền')).toEqual(['THPT']);
    expect(levelsFromSchoolName('TH - THCS - THPT Hàng Hải 1')).toEqual(['TH', 'THCS', 'THPT']);
    expect(levelsFromSchoolName('THCS-THPT Lý Thánh Tông')).toEqual(['THCS', 'THPT']);
    expect(levelsFromSchoolName('THCS - THPT FPT')).toEqual(['THCS', 'THPT']);
    expect(levelsFromSchoolName('PT Hermann Gmeiner')).toEqual(['TH', 'THCS', 'THPT']);
  });

  it('guesses a district from the name, else the city', () => {
    expect(districtFromName('THPT Kiến Thụy')).toBe('Kiến Thụy');
    expect(districtFromName('THPT Cát Bà')).toBe('Cát Hải');
    expect(districtFromName('THPT Thủy Sơn')).toBe('Thủy Nguyên');
    expect(districtFromName('THPT Marie Curie')).toBe('Hải Phòng');
  });
});

describe('buildProvinceUnits at scale 1', () => {
  const units = buildProvinceUnits();
  const byCode = new Map(units.map((u) => [u.unit.unitCode, u]));

  it('has unique codes, one department, 15 district offices, 66 Phụ lục 2 schools and 15 centres', () => {
    expect(byCode.size).toBe(units.length);
    const kinds = units.map((u) => u.unit.unitKind);
    expect(kinds.filter((k) => k === 'department')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'district_office')).toHaveLength(15);
    expect(kinds.filter((k) => k === 'centre')).toHaveLength(15);
    const direct = units.filter((u) => u.unit.unitKind === 'school' && u.unit.parentCode === DEPARTMENT_CODE);
    expect(direct.map((u) => u.unit.unitName)).toEqual(APPENDIX_2.rows.map((r) => r.name));
  });

  it('gives every unit but the department a parent that exists, and every school and centre its levels', () => {
    for (const { unit } of units) {
      if (unit.unitKind === 'department') continue;
      expect(byCode.has(unit.parentCode ?? ''), unit.unitCode).toBe(true);
      if (unit.unitKind === 'school' || unit.unitKind === 'centre') expect(unit.levels.length, unit.unitCode).toBeGreaterThan(0);
      expect(unit.headEmail).toMatch(/^[\w.-]+@[\w.-]+\.example$/);
    }
  });

  it('plans exactly each Phụ lục 2 and 3 row, and nothing at levels a unit does not teach', () => {
    APPENDIX_2.rows.forEach((row) => {
      const u = units.find((x) => x.unit.unitName === row.name && x.unit.unitKind === 'school') as ProvinceUnit;
      expect(u.students.THPT, row.name).toEqual({ total: row.students.total, unverified: row.students.unverified });
      expect(u.staff.THPT, row.name).toEqual({ total: row.staff.total, unverified: row.staff.unverified });
    });
    APPENDIX_3.rows.forEach((row) => {
      const u = units.find((x) => x.unit.unitName === row.name) as ProvinceUnit;
      expect(u.unit).toMatchObject({ unitKind: 'centre', levels: ['GDTX'] });
      expect(u.students.GDTX).toEqual({ total: row.students.total, unverified: row.students.unverified });
      expect(u.staff.GDTX).toEqual({ total: row.staff.total, unverified: row.staff.unverified });
    });
    for (const u of units) {
      for (const level of LEVELS) {
        if (!u.unit.levels.includes(level)) {
          expect(u.students[level], `${u.unit.unitCode} ${level}`).toBeUndefined();
          expect(u.staff[level], `${u.unit.unitCode} ${level}`).toBeUndefined();
        }
        for (const entity of ['students', 'staff'] as const) {
          const t = u[entity][level];
          if (t) expect(t.unverified).toBeLessThanOrEqual(t.total);
        }
      }
    }
  });

  it('plans exactly each Phụ lục 4 row: district offices through their schools, the department through its multi-level schools', () => {
    APPENDIX_4.districts.forEach((row) => {
      const office = units.find((u) => u.unit.unitKind === 'district_office' && u.unit.district === row.name) as ProvinceUnit;
      for (const level of DISTRICT_LEVELS) {
        for (const entity of ['students', 'staff'] as const) {
          const got = planned(units, (u) => u.unit.parentCode === office.unit.unitCode, entity, level);
          expect(got, `${row.name} ${entity} ${level}`).toEqual(row[entity][level] ?? zero());
        }
      }
    });
    for (const level of DISTRICT_LEVELS) {
      for (const entity of ['students', 'staff'] as const) {
        const got = planned(units, (u) => u.unit.parentCode === DEPARTMENT_CODE && u.unit.unitKind === 'school', entity, level);
        expect(got, `direct ${entity} ${level}`).toEqual(APPENDIX_4.direct[entity][level] ?? zero());
      }
    }
  });

  it('sizes district schools realistically', () => {
    const sizes = (level: Level) => units.filter((u) => u.unit.parentCode?.startsWith('PGD') && u.unit.levels[0] === level && (u.students[level]?.total ?? 0) > 100).map((u) => u.students[level]?.total ?? 0);
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
    expect(mean(sizes('MN'))).toBeGreaterThan(300);
    expect(mean(sizes('MN'))).toBeLessThan(600);
    expect(mean(sizes('TH'))).toBeGreaterThan(600);
    expect(mean(sizes('THCS'))).toBeLessThan(1200);
  });
});

describe('buildProvinceUnits at other scales', () => {
  const total = (units: readonly ProvinceUnit[]) => units.reduce((a, u) => LEVELS.reduce((b, l) => add(b, u.students[l]), a), zero()).total;

  it('multiplies the counts and the number of district schools', () => {
    const one = buildProvinceUnits({ scale: 1 });
    const half = buildProvinceUnits({ scale: 0.5 });
    const double = buildProvinceUnits({ scale: 2 });
    expect(total(half) / total(one)).toBeCloseTo(0.5, 2);
    expect(total(double) / total(one)).toBeCloseTo(2, 2);
    expect(double.length).toBeGreaterThan(one.length);
    expect(half.length).toBeLessThan(one.length);
  });

  it('depends on the seed only in how counts are split, not in the totals', () => {
    const a = buildProvinceUnits({ seed: 1 });
    const b = buildProvinceUnits({ seed: 2 });
    expect(total(a)).toBe(total(b));
    expect(a.map((u) => u.students)).not.toEqual(b.map((u) => u.students));
  });

  it('rejects a scale that is not a positive number', () => {
    expect(() => buildProvinceUnits({ scale: 0 })).toThrow(RangeError);
    expect(() => buildProvinceUnits({ scale: Number.NaN })).toThrow(RangeError);
  });
});
