import type { Catalog } from '../catalog/schema.ts';
import type { StatusCounts } from '../evaluation/types.ts';
import { vnDate, vnStartOfDay } from '../time.ts';
import { deadlineViews } from './deadline-views.ts';
import { emptyCounts } from './empty-counts.ts';
import type { CalendarEntry } from './views.ts';

/* Done, in whichever way: everything else still needs the unit to act. */
const DONE = ['compliant', 'compliant_late', 'not_applicable'] as const;

/**
 * The deadlines from the run's day on, soonest first. Rollups count a scope per requirement,
 * not per deadline, so every deadline of a requirement shows the requirement's counts.
 */
export function buildCalendar(catalog: Catalog, counts: ReadonlyMap<string, StatusCounts>, asOf: number): CalendarEntry[] {
  const from = vnStartOfDay(vnDate(asOf));
  const entries: CalendarEntry[] = [];
  for (const dispatch of catalog.dispatches) {
    for (const requirement of dispatch.requirements) {
      const scoped = counts.get(requirement.id) ?? emptyCounts();
      const done = DONE.reduce((sum, status) => sum + (scoped.byStatus[status] ?? 0), 0);
      for (const deadline of deadlineViews(requirement)) {
        if (deadline.at < from) continue;
        entries.push({
          ...deadline,
          requirement: requirement.id,
          requirementTitle: requirement.title,
          dispatch: dispatch.id,
          behind: scoped.units - done,
          units: scoped.units,
        });
      }
    }
  }
  return entries.sort((a, b) => a.at - b.at);
}
