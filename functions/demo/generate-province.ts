import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LEVELS } from '../core/snapshot/entities.ts';
import { parseInstant } from '../core/time.ts';
import { CsvFileWriter } from './csv-file-writer.ts';
import { DemoCalendar } from './demo-calendar.ts';
import { FakeNationalIds } from './fake-people.ts';
import { headerOf, staffRow, studentRow, type RowContext, type RowKind } from './person-rows.ts';
import { deriveSeed, mulberry32 } from './prng.ts';
import { buildProvinceUnits, type ProvinceUnit } from './province-units.ts';
import { SEED_004_AS_OF, type SeedTally } from './seed004.ts';

export { buildProvinceUnits, type ProvinceUnit } from './province-units.ts';

export interface GenerateOptions {
  /** multiplies every count of seed 004's tables (rounded); only scale 1 reproduces them exactly */
  scale?: number;
  seed?: number;
  /** ISO 8601; every generated timestamp falls before it (default: the seed's 11:30 23/6/2023) */
  asOf?: string;
  /** rows written so far, every PROGRESS_EVERY rows and at the end */
  onProgress?: (rows: number) => void;
}

export interface GeneratedProvince {
  files: { units: string; students: string; staff: string };
  counts: {
    units: number;
    /** rows written, inactive records included */
    students: number;
    staff: number;
    /** active records and how many of them are not verified: what `dondoc report identity` should find */
    active: { students: SeedTally; staff: SeedTally };
  };
}

const PROGRESS_EVERY = 10_000;

type Person = 'students' | 'staff';

/** Records beyond the active counts (transferred, dropped out, retired…): they must change no statistic. */
const INACTIVE_SHARE: Record<Person, [number, number]> = { students: [0.01, 0.03], staff: [0.01, 0.04] };
const CODE_PREFIX: Record<Person, string> = { students: 'HS', staff: 'CB' };

interface Progress {
  rows: number;
  report?: (rows: number) => void;
}

async function writeUnits(path: string, units: readonly ProvinceUnit[]): Promise<void> {
  const out = new CsvFileWriter(path);
  await out.writeRow(headerOf('units'));
  for (const { unit } of units) {
    await out.writeRow([unit.unitCode, unit.unitName, unit.unitKind, unit.levels.join(';'), unit.parentCode ?? '', unit.district ?? '', unit.headEmail ?? '', unit.officerEmail ?? '']);
  }
  await out.close();
}

/**
 * Writes one person file: per unit and level, exactly the planned active and unverified
 * records, with inactive ones interleaved at random. Each (unit, level) draws from its own
 * seeded stream, so the bytes depend on the seed alone.
 */
async function writePeople(
  path: string,
  entity: Person,
  units: readonly ProvinceUnit[],
  ctx: { seed: number; calendar: DemoCalendar; ids: FakeNationalIds },
  progress: Progress,
): Promise<{ rows: number; active: SeedTally }> {
  const out = new CsvFileWriter(path);
  const header = headerOf(entity);
  await out.writeRow(header);
  const build = entity === 'students' ? studentRow : staffRow;
  const [minShare, maxShare] = INACTIVE_SHARE[entity];
  const active: SeedTally = { total: 0, unverified: 0 };
  let rows = 0;
  for (const { unit, [entity]: plan } of units) {
    for (const level of LEVELS) {
      const planned = plan[level];
      if (!planned) continue;
      const rng = mulberry32(deriveSeed(ctx.seed, entity, unit.unitCode, level));
      const row: RowContext = { rng, calendar: ctx.calendar, ids: ctx.ids, unitCode: unit.unitCode, level };
      let toWrite = planned.total;
      let unverified = planned.unverified;
      let inactive = Math.round(planned.total * (minShare + (maxShare - minShare) * rng.next()));
      while (toWrite + inactive > 0) {
        let kind: RowKind;
        if (rng.int(toWrite + inactive) < inactive) {
          kind = 'inactive';
          inactive -= 1;
        } else {
          kind = rng.int(toWrite) < unverified ? 'unverified' : 'verified';
          if (kind === 'unverified') unverified -= 1;
          toWrite -= 1;
          active.total += 1;
          if (kind === 'unverified') active.unverified += 1;
        }
        rows += 1;
        const values = build(row, `${CODE_PREFIX[entity]}${String(rows).padStart(8, '0')}`, kind);
        if (values.length !== header.length) throw new Error(`${entity} row has ${values.length} cells for ${header.length} columns`);
        await out.writeRow(values);
        progress.rows += 1;
        if (progress.rows % PROGRESS_EVERY === 0) progress.report?.(progress.rows);
      }
    }
  }
  await out.close();
  return { rows, active };
}

/**
 * Writes a Hải Phòng-like province as three snapshot files (units.csv, students.csv,
 * staff.csv) into `outDir`. At scale 1 the active and unverified records of every unit add
 * up to seed 004's Phụ lục 2, 3 and 4 row by row; the same seed gives the same bytes.
 * Rows are streamed to disk, so memory does not grow with the province.
 */
export async function generateProvince(outDir: string, opts: GenerateOptions = {}): Promise<GeneratedProvince> {
  const seed = opts.seed ?? 2023;
  const calendar = new DemoCalendar(parseInstant(opts.asOf ?? SEED_004_AS_OF));
  const units = buildProvinceUnits({ scale: opts.scale ?? 1, seed });
  await mkdir(outDir, { recursive: true });
  const files = { units: join(outDir, 'units.csv'), students: join(outDir, 'students.csv'), staff: join(outDir, 'staff.csv') };
  const progress: Progress = { rows: 0, report: opts.onProgress };
  const ids = new FakeNationalIds();
  await writeUnits(files.units, units);
  const students = await writePeople(files.students, 'students', units, { seed, calendar, ids }, progress);
  const staff = await writePeople(files.staff, 'staff', units, { seed, calendar, ids }, progress);
  opts.onProgress?.(progress.rows);
  return {
    files,
    counts: { units: units.length, students: students.rows, staff: staff.rows, active: { students: students.active, staff: staff.active } },
  };
}
