import type { Catalog } from '../catalog/schema.ts';
import type { RollupEntry } from '../evaluation/rollup-entries.ts';
import type { StatusCounts } from '../evaluation/types.ts';
import type { LatestRun } from '../ports/state-store.ts';
import { deadlineViews, nextDeadline } from './deadline-views.ts';
import { emptyCounts } from './empty-counts.ts';
import type { MeView, OverviewView, TrendPoint } from './views.ts';

export interface OverviewInput {
  scope: MeView;
  catalog: Catalog;
  /** the scope's current counts per requirement */
  counts: ReadonlyMap<string, StatusCounts>;
  /** the scope's daily points, any order */
  trend: ReadonlyArray<RollupEntry & { day: string }>;
  run?: LatestRun;
  /** the clock, for the next deadline when no run is stored yet */
  now: number;
}

/**
 * Every dispatch and requirement of the catalog with the scope's counts and trend. The next
 * deadline is the next one after the latest run, so a replayed past day reads as it did then.
 */
export function buildOverview(input: OverviewInput): OverviewView {
  const asOf = input.run?.evaluatedAt ?? input.now;
  const trends = trendsByRequirement(input.trend);
  return {
    scope: input.scope,
    ...(input.run === undefined ? {} : { evaluatedAt: input.run.evaluatedAt, runDay: input.run.day }),
    dispatches: input.catalog.dispatches.map((dispatch) => ({
      id: dispatch.id,
      number: dispatch.number,
      issuer: dispatch.issuer,
      date: dispatch.date,
      title: dispatch.title,
      requirements: dispatch.requirements.map((requirement) => {
        const deadlines = deadlineViews(requirement);
        const next = nextDeadline(deadlines, asOf);
        return {
          id: requirement.id,
          title: requirement.title,
          source: requirement.source,
          deadlines,
          ...(next === undefined ? {} : { nextDeadline: next }),
          counts: input.counts.get(requirement.id) ?? emptyCounts(),
          trend: trends.get(requirement.id) ?? [],
        };
      }),
    })),
  };
}

function trendsByRequirement(points: ReadonlyArray<RollupEntry & { day: string }>): Map<string, TrendPoint[]> {
  const trends = new Map<string, TrendPoint[]>();
  for (const point of points) {
    const trend = trends.get(point.key) ?? [];
    trend.push({ day: point.day, counts: point.counts });
    trends.set(point.key, trend);
  }
  for (const trend of trends.values()) trend.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return trends;
}
