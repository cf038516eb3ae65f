import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../functions/core/catalog/load.ts';
import type { Catalog } from '../../../functions/core/catalog/schema.ts';
import { evaluate } from '../../../functions/core/evaluation/evaluate.ts';
import type { Status, UnitRequirementResult, UnitState } from '../../../functions/core/evaluation/types.ts';
import { summariseSnapshot } from '../../../functions/core/ingest/summarise-snapshot.ts';
import type { UnitRecord } from '../../../functions/core/snapshot/entities.ts';
import { fileInput, validateSnapshot } from '../../../functions/core/snapshot/open-snapshot.ts';
import { applySummaries } from '../../../functions/core/state/apply-summaries.ts';
import { parseInstant, vnStartOfDay } from '../../../functions/core/time.ts';
import { generateExtras, type GeneratedExtras } from '../../../functions/demo/generate-extras.ts';
import { buildProvinceUnits, generateProvince, personFiles, type GeneratedProvince } from '../../../functions/demo/generate-province.ts';
import { SEED_004_AS_OF } from '../../../functions/demo/seed004.ts';
import { unitHabits } from '../../../functions/demo/unit-habits.ts';
import { csvRows } from './read-generated.ts';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dondoc-extras-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

interface Demo {
  province: GeneratedProvince;
  extras: GeneratedExtras;
}

/** The province as the demo loader generates it: stale units' person files apart. */
async function demo(opts: { scale: number; seed: number; asOf?: string }): Promise<Demo> {
  const dir = await tempDir();
  const province = await generateProvince(dir, { ...opts, staleSnapshots: true });
  const units = buildProvinceUnits({ scale: opts.scale, seed: opts.seed });
  const extras = await generateExtras(dir, { units, people: personFiles(province) }, { seed: opts.seed, ...(opts.asOf ? { asOf: opts.asOf } : {}) });
  return { province, extras };
}

/** Every file with the as-of the demo uploads it with, in the loader's order. */
function snapshots(d: Demo, asOf: string): { file: string; asOf: string }[] {
  const { files, stale } = d.province;
  if (stale === undefined) throw new Error('generated without stale snapshots');
  return [
    ...[files.units, files.students, files.staff].map((file) => ({ file, asOf })),
    ...[stale.files.students, stale.files.staff].map((file) => ({ file, asOf: stale.asOf })),
    ...[d.extras.files.profiles, d.extras.files.reports, d.extras.files.explanations].map((file) => ({ file, asOf })),
  ];
}
const allFiles = (d: Demo) => snapshots(d, SEED_004_AS_OF).map((s) => s.file);

