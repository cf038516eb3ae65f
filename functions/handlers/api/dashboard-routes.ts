import type { Scope } from '../../core/access/scope.ts';
import { buildCalendar } from '../../core/dashboard/calendar.ts';
import { buildOverdue } from '../../core/dashboard/overdue.ts';
import { buildOverview } from '../../core/dashboard/overview.ts';
import type { CalendarView, MeView, OverdueView, OverviewView } from '../../core/dashboard/views.ts';
import { boundedMap } from '../../core/concurrency/bounded-map.ts';
import type { ApiDeps } from './api-deps.ts';
import { readableAmong } from './readable-units.ts';
import { meView, namedOffice, viewedScope } from './viewed-scope.ts';

/* Queries per requirement or per unit in flight at once: quick pages without throttling. */
const READS_IN_FLIGHT = 8;

export async function me(deps: ApiDeps, scope: Scope): Promise<MeView> {
  return meView(scope, await deps.store.getUnit(scope.code));
}

export async function overview(deps: ApiDeps, scope: Scope, office: string | undefined): Promise<OverviewView> {
  const [viewed, run] = await Promise.all([viewedScope(deps, scope, office), deps.store.latestRun()]);
  return buildOverview({ scope: viewed.me, catalog: deps.catalog, counts: viewed.counts, trend: viewed.trend, ...(run && { run }), now: deps.now() });
}

export async function calendar(deps: ApiDeps, scope: Scope, office: string | undefined): Promise<CalendarView> {
  const [viewed, run] = await Promise.all([viewedScope(deps, scope, office), deps.store.latestRun()]);
  return { entries: buildCalendar(deps.catalog, viewed.counts, run?.evaluatedAt ?? deps.now()) };
}

/**
 * Every overdue (unit, requirement) the caller may read, from the status index, then their
 * figures and email logs in batches; with `office`, only that office and its schools.
 */
export async function overdue(deps: ApiDeps, scope: Scope, office: string | undefined): Promise<OverdueView> {
  if (office !== undefined) await namedOffice(deps, scope, office);
  const requirements = deps.catalog.dispatches.flatMap((dispatch) => dispatch.requirements.map((requirement) => requirement.id));
  const [perRequirement, run] = await Promise.all([
    boundedMap(requirements, READS_IN_FLIGHT, async (requirement) => {
      const pairs: Array<{ unit: string; requirement: string }> = [];
      for await (const unit of deps.store.unitsWithStatus(requirement, 'overdue')) pairs.push({ unit, requirement });
      return pairs;
    }),
    deps.store.latestRun(),
  ]);
  const pairs = perRequirement.flat();
  const readable = await readableAmong(deps.store, scope, [...new Set(pairs.map((pair) => pair.unit))]);
  const units = office === undefined ? readable : new Map([...readable].filter(([code, unit]) => code === office || unit.parentCode === office));
  const [statuses, logs] = await Promise.all([
    deps.store.getStatusesOf(pairs.filter((pair) => units.has(pair.unit))),
    boundedMap([...units.keys()], READS_IN_FLIGHT, async (code) => [code, await deps.log.sentFor(code)] as const),
  ]);
  const rows = buildOverdue({ catalog: deps.catalog, units, statuses, claims: new Map(logs), asOf: run?.evaluatedAt ?? deps.now() });
  return { ...(run && { evaluatedAt: run.evaluatedAt }), rows };
}
