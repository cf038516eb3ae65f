import { applies } from '../evaluation/applies.ts';
import { compareCodes } from '../evaluation/evaluation-context.ts';
import { rollup } from '../evaluation/rollup.ts';
import type { Status, StatusCounts, UnitRequirementResult } from '../evaluation/types.ts';
import { LEVELS } from '../snapshot/entities.ts';
import { addCountTable } from './add-counts.ts';
import { dispatchFacts, requirementFacts } from './catalog-index.ts';
import { notificationKey } from './notification-key.ts';
import type { PlanContext } from './plan-context.ts';
import { resolveAddressees } from './recipients.ts';
import { isoWeekday } from './run-days.ts';
import { digestSubject } from './templates/subjects.ts';
import { ALL_REQUIREMENTS, type BehindRow, type DigestMessage, type DigestSection, type DigestStage, type LevelRow } from './types.ts';

export const FURTHEST_BEHIND = 10;

/** Not done yet, most urgent first: the order of the "furthest behind" table. */
const BEHIND: readonly Status[] = ['overdue', 'non_compliant', 'due_soon', 'warning', 'pending'];

/**
 * What some units contribute to the digest: counts add up and each unit is behind in one
 * place only, so a fanned-out run merges the shards of its parts into the province's.
 */
export interface DigestShard {
  /** the results the digest is about */
  results: number;
  province: Record<string, StatusCounts>;
  byLevel: Record<string, Record<string, StatusCounts>>;
  /** per requirement, the earliest deadline any unit has */
  earliest: Record<string, number>;
  /** at most FURTHEST_BEHIND units, each by its worst requirement, most behind first */
  behind: BehindRow[];
}

/** Units that do not concern a requirement and the department itself are left out of the digest. */
export function digestShard(results: readonly UnitRequirementResult[], ctx: PlanContext): DigestShard {
  const { department, registry } = ctx.input;
  const about = results.filter((r) => applies(r) && r.unit !== department && ctx.catalog.has(r.requirement));
  const rollups = rollup(about, registry);
  const earliest: Record<string, number> = {};
  for (const r of about) {
    if (r.deadline !== undefined && r.deadline < (earliest[r.requirement] ?? Infinity)) earliest[r.requirement] = r.deadline;
  }
  return { results: about.length, province: rollups.province, byLevel: rollups.byLevel, earliest, behind: furthestBehind(about, ctx) };
}

export function emptyDigestShard(): DigestShard {
  return { results: 0, province: {}, byLevel: {}, earliest: {}, behind: [] };
}

/** Adds one part's shard into the run's: counts add up, and the units furthest behind stay the ten furthest. */
export function addDigestShard(into: DigestShard, shard: DigestShard): void {
  into.results += shard.results;
  addCountTable(into.province, shard.province);
  for (const [level, table] of Object.entries(shard.byLevel)) addCountTable((into.byLevel[level] ??= {}), table);
  for (const [id, at] of Object.entries(shard.earliest)) if (at < (into.earliest[id] ?? Infinity)) into.earliest[id] = at;
  into.behind = [...into.behind, ...shard.behind].sort(compareBehind).slice(0, FURTHEST_BEHIND);
}

/**
 * The weekly overview for the department's head and officer, on Mondays only (a missed
 * Monday is not made up: next week's digest supersedes it); from `merged` when the run was
 * fanned out, else from the input's results.
 */
export function buildDigest(ctx: PlanContext, merged?: DigestShard): DigestMessage | undefined {
  if (isoWeekday(ctx.today) !== 1) return undefined;
  const { department, registry } = ctx.input;
  const shard = merged ?? digestShard(ctx.input.results, ctx);
  if (shard.results === 0) return undefined;
  const stage: DigestStage = `digest-${ctx.today}`;
  const addressees = resolveAddressees(department, ['head', 'officer'], ctx.addressing, ctx.findings);
  if (!addressees) {
    ctx.findings.add({ kind: 'no_recipient', unit: department, requirement: ALL_REQUIREMENTS, stage });
    return undefined;
  }
  const to = ctx.unsent(department, ALL_REQUIREMENTS, stage, addressees.to);
  if (to.length === 0) return undefined;
  const sections = digestSections(shard, ctx);
  return {
    kind: 'digest',
    stage,
    unit: department,
    requirement: ALL_REQUIREMENTS,
    to,
    cc: [],
    subject: digestSubject(ctx.today, sections.length),
    keys: to.map((a) => notificationKey(department, ALL_REQUIREMENTS, stage, a)),
    runDay: ctx.today,
    departmentName: registry.get(department)?.unitName ?? department,
    weekOf: ctx.today,
    sections,
    furthestBehind: shard.behind,
  };
}

function digestSections(shard: DigestShard, ctx: PlanContext): DigestSection[] {
  const sections: DigestSection[] = [];
  for (const [id, entry] of ctx.catalog) {
    const counts = shard.province[id];
    if (!counts || !BEHIND.some((s) => (counts.byStatus[s] ?? 0) > 0)) continue;
    const deadline = shard.earliest[id];
    const before = ctx.input.lastWeek?.get(id);
    sections.push({
      dispatch: dispatchFacts(entry.dispatch),
      requirementFacts: requirementFacts(entry.requirement),
      ...(deadline !== undefined && { deadline }),
      units: counts.units,
      byStatus: counts.byStatus,
      total: counts.total,
      failing: counts.failing,
      rate: counts.rate,
      byLevel: LEVELS.flatMap((level): LevelRow[] => {
        const c: StatusCounts | undefined = shard.byLevel[level]?.[id];
        return c ? [{ level, units: c.units, overdueUnits: c.byStatus.overdue ?? 0, total: c.total, failing: c.failing, rate: c.rate }] : [];
      }),
      ...(before !== undefined && { lastWeek: { failing: before.failing, rate: before.rate, overdueUnits: before.byStatus.overdue ?? 0 } }),
    });
  }
  return sections;
}

/** Each unit once, by its worst requirement: the most urgent status, then the largest share failing. */
function furthestBehind(results: readonly UnitRequirementResult[], ctx: PlanContext): BehindRow[] {
  const worst = new Map<string, UnitRequirementResult>();
  for (const r of results) {
    if (!BEHIND.includes(r.status)) continue;
    const current = worst.get(r.unit);
    if (!current || compareBehind(r, current) < 0) worst.set(r.unit, r);
  }
  return [...worst.values()]
    .sort(compareBehind)
    .slice(0, FURTHEST_BEHIND)
    .map((r) => {
      const unit = ctx.input.registry.get(r.unit);
      return {
        unit: r.unit,
        unitName: unit?.unitName ?? r.unit,
        ...(unit?.district !== undefined && { district: unit.district }),
        requirement: r.requirement,
        requirementTitle: ctx.catalog.get(r.requirement)?.requirement.title ?? r.requirement,
        status: r.status,
        total: r.total,
        failing: r.failing,
        rate: r.rate,
      };
    });
}

type Behind = Pick<UnitRequirementResult, 'unit' | 'requirement' | 'status' | 'rate' | 'failing'>;

function compareBehind(a: Behind, b: Behind): number {
  return BEHIND.indexOf(a.status) - BEHIND.indexOf(b.status) || b.rate - a.rate || b.failing - a.failing || compareCodes(a.unit, b.unit) || compareCodes(a.requirement, b.requirement);
}
