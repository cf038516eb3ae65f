import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LEVELS } from '../core/snapshot/entities.ts';
import { DAY_MS, formatVn, parseInstant } from '../core/time.ts';
import { CsvFileWriter } from './csv-file-writer.ts';
import { DemoCalendar } from './demo-calendar.ts';
import { FakeNationalIds } from './fake-people.ts';
import { HabitRows } from './habit-rows.ts';
import { headerOf, staffRow, studentRow, type RowContext, type RowKind } from './person-rows.ts';
import { deriveSeed, mulberry32 } from './prng.ts';
import { buildProvinceUnits, type ProvinceUnit } from './province-units.ts';
import { SEED_004_AS_OF, type SeedTally } from './seed004.ts';
import { STALE_SYNC_DAYS, unitHabits } from './unit-habits.ts';

export { buildProvinceUnits, type ProvinceUnit } from './province-units.ts';

export interface GenerateOptions {
  /** multiplies every count of seed 004's tables (rounded); only scale 1 reproduces them exactly */
  scale?: number;
  seed?: number;
  /** ISO 8601; every generated timestamp falls before it (default: the seed's 11:30 23/6/2023) */
  asOf?: string;
  /** rows written so far, every PROGRESS_EVERY rows and at the end */
  onProgress?: (rows: number) => void;
  /**
   * Write the person records of the units that stopped syncing (unit-habits.ts) into files
   * of their own, snapshots STALE_SYNC_DAYS older than the as-of, as the demo uploads them.
   * Off, every unit is in students.csv and staff.csv (one snapshot each, as benchmarks want).
   */
  staleSnapshots?: boolean;
  /** each file's path once it is written and closed: units.csv first, long before the person files */
  onWritten?: (path: string) => void;
}

/** The person files of the units whose last upload is STALE_SYNC_DAYS older than the province's. */
export interface StaleSnapshots {
  /** ISO 8601, the as-of these files are uploaded with */
  asOf: string;
  files: { students: string; staff: string };
}

export interface GeneratedProvince {
  files: { units: string; students: string; staff: string };
  /** only with `staleSnapshots` */
  stale?: StaleSnapshots;
  counts: {
    units: number;
    /** rows written, inactive records included, stale files included */
    students: number;
    staff: number;
    /** active records and how many of them are not verified: what `dondoc report identity` should find */
    active: { students: SeedTally; staff: SeedTally };
  };
}

const PROGRESS_EVERY = 10_000;

/** The province's as-of and its stale files' (STALE_SYNC_DAYS earlier), as instants. */
function asOfInstants(opts: Pick<GenerateOptions, 'asOf'>): { asOf: number; staleAsOf: number } {
  const asOf = parseInstant(opts.asOf ?? SEED_004_AS_OF);
  return { asOf, staleAsOf: asOf - STALE_SYNC_DAYS * DAY_MS };
}

type Person = 'students' | 'staff';

/** Records beyond the active counts (transferred, dropped out, retired…): they must change no statistic. */
const INACTIVE_SHARE: Record<Person, [number, number]> = { students: [0.01, 0.03], staff: [0.01, 0.04] };
const CODE_PREFIX: Record<Person, string> = { students: 'HS', staff: 'CB' };

interface Progress {
  rows: number;
  report?: (rows: number) => void;
  written?: (path: string) => void;
}

async function writeUnits(path: string, units: readonly ProvinceUnit[]): Promise<void> {
  const out = new CsvFileWriter(path);
  await out.writeRow(headerOf('units'));
  for (const { unit } of units) {
    await out.writeRow([unit.unitCode, unit.unitName, unit.unitKind, unit.levels.join(';'), unit.parentCode ?? '', unit.district ?? '', unit.headEmail ?? '', unit.officerEmail ?? '']);
  }
  await out.close();
}

/** Where a unit's person records go, and the sense of time they are written with. */
interface Destination {
  out: CsvFileWriter;
  calendar: DemoCalendar;
}

/**
 * Writes one person file, or two when the units that stopped syncing have their own: per
 * unit and level, exactly the planned active and unverified records, with inactive ones
 * interleaved at random. Each (unit, level) draws from its own seeded stream, so the bytes
 * depend on the seed alone.
 */
