/*
 * The demo province's profiles, reports and explanations: the entities generateProvince
 * does not write, shaped so that every requirement they feed has compliant, late and
 * failing units. Every file is one snapshot whose as-of is the generator's as-of (the demo
 * uploads it so); the evaluation hides a snapshot until its as-of, so evaluate at or after it.
 * The person files' share of the mix comes from unit-habits.ts: units that stopped syncing
 * (stale, not rolled over), re-entered a person (a duplicate ID) or leave staff fields blank.
 *
 * The seed dispatches' deadlines run from 10/2022 to 09/2024, so which as-of shows what:
 *
 * - default as-of 11:30 23/6/2023 (seed 004's instant, the one `npm start` loads):
 *   - evaluated at the as-of or on the day `npm start` plays (08:00 26/6/2023): seed 003
 *     (reports 2022-2023/dau-nam on time, late, missing; offices after or before their
 *     schools; profile and staff fields, declared totals) and seed 001 (from the person
 *     files) show compliant, compliant_late and overdue; seed 002's "sống" and "sạch" rules
 *     and the identity rules of seeds 000 and 004 show compliant and non_compliant;
 *   - evaluated after 17:00 04/7/2023 (e.g. 08:00 05/7/2023): seed 004's explanations
 *     rules show compliant and overdue (compliant_late needs a later as-of, below);
 *   - walking the clock across 27/9/2024 (e.g. 08:00 05/10/2024): seed 002's connection
 *     reports (2024-2025/ket-noi-csdl), written ahead with their 2024 submission times,
 *     go from pending to compliant, compliant_late and overdue; seed 002's profile fields too.
 * - as-of after 27/9/2024 (e.g. 16:00 30/9/2024), evaluated at the as-of: seed 000 (profile
 *   update window since 30/01/2024: compliant, warning, non_compliant; accreditation
 *   fields) and seed 002 (rollover of persons and profiles to 2024-2025, which the units
 *   that stopped syncing in August miss; fields; connection reports); seed 004's explained
 *   units turn compliant_late, as they explained after 4/7/2023.
 *
 * Seed 000's Việt Yên address rule judges only profiles whose district is in Việt Yên
 * (Bắc Giang); no Hải Phòng profile is, so it finds every unit compliant with nothing to
 * judge. The demo adds no Bắc Giang slice to show it failing and passing, because:
 * - thị xã Việt Yên exists from 01/02/2024 (Nghị quyết 938/NQ-UBTVQH15): a Việt Yên profile
 *   in the snapshots `npm start` loads (23/6/2023) could only carry the old names, so the
 *   rule would show pending, then overdue, and never compliant;
 * - identityReport makes a Phụ lục 4 row of every district office and of every school's
 *   parent, so a Việt Yên office adds a sixteenth row to Hải Phòng's table; a Bắc Giang
 *   department's code (SGDBG) sorts before SGDHP and would be taken as "Trực thuộc Sở";
 *   schools hung directly under SGDHP would escalate to Hải Phòng's director instead;
 * - the catalog has no issuer scope, so the slice's schools would be held to Hải Phòng's
 *   seeds 001, 003 and 004, and, without students and staff (any would move Phụ lục 1's
 *   totals), would have no data for every person rule.
 * Explanations carry no timestamp of their own: the rule dates them by their snapshot's as-of.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseInstant } from '../core/time.ts';
import { CsvFileWriter } from './csv-file-writer.ts';
import { DemoCalendar } from './demo-calendar.ts';
import { explanationRows } from './explanation-rows.ts';
import { headerOf } from './person-rows.ts';
import { profileRow } from './profile-rows.ts';
import { deriveSeed, mulberry32 } from './prng.ts';
import type { ProvinceUnit } from './province-units.ts';
import { reportRows } from './report-rows.ts';
import { SEED_004_AS_OF } from './seed004.ts';
import { readUnverified, type Person } from './unverified-records.ts';

export interface ExtrasProvince {
  /** what buildProvinceUnits returned for the province's scale and seed */
  units: readonly ProvinceUnit[];
  /** every students and staff file generateProvince wrote for those units (personFiles) */
  people: Readonly<Record<Person, readonly string[]>>;
}

export interface ExtrasOptions {
  seed?: number;
  /** ISO 8601, the snapshots' as-of (default: seed 004's 11:30 23/6/2023) */
  asOf?: string;
}

export interface GeneratedExtras {
  files: { profiles: string; reports: string; explanations: string };
  /** rows written per file */
  counts: { profiles: number; reports: number; explanations: number };
}

async function writeCsv(path: string, header: readonly string[], rows: Iterable<string[]> | AsyncIterable<string[]>): Promise<number> {
  const out = new CsvFileWriter(path);
  let n = 0;
  try {
    await out.writeRow(header);
    for await (const row of rows) {
      await out.writeRow(row);
      n += 1;
    }
  } finally {
    await out.close();
  }
  return n;
}

function* profiles(seed: number, calendar: DemoCalendar, units: readonly ProvinceUnit[]): Generator<string[]> {
  for (const unit of units) {
    const { unitKind, unitCode } = unit.unit;
    if (unitKind !== 'school' && unitKind !== 'centre') continue;
    yield profileRow(mulberry32(deriveSeed(seed, 'profiles', unitCode)), calendar, unit);
  }
}

async function* explanations(seed: number, calendar: DemoCalendar, province: ExtrasProvince): AsyncGenerator<string[]> {
  for (const entity of ['students', 'staff'] as const) {
    for (const file of province.people[entity]) {
      for (const [unitCode, records] of await readUnverified(file, entity)) yield* explanationRows(seed, calendar, entity, unitCode, records);
    }
  }
}

/** The files generateExtras writes into `outDir`. */
export function extrasFiles(outDir: string): GeneratedExtras['files'] {
  return { profiles: join(outDir, 'profiles.csv'), reports: join(outDir, 'reports.csv'), explanations: join(outDir, 'explanations.csv') };
}

/**
 * Writes profiles.csv, reports.csv and explanations.csv for a province generateProvince
 * wrote, into `outDir`. The same seed, as-of and province give the same bytes.
 */
export async function generateExtras(outDir: string, province: ExtrasProvince, opts: ExtrasOptions = {}): Promise<GeneratedExtras> {
  const seed = opts.seed ?? 2023;
  const calendar = new DemoCalendar(parseInstant(opts.asOf ?? SEED_004_AS_OF));
  await mkdir(outDir, { recursive: true });
  const files = extrasFiles(outDir);
  const counts = {
    profiles: await writeCsv(files.profiles, headerOf('profiles'), profiles(seed, calendar, province.units)),
    reports: await writeCsv(files.reports, headerOf('reports'), reportRows(seed, calendar, province.units)),
    explanations: await writeCsv(files.explanations, headerOf('explanations'), explanations(seed, calendar, province)),
  };
  return { files, counts };
}