async function sha256(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

describe('generateExtras is deterministic', () => {
  it('gives the same bytes, stale person files included, for the same seed and different bytes for another', async () => {
    const [a, b, c] = await Promise.all([demo({ scale: 0.02, seed: 7 }), demo({ scale: 0.02, seed: 7 }), demo({ scale: 0.02, seed: 8 })]);
    for (const f of ['profiles', 'reports', 'explanations'] as const) {
      expect(await sha256(b.extras.files[f]), f).toBe(await sha256(a.extras.files[f]));
      expect(await sha256(c.extras.files[f]), f).not.toBe(await sha256(a.extras.files[f]));
    }
    expect(b.extras.counts).toEqual(a.extras.counts);
    for (const f of ['students', 'staff'] as const) expect(await sha256(b.province.stale?.files[f] ?? ''), f).toBe(await sha256(a.province.stale?.files[f] ?? ''));
  });
});

/*
 * Two demo provinces, as the generate-extras.ts header describes: one at seed 004's default
 * as-of (the one `npm start` loads), one after seed 002's last deadline; each evaluated at
 * the instants that show its dispatches' mix.
 */
const LATE_AS_OF = '2024-09-30T16:00:00+07:00';
/** The day `npm start` plays right after loading the demo (DEFAULT_DEMO_RUN, functions/cli/commands/start.ts). */
const DEMO_RUN = '2023-06-26T08:00:00+07:00';
const EVALUATIONS = [
  { province: 'default', at: SEED_004_AS_OF },
  { province: 'default', at: '2023-07-05T08:00:00+07:00' },
  { province: 'default', at: '2024-09-20T08:00:00+07:00' },
  { province: 'default', at: '2024-10-05T08:00:00+07:00' },
  { province: 'late', at: LATE_AS_OF },
  { province: 'default', at: DEMO_RUN },
] as const;
const AT_DEMO_RUN = EVALUATIONS.length - 1;

/*
 * What a rule kind can show at all (functions/core/evaluation): every kind but update_window
 * goes through the deadline: met is compliant, or compliant_late when the unit became
 * compliant after it; unmet is pending, due_soon, then overdue; with no deadline, met is
 * compliant and unmet non_compliant. update_window ignores deadlines: compliant, warning
 * (3–5 days late), non_compliant. The catalog gives freshness and duplicates no deadline,
 * so they show compliant and non_compliant only. Any rule shows no_data for a unit without
 * a snapshot of its entity and not_applicable outside applies_to.
 */
const MET: ReadonlySet<Status> = new Set(['compliant', 'compliant_late']);
const UNMET: ReadonlySet<Status> = new Set(['overdue', 'non_compliant', 'warning']);

/*
 * Seed 000's Việt Yên rule judges only profiles whose district names Việt Yên (Bắc Giang),
 * and the demo has none; generate-extras.ts says why it adds no Bắc Giang slice.
 */
const VIET_YEN = 'bg-2024-cap-nhat-bien-dong/viet-yen-dia-gioi-hanh-chinh-moi';

const catalog: Catalog = await loadCatalog();
const requirements = catalog.dispatches.flatMap((d) => d.requirements);
const requirementIds = requirements.map((r) => r.id);

async function loadState(catalog: Catalog, d: Demo, asOf: string) {
  const registry = new Map<string, UnitRecord>();
  const states = new Map<string, UnitState>();
  for (const snapshot of snapshots(d, asOf)) {
    const summary = await summariseSnapshot(fileInput(snapshot.file), requirements, { asOf: parseInstant(snapshot.asOf) });
    for (const unit of summary.registry) registry.set(unit.unitCode, unit);
    applySummaries(states, summary.summaries);
  }
  return { registry, states };
}

describe('the demo province with its extras, evaluated', () => {
  const scale = 0.05;
  const seed = 2023;
  let provinces: Record<'default' | 'late', Demo>;
  /** evaluation index → results */
  let results: UnitRequirementResult[][];

  beforeAll(async () => {
    provinces = { default: await demo({ scale, seed }), late: await demo({ scale, seed, asOf: LATE_AS_OF }) };
    const loaded = {
      default: await loadState(catalog, provinces.default, SEED_004_AS_OF),
      late: await loadState(catalog, provinces.late, LATE_AS_OF),
    };
    results = EVALUATIONS.map(({ province, at }) => evaluate(catalog, { ...loaded[province], asOf: parseInstant(at) }));
  });

  /** results for the units the requirement concerns */
  const resultsOf = (i: number, requirement: string) => results[i]?.filter((r) => r.requirement === requirement && r.status !== 'not_applicable') ?? [];
  const statusesOf = (i: number, requirement: string) => new Set(resultsOf(i, requirement).map((r) => r.status));
  const mixedAt = (i: number, id: string) => {
    const s = [...statusesOf(i, id)];
    return s.some((x) => MET.has(x)) && s.some((x) => UNMET.has(x));
  };
  const seen = (id: string) => EVALUATIONS.map((e, i) => `${e.province}@${e.at} ${[...statusesOf(i, id)].join('/')}`).join('; ');
  const unitsWith = (i: number, id: string, statuses: ReadonlySet<Status>) => resultsOf(i, id).filter((r) => statuses.has(r.status)).map((r) => r.unit).sort();

  it('writes files that validate against the snapshot contract with no error', async () => {
    for (const d of Object.values(provinces)) {
      for (const file of allFiles(d)) {
        const report = await validateSnapshot(fileInput(file));
        expect(report.errors, `${file}: ${JSON.stringify(report.issues.slice(0, 3))}`).toBe(0);
        expect(report.rows).toBeGreaterThan(0);
      }
    }
  });

  it('names only a catalog requirement as the exception', () => {
    expect(requirementIds).toContain(VIET_YEN);
  });

  describe('each requirement has a met and an unmet unit at one of the instants', () => {
    for (const id of requirementIds.filter((x) => x !== VIET_YEN)) it(id, () => expect(EVALUATIONS.some((_, i) => mixedAt(i, id)), `${id}: ${seen(id)}`).toBe(true));
  });

  it('shows the mix on the day npm start plays for every requirement that can show one with data of 23/6/2023', () => {
    const demoRun = parseInstant(DEMO_RUN);
    const dataAsOf = parseInstant(SEED_004_AS_OF);
    // Not yet: a deadline still ahead leaves the unmet pending or due_soon; an update_window
    // rule whose `since` follows the data has nothing to judge; Việt Yên concerns no profile.
    const showable = requirements.filter(
      (r) =>
        r.id !== VIET_YEN &&
        r.deadlines.every((d) => d.at <= demoRun) &&
        !(r.rule.kind === 'update_window' && r.rule.since !== undefined && vnStartOfDay(r.rule.since) > dataAsOf),
    );
    expect(showable.length).toBe(18);
    for (const { id } of showable) expect(mixedAt(AT_DEMO_RUN, id), `${id}: ${seen(id)}`).toBe(true);
  });

  it('finds stale exactly the units that stopped syncing, and the rest live', () => {
    for (const id of ['hcm-2024-quy-che-du-lieu/du-lieu-song-hoc-sinh', 'hcm-2024-quy-che-du-lieu/du-lieu-song-nhan-su']) {
      const stale = unitsWith(AT_DEMO_RUN, id, new Set(['non_compliant']));
      expect(stale.length, id).toBeGreaterThan(2);
      expect(stale).toEqual(resultsOf(AT_DEMO_RUN, id).map((r) => r.unit).filter((u) => unitHabits(seed, u).staleSync).sort());
      expect(unitsWith(AT_DEMO_RUN, id, MET).length, id).toBeGreaterThan(stale.length);
    }
  });

  it('fails the "sạch" rules on the one re-entered person of a unit, and only where a unit re-entered one', () => {
    for (const [id, entity] of [['hcm-2024-quy-che-du-lieu/du-lieu-sach-hoc-sinh', 'students'], ['hcm-2024-quy-che-du-lieu/du-lieu-sach-nhan-su', 'staff']] as const) {
      const failing = resultsOf(AT_DEMO_RUN, id).filter((r) => r.status === 'non_compliant');
      expect(failing.length, id).toBeGreaterThan(2);
      for (const r of failing) {
        expect(r.failing, r.unit).toBe(1);
        expect(unitHabits(seed, r.unit).reentered[entity], r.unit).toBe(true);
      }
    }
  });

  it('finds the units that stopped syncing before September 2024 not rolled over, after 13/9/2024', () => {
    for (const id of ['hcm-2024-quy-che-du-lieu/ket-chuyen-hoc-sinh', 'hcm-2024-quy-che-du-lieu/ket-chuyen-nhan-su']) {
      const late = resultsOf(4, id);
      const overdue = late.filter((r) => r.status === 'overdue');
      expect(overdue.length, id).toBeGreaterThan(2);
      expect(overdue.map((r) => r.unit).sort()).toEqual(late.map((r) => r.unit).filter((u) => unitHabits(seed, u).staleSync).sort());
      // every active record still carries 2023-2024
      for (const r of overdue) expect(r.failing, r.unit).toBe(r.total);
    }
  });

  it('fails the staff completeness rules only in units with a careless officer, overdue since their deadlines', () => {
    for (const [i, id] of [[AT_DEMO_RUN, 'hp-2022-bao-cao-dau-nam/doi-ngu-du-thong-tin'], [4, 'hcm-2024-quy-che-du-lieu/du-lieu-dau-nam-nhan-su']] as const) {
      const overdue = unitsWith(i, id, new Set(['overdue']));
      expect(overdue.length, id).toBeGreaterThan(2);
      for (const unit of overdue) expect(unitHabits(seed, unit).staffGapShare, unit).toBeGreaterThan(0);
      expect(unitsWith(i, id, MET).length, id).toBeGreaterThan(overdue.length);
    }
  });

  it('judges no Hải Phòng profile under the Việt Yên address rule, and so fails none', () => {
    for (const i of EVALUATIONS.keys()) {
      for (const r of results[i]?.filter((x) => x.requirement === VIET_YEN && x.status !== 'not_applicable') ?? []) {
        expect(r.total, r.unit).toBe(0);
        expect(MET.has(r.status), `${r.unit} ${r.status}`).toBe(true);
      }
    }
  });

  it('shows the explanations rule compliant, late and overdue', () => {
    for (const id of ['hp-2023-dong-bo-dan-cu/giai-trinh-hoc-sinh', 'hp-2023-dong-bo-dan-cu/giai-trinh-nhan-su']) {
      const seen = new Set([...statusesOf(1, id), ...statusesOf(4, id)]);
      for (const status of ['compliant', 'compliant_late', 'overdue'] as const) expect(seen.has(status), `${id} ${status}`).toBe(true);
    }
  });

  it('has district offices that submit after all their schools, and some that fail on their own submission alone', () => {
    const offices = results[0]?.filter((r) => r.requirement === 'hp-2022-bao-cao-dau-nam/bao-cao-thong-ke-dau-nam' && r.unit.startsWith('PGD')) ?? [];
    // Missing, or (one or two offices) submitted before their schools.
    expect(offices.some((r) => r.failingCodes.length === 1 && r.failingCodes[0] === r.unit)).toBe(true);
    expect(offices.some((r) => MET.has(r.status) && r.total > 1)).toBe(true);
  });

  it('unfolds seed 002 connection reports as the clock walks past 27/9/2024', () => {
    const id = 'hcm-2024-quy-che-du-lieu/bao-cao-ket-noi-co-so';
    const before = statusesOf(2, id);
    expect([...before].every((s) => s === 'pending' || s === 'due_soon' || s === 'compliant'), [...before].join()).toBe(true);
    expect(before.has('due_soon')).toBe(true);
    const after = statusesOf(3, id);
    for (const status of ['compliant', 'compliant_late', 'overdue'] as const) expect(after.has(status), status).toBe(true);
  });

  it('spreads profile update lags over fine, warning and violation', () => {
    const seen = statusesOf(4, 'bg-2024-cap-nhat-bien-dong/ho-so-truong-cap-nhat-kip-thoi');
    for (const status of ['compliant', 'warning', 'non_compliant'] as const) expect(seen.has(status), status).toBe(true);
  });

  it('stamps rows before the as-of, except submissions for a period whose deadline is still ahead', async () => {
    for (const [d, asOf] of [[provinces.default, SEED_004_AS_OF], [provinces.late, LATE_AS_OF]] as const) {
      const limit = parseInstant(asOf);
      for await (const { header, cells } of csvRows(d.extras.files.profiles)) {
        expect(parseInstant(cells[header.get('updated_at') as number] ?? '')).toBeLessThan(limit);
      }
      for await (const { header, cells } of csvRows(d.extras.files.reports)) {
        const at = (c: string) => cells[header.get(c) as number] ?? '';
        const ahead = at('period') === '2024-2025/ket-noi-csdl' && limit < parseInstant('2024-09-27T00:00:00+07:00');
        if (!ahead) expect(parseInstant(at('submitted_at'))).toBeLessThan(limit);
        if (at('approved_at')) expect(parseInstant(at('approved_at'))).toBeLessThan(limit);
      }
    }
  });

  it('writes no personal data: no ID-like numbers, no addresses of people', async () => {
    for (const f of ['profiles', 'reports', 'explanations'] as const) {
      const text = await readFile(provinces.default.extras.files[f], 'utf8');
      expect(text, f).not.toMatch(/\d{9,}/);
      expect(text, f).not.toContain('@');
    }
  });
});
