import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityReport } from '../../../functions/core/report/identity.ts';
import { COLUMNS, type UnitRecord } from '../../../functions/core/snapshot/entities.ts';
import { parseInstant } from '../../../functions/core/time.ts';
import { generateProvince, personFiles, type GeneratedProvince } from '../../../functions/demo/generate-province.ts';
import { APPENDIX_2, APPENDIX_3, APPENDIX_4, DISTRICT_LEVELS, SEED_004_AS_OF } from '../../../functions/demo/seed004.ts';
import { STALE_SYNC_DAYS, unitHabits } from '../../../functions/demo/unit-habits.ts';
import { countPeople, csvRows, isActiveCell, readUnits, summariesOf, tallyOf, type PeopleCounts } from './read-generated.ts';

type Person = 'students' | 'staff';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dondoc-province-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function sha256(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

describe('generateProvince is deterministic', () => {
  it('gives the same bytes for the same seed and different bytes for another', async () => {
    const [a, b, c] = await Promise.all([tempDir(), tempDir(), tempDir()]);
    const ra = await generateProvince(a, { scale: 0.02, seed: 7 });
    const rb = await generateProvince(b, { scale: 0.02, seed: 7 });
    const rc = await generateProvince(c, { scale: 0.02, seed: 8 });
    for (const f of ['units', 'students', 'staff'] as const) expect(await sha256(rb.files[f]), f).toBe(await sha256(ra.files[f]));
    expect(rb.counts).toEqual(ra.counts);
    expect(await sha256(rc.files.students)).not.toBe(await sha256(ra.files.students));
  });
});

describe('generateProvince at a small scale and another as-of', () => {
  const asOf = '2024-01-15T07:45:00+07:00';
  let out: GeneratedProvince;
  beforeAll(async () => {
    out = await generateProvince(await tempDir(), { scale: 0.03, seed: 3, asOf });
  });

  it('writes the contract columns in the contract order', async () => {
    for (const entity of ['units', 'students', 'staff'] as const) {
      const first = (await readFile(out.files[entity], 'utf8')).split('\n', 1)[0];
      expect(first).toBe(COLUMNS[entity].map((c) => c.name).join(','));
    }
  });

  it('dates every record before the as-of, in the school year it falls in', async () => {
    const limit = parseInstant(asOf);
    for (const entity of ['students', 'staff'] as const) {
      let n = 0;
      for await (const { header, cells } of csvRows(out.files[entity])) {
        const at = (c: string) => cells[header.get(c) as number] ?? '';
        expect(parseInstant(at('updated_at'))).toBeLessThan(limit);
        if (at('reviewed_at')) expect(parseInstant(at('reviewed_at'))).toBeLessThan(limit);
        expect(at('school_year')).toBe('2023-2024');
        n += 1;
      }
      expect(n).toBeGreaterThan(100);
    }
  });

  it('writes fake national IDs as 12 digits, shared only by the two records of a re-entered person, and a name on nearly every row', async () => {
    const holders = new Map<string, { unit: string; entity: Person; active: boolean }[]>();
    let rows = 0;
    let named = 0;
    for (const entity of ['students', 'staff'] as const) {
      for await (const { header, cells } of csvRows(out.files[entity])) {
        const at = (c: string) => cells[header.get(c) as number] ?? '';
        rows += 1;
        if (at('full_name')) named += 1;
        const id = at('national_id');
        if (!id) continue;
        expect(id).toMatch(/^031[0-3]\d{8}$/);
        holders.set(id, [...(holders.get(id) ?? []), { unit: at('unit_code'), entity, active: isActiveCell(entity, at('status')) }]);
      }
    }
    const shared = [...holders.values()].filter((h) => h.length > 1);
    expect(shared.length).toBeGreaterThan(2);
    for (const [first, second, ...more] of shared) {
      expect(more).toEqual([]);
      expect(second?.unit).toBe(first?.unit);
      expect(second?.entity).toBe(first?.entity);
      // the record of the person who left keeps the number of the record they were entered under again
      expect([first?.active, second?.active].sort()).toEqual([false, true]);
      if (first) expect(unitHabits(3, first.unit).reentered[first.entity], first.unit).toBe(true);
    }
    expect(new Set(shared.map(([h]) => `${h?.entity} ${h?.unit}`)).size, 'one re-entered person a unit').toBe(shared.length);
    expect(holders.size / rows).toBeGreaterThan(0.9);
    expect(named / rows).toBeGreaterThan(0.99);
  });

  it('leaves a staff field blank only on active records of units with a careless officer, one field a record', async () => {
    const fields = ['birth_date', 'qualification', 'pedagogy_certificate', 'role', 'contract'];
    const blankUnits = new Set<string>();
    let blanks = 0;
    for await (const { header, cells } of csvRows(out.files.staff)) {
      const at = (c: string) => cells[header.get(c) as number] ?? '';
      const blank = fields.filter((f) => at(f) === '').length;
      if (blank === 0) continue;
      expect(blank).toBe(1);
      expect(isActiveCell('staff', at('status'))).toBe(true);
      blanks += 1;
      blankUnits.add(at('unit_code'));
    }
    expect(blanks).toBeGreaterThan(5);
    for (const unit of blankUnits) expect(unitHabits(3, unit).staffGapShare, unit).toBeGreaterThan(0);
  });

  it('reports progress as rows are written', async () => {
    const seen: number[] = [];
    const result = await generateProvince(await tempDir(), { scale: 0.05, seed: 3, onProgress: (rows) => seen.push(rows) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(result.counts.students + result.counts.staff);
  });
});

describe('generateProvince with stale snapshots', () => {
  const opts = { scale: 0.05, seed: 2023 };
  let split: GeneratedProvince;
  let whole: GeneratedProvince;
  beforeAll(async () => {
    [split, whole] = await Promise.all([generateProvince(await tempDir(), { ...opts, staleSnapshots: true }), generateProvince(await tempDir(), opts)]);
  });

  const unitsIn = async (path: string) => {
    const units = new Set<string>();
    for await (const { header, cells } of csvRows(path)) units.add(cells[header.get('unit_code') as number] ?? '');
    return units;
  };

  it('writes the units that stopped syncing, and only those, into files as of STALE_SYNC_DAYS earlier, every stamp before that', async () => {
    const stale = split.stale as NonNullable<GeneratedProvince['stale']>;
    expect(whole.stale).toBeUndefined();
    expect(stale.asOf).toBe('2023-05-09T11:30:00+07:00');
    expect(parseInstant(SEED_004_AS_OF) - parseInstant(stale.asOf)).toBe(STALE_SYNC_DAYS * 86_400_000);
    for (const entity of ['students', 'staff'] as const) {
      const [current, old] = await Promise.all([unitsIn(split.files[entity]), unitsIn(stale.files[entity])]);
      expect(old.size, entity).toBeGreaterThan(2);
      for (const unit of old) expect(unitHabits(opts.seed, unit).staleSync, unit).toBe(true);
      for (const unit of current) expect(unitHabits(opts.seed, unit).staleSync, unit).toBe(false);
      for await (const { header, cells } of csvRows(stale.files[entity])) {
        const at = (c: string) => cells[header.get(c) as number] ?? '';
        expect(parseInstant(at('updated_at'))).toBeLessThan(parseInstant(stale.asOf));
        if (at('reviewed_at')) expect(parseInstant(at('reviewed_at'))).toBeLessThan(parseInstant(stale.asOf));
      }
    }
  });

  it('holds the same records per unit as the single-file province, so every count of the tables stays', async () => {
    expect(split.counts).toEqual(whole.counts);
    for (const entity of ['students', 'staff'] as const) {
      const [a, b] = await Promise.all([countPeople(personFiles(split)[entity], entity), countPeople([whole.files[entity]], entity)]);
      expect(a.active).toEqual(b.active);
      expect(a.rows).toBe(b.rows);
    }
  });
});

/** One full-size province as the demo loads it: seed 004's Phụ lục 2, 3 and 4 read back row by row from the CSV files. */
describe('generateProvince at scale 1', () => {
  let out: GeneratedProvince;
  let registry: Map<string, UnitRecord>;
  let students: PeopleCounts;
  let staff: PeopleCounts;
  beforeAll(async () => {
    out = await generateProvince(await tempDir(), { seed: 2023, staleSnapshots: true });
    registry = await readUnits(out.files.units);
    const files = personFiles(out);
    [students, staff] = await Promise.all([countPeople(files.students, 'students'), countPeople(files.staff, 'staff')]);
  }, 120_000);

  const unitNamed = (name: string, kind: UnitRecord['unitKind']) => [...registry.values()].find((u) => u.unitName === name && u.unitKind === kind) as UnitRecord;

  it('reproduces every Phụ lục 2 row at the THPT level of its school', () => {
    for (const row of APPENDIX_2.rows) {
      const unit = unitNamed(row.name, 'school');
      expect(tallyOf(students, unit.unitCode, 'THPT'), row.name).toEqual({ total: row.students.total, unverified: row.students.unverified });
      expect(tallyOf(staff, unit.unitCode, 'THPT'), row.name).toEqual({ total: row.staff.total, unverified: row.staff.unverified });
    }
  });

  it('reproduces every Phụ lục 3 row', () => {
    for (const row of APPENDIX_3.rows) {
      const unit = unitNamed(row.name, 'centre');
      expect(tallyOf(students, unit.unitCode, 'GDTX'), row.name).toEqual({ total: row.students.total, unverified: row.students.unverified });
      expect(tallyOf(staff, unit.unitCode, 'GDTX'), row.name).toEqual({ total: row.staff.total, unverified: row.staff.unverified });
    }
  });

  it('reproduces every Phụ lục 4 row, the department row through its multi-level schools', () => {
    const department = [...registry.values()].find((u) => u.unitKind === 'department') as UnitRecord;
    const rows = [
      { row: APPENDIX_4.direct, parent: department.unitCode },
      ...APPENDIX_4.districts.map((row) => ({ row, parent: unitNamed(`Phòng GDĐT ${row.name}`, 'district_office').unitCode })),
    ];
    for (const { row, parent } of rows) {
      const schools = [...registry.values()].filter((u) => u.parentCode === parent && u.unitKind === 'school');
      for (const level of DISTRICT_LEVELS) {
        for (const [entity, counts] of [['students', students], ['staff', staff]] as const) {
          const got = schools.reduce(
            (acc, u) => {
              const t = tallyOf(counts, u.unitCode, level);
              return { total: acc.total + t.total, unverified: acc.unverified + t.unverified };
            },
            { total: 0, unverified: 0 },
          );
          expect(got, `${row.name} ${entity} ${level}`).toEqual(row[entity][level] ?? { total: 0, unverified: 0 });
        }
      }
    }
  });

  it('adds inactive records that no active count includes', () => {
    expect(students.inactive).toBeGreaterThan(1000);
    expect(staff.inactive).toBeGreaterThan(100);
    expect(students.rows).toBe(out.counts.students);
    expect(students.rows - students.inactive).toBe(out.counts.active.students.total);
    expect(staff.rows - staff.inactive).toBe(out.counts.active.staff.total);
    expect(out.counts.active.students).toEqual({ total: 532_591, unverified: 3940 });
    expect(out.counts.active.staff).toEqual({ total: 33_052, unverified: 717 });
  });

  it('sets a level on every record, keeps record codes unique within a unit, and writes some enum cells as Vietnamese labels', () => {
    for (const c of [students, staff]) {
      expect(c.missingLevel).toBe(0);
      expect(c.duplicateCodes).toBe(0);
    }
    expect(students.rawVerification).toEqual(new Set(['verified', 'unverified', 'mismatch', 'Đã xác thực', 'Chưa xác thực', 'Sai thông tin']));
    expect([...students.rawStatus]).toEqual(expect.arrayContaining(['studying', 'Đang học', 'repeating', '', 'transferred_out', 'dropped_out']));
    expect([...staff.rawStatus]).toEqual(expect.arrayContaining(['working', 'Đang làm việc', '', 'left', 'retired', 'transferred_out']));
  });

  it('gives identityReport what it needs to print Phụ lục 2–4 as the seed does', () => {
    const asOf = parseInstant(SEED_004_AS_OF);
    const report = identityReport(registry, [...summariesOf(students, 'students', asOf), ...summariesOf(staff, 'staff', asOf)], asOf);
    const phanChuTrinh = report.units.find((u) => u.name === 'THPT Phan Chu Trinh');
    expect(phanChuTrinh?.students).toEqual({ total: 284, unverified: 13, rate: 4.58 });
    expect(phanChuTrinh?.staff).toEqual({ total: 52, unverified: 44, rate: 84.62 });
    expect(report.districts[0]).toMatchObject({ name: 'Trực thuộc Sở', students: { total: 2937 + 1636, unverified: 161 }, staff: { total: 319 + 114, unverified: 14 } });
    expect(report.districts.slice(1).map((d) => [d.name.replace('Phòng GDĐT ', ''), d.students.unverified, d.staff.unverified])).toEqual(
      APPENDIX_4.districts.map((r) => [r.name, r.studentsUnverified, r.staffUnverified]),
    );
  });
});
