import { compareCodes } from '../evaluation/evaluation-context.ts';
import { rollup } from '../evaluation/rollup.ts';
import type { Status, StatusCounts, UnitRequirementResult } from '../evaluation/types.ts';
import { LEVELS } from '../snapshot/entities.ts';
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
 * The weekly overview for the department's head and officer, on Mondays only (a missed
 * Monday is not made up: next week's digest supersedes it). Units that do not concern a
 * requirement and the department itself are left out.
 */
export function buildDigest(ctx: PlanContext): DigestMessage | undefined {
  if (isoWeekday(ctx.today) !== 1) return undefined;
  const { department, registry } = ctx.input;
  const results = ctx.input.results.filter((r) => r.status !== 'not_applicable' && r.unit !== department && ctx.catalog.has(r.requirement));
  if (results.length === 0) return undefined;
  const stage: DigestStage = `digest-${ctx.today}`;
  const addressees = resolveAddressees(department, ['head', 'officer'], ctx.addressing, ctx.findings);
  if (!addressees) {
    ctx.findings.add({ kind: 'no_recipient', unit: department, requirement: ALL_REQUIREMENTS, stage });
    return undefined;
  }
  const to = ctx.unsent(department, ALL_REQUIREMENTS, stage, addressees.to);
  if (to.length === 0) return undefined;
  const sections = digestSections(results, ctx);
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
    furthestBehind: furthestBehind(results, ctx),
  };
}

function digestSections(results: readonly UnitRequirementResult[], ctx: PlanContext): DigestSection[] {
  const rollups = rollup(results, ctx.input.registry);
  const earliest = new Map<string, number>();
  for (const r of results) {
    if (r.deadline !== undefined && r.deadline < (earliest.get(r.requirement) ?? Infinity)) earliest.set(r.requirement, r.deadline);
  }
  const sections: DigestSection[] = [];
  for (const [id, entry] of ctx.catalog) {
    const counts = rollups.province[id];
    if (!counts || !BEHIND.some((s) => (counts.byStatus[s] ?? 0) > 0)) continue;
    const deadline = earliest.get(id);
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
        const c: StatusCounts | undefined = rollups.byLevel[level]?.[id];
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

function compareBehind(a: UnitRequirementResult, b: UnitRequirementResult): number {
  return BEHIND.indexOf(a.status) - BEHIND.indexOf(b.status) || b.rate - a.rate || b.failing - a.failing || compareCodes(a.unit, b.unit) || compareCodes(a.requirement, b.requirement);
}
