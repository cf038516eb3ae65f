import { rate2 } from '../evaluation/rate.ts';
import type { IdentityTally, UnitEntitySummary } from '../evaluation/types.ts';
import { LEVELS, type Level, type UnitKind, type UnitRecord } from '../snapshot/entities.ts';
import { formatVn } from '../time.ts';

/** The `dondoc report identity` statistics (seed 004, Phụ lục 1–4), shaped as the CLI contract prints them. */

export interface IdentityRate {
  total: number;
  unverified: number;
  /** unverified / total × 100, two decimals, half-up; 0 when total is 0 */
  rate: number;
}

export interface IdentityPair {
  students: IdentityRate;
  staff: IdentityRate;
}

export interface IdentityLevelRow extends IdentityPair {
  level: Level;
}

export interface IdentityUnitRow extends IdentityPair {
  code: string;
  name: string;
  kind: UnitKind;
  district: string | null;
  parent: string | null;
  levels: Level[];
  /** per level, after resolving records without a level; records that stay unresolved count only in the unit's totals */
  byLevel: IdentityLevelRow[];
}

export const DISTRICT_REPORT_LEVELS = ['MN', 'TH', 'THCS'] as const;
export type DistrictReportLevel = (typeof DISTRICT_REPORT_LEVELS)[number];

export interface IdentityDistrictRow extends IdentityPair {
  code: string;
  name: string;
  /** the MN / TH / THCS columns of Phụ lục 4; the row's totals are their sums */
  byLevel: Record<DistrictReportLevel, IdentityPair>;
}

export interface IdentityReport {
  asOf: string;
  total: IdentityPair;
  byLevel: IdentityLevelRow[];
  units: IdentityUnitRow[];
  districts: IdentityDistrictRow[];
}

export const DEPARTMENT_GROUP_NAME = 'Trực thuộc Sở';
export const UNKNOWN_PARENT_CODE = '?';
export const UNKNOWN_PARENT_NAME = 'Chưa rõ đơn vị quản lý';

/** What the report reads of a summary: the dashboard loads only this much of each unit's. */
export type IdentitySource = Pick<UnitEntitySummary, 'unit' | 'entity' | 'byLevel'>;

type Person = 'students' | 'staff';
type Counts = Record<Person, IdentityTally>;

const zero = (): Counts => ({ students: { total: 0, unverified: 0 }, staff: { total: 0, unverified: 0 } });

function addTally(into: IdentityTally, t: IdentityTally): void {
  into.total += t.total;
  into.unverified += t.unverified;
}

function addCounts(into: Counts, c: Counts): void {
  addTally(into.students, c.students);
  addTally(into.staff, c.staff);
}

function withRates(c: Counts): IdentityPair {
  const r = (t: IdentityTally): IdentityRate => ({ total: t.total, unverified: t.unverified, rate: rate2(t.unverified, t.total) });
  return { students: r(c.students), staff: r(c.staff) };
}

const levelOrder = (a: Level, b: Level) => LEVELS.indexOf(a) - LEVELS.indexOf(b);
/** code-unit order, the same on every machine and locale */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The level a record without one belongs to: the unit's only level, or GDTX for a centre
 * that declares none. A unit with several levels cannot say, so such records stay unplaced.
 */
function levelForUnplaced(unit: UnitRecord | undefined): Level | undefined {
  if (!unit) return undefined;
  if (unit.levels.length === 1) return unit.levels[0];
  if (unit.levels.length === 0 && unit.unitKind === 'centre') return 'GDTX';
  return undefined;
}

interface UnitCounts {
  total: Counts;
  byLevel: Map<Level, Counts>;
}

function countUnit(unit: UnitRecord | undefined, summaries: readonly IdentitySource[]): UnitCounts {
  const total = zero();
  const byLevel = new Map<Level, Counts>();
  for (const level of unit?.levels ?? []) byLevel.set(level, zero());
  const fallback = levelForUnplaced(unit);
  for (const s of summaries) {
    if (s.entity !== 'students' && s.entity !== 'staff') continue;
    for (const [key, tally] of Object.entries(s.byLevel ?? {})) {
      if (!tally) continue;
      addTally(total[s.entity], tally);
      const level = key === '?' ? fallback : (key as Level);
      if (!level) continue;
      const counts = byLevel.get(level) ?? zero();
      addTally(counts[s.entity], tally);
      byLevel.set(level, counts);
    }
  }
  return { total, byLevel };
}

