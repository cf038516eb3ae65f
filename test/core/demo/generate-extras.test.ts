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
import { parseInstant } from '../../../functions/core/time.ts';
import { generateExtras, type GeneratedExtras } from '../../../functions/demo/generate-extras.ts';
import { buildProvinceUnits, generateProvince, type GeneratedProvince } from '../../../functions/demo/generate-province.ts';
import { SEED_004_AS_OF } from '../../../functions/demo/seed004.ts';
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

async function demo(opts: { scale: number; seed: number; asOf?: string }): Promise<Demo> {
  const dir = await tempDir();
  const province = await generateProvince(dir, opts);
  const units = buildProvinceUnits({ scale: opts.scale, seed: opts.seed });
  const extras = await generateExtras(dir, { units, studentsFile: province.files.students, staffFile: province.files.staff }, { seed: opts.seed, ...(opts.asOf ? { asOf: opts.asOf } : {}) });
  return { province, extras };
}

const allFiles = (d: Demo) => [d.province.files.units, d.province.files.students, d.province.files.staff, d.extras.files.profiles, d.extras.files.reports, d.extras.files.explanations];

async function sha256(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

describe('generateExtras is deterministic', () => {
  it('gives the same bytes for the same seed and different bytes for another', async () => {
    const [a, b, c] = await Promise.all([demo({ scale: 0.02, seed: 7 }), demo({ scale: 0.02, seed: 7 }), demo({ scale: 0.02, seed: 8 })]);
    for (const f of ['profiles', 'reports', 'explanations'] as const) {
      expect(await sha256(b.extras.files[f]), f).toBe(await sha256(a.extras.files[f]));
      expect(await sha256(c.extras.files[f]), f).not.toBe(await sha256(a.extras.files[f]));
    }
    expect(b.extras.counts).toEqual(a.extras.counts);
  });
});

/*
 * Two demo provinces, as the generate-extras.ts header describes: one at seed 004's default
 * as-of, one after seed 002's last deadline; each evaluated at the instants that show its
 * dispatches' mix.
 */
const LATE_AS_OF = '2024-09-30T16:00:00+07:00';
const EVALUATIONS = [
  { province: 'default', at: SEED_004_AS_OF },
  { province: 'default', at: '2023-07-05T08:00:00+07:00' },
  { province: 'default', at: '2024-09-20T08:00:00+07:00' },
  { province: 'default', at: '2024-10-05T08:00:00+07:00' },
  { province: 'late', at: LATE_AS_OF },
] as const;

const MET: ReadonlySet<Status> = new Set(['compliant', 'compliant_late']);
const UNMET: ReadonlySet<Status> = new Set(['overdue', 'non_compliant', 'warning']);

/** Requirements the person files of generateProvince decide alone, which that generator does not (yet) vary between units. */
const PERSON_FILE_GAPS: Readonly<Record<string, string>> = {
  'hcm-2024-quy-che-du-lieu/du-lieu-sach-hoc-sinh': 'generateProvince issues unique national IDs and codes',
  'hcm-2024-quy-che-du-lieu/du-lieu-sach-nhan-su': 'generateProvince issues unique national IDs and codes',
  'hcm-2024-quy-che-du-lieu/du-lieu-song-hoc-sinh': 'every unit of one demo snapshot has the same as-of',
  'hcm-2024-quy-che-du-lieu/du-lieu-song-nhan-su': 'every unit of one demo snapshot has the same as-of',
  'hcm-2024-quy-che-du-lieu/ket-chuyen-hoc-sinh': 'generateProvince writes one school year on every record',
  'hcm-2024-quy-che-du-lieu/ket-chuyen-nhan-su': 'generateProvince writes one school year on every record',
  'hp-2022-bao-cao-dau-nam/doi-ngu-du-thong-tin': 'generateProvince fills every staff field',
  'hcm-2024-quy-che-du-lieu/du-lieu-dau-nam-nhan-su': 'generateProvince fills every staff field',
};
const VIET_YEN = 'bg-2024-cap-nhat-bien-dong/viet-yen-dia-gioi-hanh-chinh-moi';

const catalog: Catalog = await loadCatalog();
const requirementIds = catalog.dispatches.flatMap((d) => d.requirements.map((r) => r.id));

async function loadState(catalog: Catalog, d: Demo, asOf: string) {
  const requirements = catalog.dispatches.flatMap((x) => x.requirements);
  const registry = new Map<string, UnitRecord>();
  const states = new Map<string, UnitState>();
  for (const file of allFiles(d)) {
    const summary = await summariseSnapshot(fileInput(file), requirements, { asOf: parseInstant(asOf) });
    for (const unit of summary.registry) registry.set(unit.unitCode, unit);
    applySummaries(states, summary.summaries);
  }
  return { registry, states };
}

describe('the demo province with its extras, evaluated', () => {
  const scale = 0.05;
  let provinces: Record<'default' | 'late', Demo>;
  /** evaluation index → results */
  let results: UnitRequirementResult[][];

  beforeAll(async () => {
    provinces = { default: await demo({ scale, seed: 2023 }), late: await demo({ scale, seed: 2023, asOf: LATE_AS_OF }) };
    const loaded = {
      default: await loadState(catalog, provinces.default, SEED_004_AS_OF),
      late: await loadState(catalog, provinces.late, LATE_AS_OF),
    };
    results = EVALUATIONS.map(({ province, at }) => evaluate(catalog, { ...loaded[province], asOf: parseInstant(at) }));
  });

  /** statuses of the units the requirement concerns */
  const statusesOf = (i: number, requirement: string) =>
    new Set(results[i]?.filter((r) => r.requirement === requirement && r.status !== 'not_applicable').map((r) => r.status));

  it('writes files that validate against the snapshot contract with no error', async () => {
    for (const d of Object.values(provinces)) {
      for (const file of allFiles(d)) {
        const report = await validateSnapshot(fileInput(file));
        expect(report.errors, `${file}: ${JSON.stringify(report.issues.slice(0, 3))}`).toBe(0);
        expect(report.rows).toBeGreaterThan(0);
      }
    }
  });

  it('names only catalog requirements as exceptions', () => {
    for (const id of [...Object.keys(PERSON_FILE_GAPS), VIET_YEN]) expect(requirementIds).toContain(id);
  });

  describe('each requirement has a met and an unmet unit at one of the instants', () => {
    const ids = requirementIds.filter((id) => id !== VIET_YEN);
    const mixed = (id: string) => {
      const found = EVALUATIONS.some((_, i) => {
        const s = [...statusesOf(i, id)];
        return s.some((x) => MET.has(x)) && s.some((x) => UNMET.has(x));
      });
      expect(found, `${id}: ${EVALUATIONS.map((e, i) => `${e.province}@${e.at} ${[...statusesOf(i, id)].join('/')}`).join('; ')}`).toBe(true);
    };
    for (const id of ids) {
      const gap = PERSON_FILE_GAPS[id];
      if (gap === undefined) it(id, () => mixed(id));
      // Fails today for the reason given; when generateProvince varies it, this turns red: drop the entry.
      else it.fails(`${id} (known gap: ${gap})`, () => mixed(id));
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
