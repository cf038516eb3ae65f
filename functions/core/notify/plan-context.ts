import { vnDate } from '../time.ts';
import { indexCatalog, type CatalogEntry } from './catalog-index.ts';
import { Findings } from './findings.ts';
import { notificationKey } from './notification-key.ts';
import { effectivePolicy, type EffectivePolicy } from './policy.ts';
import type { Addressing } from './recipients.ts';
import { stageSchedule, type ScheduledStage } from './stage-schedule.ts';
import type { PlanInput } from './types.ts';

/** What every part of one run shares: the input, the run's day, and memos a province-sized run needs. */
export interface PlanContext {
  input: PlanInput;
  today: string;
  catalog: ReadonlyMap<string, CatalogEntry>;
  addressing: Addressing;
  findings: Findings;
  policyOf(entry: CatalogEntry): EffectivePolicy;
  /** a catalog has a handful of deadlines and a province thousands of results: each schedule is built once */
  scheduleOf(entry: CatalogEntry, deadline: number): ScheduledStage[];
  /** the addresses this (unit, requirement, stage) has not yet gone to */
  unsent(unit: string, requirement: string, stage: string, addresses: readonly string[]): string[];
}

/*
 * A schedule depends only on the requirement (its policy) and the deadline. A plan worker
 * plans part after part with the catalog it loaded once, so schedules are kept per
 * requirement object across plans, not rebuilt in every part's context.
 */
const scheduleMemo = new WeakMap<CatalogEntry['requirement'], Map<number, ScheduledStage[]>>();

export function planContext(input: PlanInput): PlanContext {
  const policies = new Map<string, EffectivePolicy>();
  const policyOf = (entry: CatalogEntry): EffectivePolicy => {
    let policy = policies.get(entry.requirement.id);
    if (!policy) {
      policy = effectivePolicy(entry.requirement.policy);
      policies.set(entry.requirement.id, policy);
    }
    return policy;
  };
  return {
    input,
    today: vnDate(input.asOf),
    catalog: indexCatalog(input.catalog),
    addressing: { registry: input.registry, department: input.department },
    findings: new Findings(),
    policyOf,
    scheduleOf(entry, deadline) {
      let schedules = scheduleMemo.get(entry.requirement);
      if (!schedules) {
        schedules = new Map();
        scheduleMemo.set(entry.requirement, schedules);
      }
      let schedule = schedules.get(deadline);
      if (!schedule) {
        schedule = stageSchedule(deadline, policyOf(entry));
        schedules.set(deadline, schedule);
      }
      return schedule;
    },
    unsent(unit, requirement, stage, addresses) {
      const seen = new Set<string>();
      return addresses.filter((address) => {
        const lower = address.toLowerCase();
        if (seen.has(lower)) return false;
        seen.add(lower);
        return !input.alreadySent(notificationKey(unit, requirement, stage, address));
      });
    },
  };
}