function levelRows(byLevel: ReadonlyMap<Level, Counts>): IdentityLevelRow[] {
  return [...byLevel.keys()].sort(levelOrder).map((level) => ({ level, ...withRates(byLevel.get(level) as Counts) }));
}

interface Group {
  code: string;
  name: string;
  byLevel: Record<DistrictReportLevel, Counts>;
}

function newGroup(code: string, name: string): Group {
  return { code, name, byLevel: { MN: zero(), TH: zero(), THCS: zero() } };
}

function groupRow(g: Group): IdentityDistrictRow {
  const sum = zero();
  for (const level of DISTRICT_REPORT_LEVELS) addCounts(sum, g.byLevel[level]);
  return {
    code: g.code,
    name: g.name,
    ...withRates(sum),
    byLevel: { MN: withRates(g.byLevel.MN), TH: withRates(g.byLevel.TH), THCS: withRates(g.byLevel.THCS) },
  };
}

/**
 * Identity-verification statistics as of `asOf`. A summary's tallies already count only
 * active records (seed 004's definition); this folds them by level, by unit and by
 * supervising unit. Units that uploaded data but are missing from the registry still
 * appear, as schools with no known parent.
 */
export function identityReport(
  registry: ReadonlyMap<string, UnitRecord>,
  summaries: readonly IdentitySource[],
  asOf: number,
): IdentityReport {
  const byUnit = new Map<string, IdentitySource[]>();
  for (const s of summaries) {
    if (s.entity !== 'students' && s.entity !== 'staff') continue;
    const list = byUnit.get(s.unit) ?? [];
    list.push(s);
    byUnit.set(s.unit, list);
  }
  const codes = [...new Set([...registry.keys(), ...byUnit.keys()])].sort(byCode);

  const department = codes.map((c) => registry.get(c)).find((u) => u?.unitKind === 'department');
  const groups = new Map<string, Group>();
  if (department) groups.set(department.unitCode, newGroup(department.unitCode, DEPARTMENT_GROUP_NAME));
  for (const code of codes) {
    const u = registry.get(code);
    if (u?.unitKind === 'district_office') groups.set(code, newGroup(code, u.unitName));
  }

  const total = zero();
  const provinceByLevel = new Map<Level, Counts>();
  const units: IdentityUnitRow[] = [];
  for (const code of codes) {
    const unit = registry.get(code);
    const counts = countUnit(unit, byUnit.get(code) ?? []);
    addCounts(total, counts.total);
    for (const [level, c] of counts.byLevel) {
      const into = provinceByLevel.get(level) ?? zero();
      addCounts(into, c);
      provinceByLevel.set(level, into);
    }
    const kind = unit?.unitKind ?? 'school';
    const parent = unit?.parentCode ?? null;
    units.push({
      code,
      name: unit?.unitName ?? code,
      kind,
      district: unit?.district ?? null,
      parent,
      levels: unit ? [...unit.levels].sort(levelOrder) : [...counts.byLevel.keys()].sort(levelOrder),
      ...withRates(counts.total),
      byLevel: levelRows(counts.byLevel),
    });
    if (kind !== 'school') continue;
    const groupCode = parent ?? UNKNOWN_PARENT_CODE;
    let group = groups.get(groupCode);
    if (!group) {
      group = newGroup(groupCode, parent === null ? UNKNOWN_PARENT_NAME : (registry.get(parent)?.unitName ?? parent));
      groups.set(groupCode, group);
    }
    for (const level of DISTRICT_REPORT_LEVELS) {
      const c = counts.byLevel.get(level);
      if (c) addCounts(group.byLevel[level], c);
    }
  }

  return {
    asOf: formatVn(asOf),
    total: withRates(total),
    byLevel: levelRows(provinceByLevel),
    units,
    districts: [...groups.values()].sort((a, b) => groupRank(a, department) - groupRank(b, department) || byCode(a.code, b.code)).map(groupRow),
  };
}

/** Phụ lục 4's order: the department's own schools first, district offices by code, anything unexplained last. */
function groupRank(g: Group, department: UnitRecord | undefined): number {
  if (g.code === department?.unitCode) return 0;
  if (g.code === UNKNOWN_PARENT_CODE) return 2;
  return 1;
}