async function writePeople(
  paths: { current: string; stale?: string },
  entity: Person,
  units: readonly ProvinceUnit[],
  ctx: { seed: number; calendar: DemoCalendar; staleCalendar: DemoCalendar; ids: FakeNationalIds },
  progress: Progress,
): Promise<{ rows: number; active: SeedTally }> {
  const header = headerOf(entity);
  const current: Destination = { out: new CsvFileWriter(paths.current), calendar: ctx.calendar };
  const stale: Destination = paths.stale === undefined ? current : { out: new CsvFileWriter(paths.stale), calendar: ctx.staleCalendar };
  const destinations = stale === current ? [current] : [current, stale];
  for (const d of destinations) await d.out.writeRow(header);
  const build = entity === 'students' ? studentRow : staffRow;
  const [minShare, maxShare] = INACTIVE_SHARE[entity];
  const active: SeedTally = { total: 0, unverified: 0 };
  let rows = 0;
  for (const { unit, [entity]: plan } of units) {
    const habits = unitHabits(ctx.seed, unit.unitCode);
    const { out, calendar } = habits.staleSync ? stale : current;
    const habitRows = new HabitRows(ctx.seed, entity, unit.unitCode, habits);
    for (const level of LEVELS) {
      const planned = plan[level];
      if (!planned) continue;
      const rng = mulberry32(deriveSeed(ctx.seed, entity, unit.unitCode, level));
      const row: RowContext = { rng, calendar, ids: ctx.ids, unitCode: unit.unitCode, level };
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
        habitRows.apply(values, kind);
        await out.writeRow(values);
        progress.rows += 1;
        if (progress.rows % PROGRESS_EVERY === 0) progress.report?.(progress.rows);
      }
    }
  }
  for (const d of destinations) await d.out.close();
  for (const d of destinations) progress.written?.(d.out.path);
  return { rows, active };
}

/** The students and staff files of a generated province, stale ones included. */
export function personFiles(province: GeneratedProvince): Record<Person, string[]> {
  const { files, stale } = province;
  return {
    students: [files.students, ...(stale ? [stale.files.students] : [])],
    staff: [files.staff, ...(stale ? [stale.files.staff] : [])],
  };
}

/** The files generateProvince writes into `outDir`, and the stale files' as-of: known before anything is written. */
export function plannedProvince(outDir: string, opts: Pick<GenerateOptions, 'asOf' | 'staleSnapshots'> = {}): Pick<GeneratedProvince, 'files' | 'stale'> {
  const files = { units: join(outDir, 'units.csv'), students: join(outDir, 'students.csv'), staff: join(outDir, 'staff.csv') };
  if (!opts.staleSnapshots) return { files };
  return { files, stale: { asOf: formatVn(asOfInstants(opts).staleAsOf), files: { students: join(outDir, 'students-stale.csv'), staff: join(outDir, 'staff-stale.csv') } } };
}

/**
 * Writes a Hải Phòng-like province as three snapshot files (units.csv, students.csv,
 * staff.csv) into `outDir`, five with `staleSnapshots`. At scale 1 the active and
 * unverified records of every unit add up to seed 004's Phụ lục 2, 3 and 4 row by row,
 * across the files; the same seed gives the same bytes.
 * Rows are streamed to disk, so memory does not grow with the province.
 */
export async function generateProvince(outDir: string, opts: GenerateOptions = {}): Promise<GeneratedProvince> {
  const seed = opts.seed ?? 2023;
  const { asOf, staleAsOf } = asOfInstants(opts);
  const ctx = { seed, calendar: new DemoCalendar(asOf), staleCalendar: new DemoCalendar(staleAsOf), ids: new FakeNationalIds() };
  const units = buildProvinceUnits({ scale: opts.scale ?? 1, seed });
  await mkdir(outDir, { recursive: true });
  const { files, stale } = plannedProvince(outDir, opts);
  const progress: Progress = { rows: 0, report: opts.onProgress, written: opts.onWritten };
  await writeUnits(files.units, units);
  opts.onWritten?.(files.units);
  const students = await writePeople({ current: files.students, stale: stale?.files.students }, 'students', units, ctx, progress);
  const staff = await writePeople({ current: files.staff, stale: stale?.files.staff }, 'staff', units, ctx, progress);
  opts.onProgress?.(progress.rows);
  return {
    files,
    ...(stale === undefined ? {} : { stale }),
    counts: { units: units.length, students: students.rows, staff: staff.rows, active: { students: students.active, staff: staff.active } },
  };
}
