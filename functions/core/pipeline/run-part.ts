import type { UnitRequirementResult } from '../evaluation/types.ts';
import { MAX_CODES } from '../notify/build-reminder.ts';
import { notificationKeyString } from '../notify/notification-key.ts';
import { type PartPlan, planPart } from '../notify/plan-part.ts';
import type { Finding, PlanInput } from '../notify/types.ts';
import type { NotificationKey } from '../ports/notification-log.ts';
import type { PartResult } from './part-result.ts';
import { partUnits } from './part-units.ts';
import { summarisePart } from './summarise-part.ts';
import type { PartSpec, RunRef } from './plan-task.ts';
import type { RunDeps } from './run-deps.ts';
import { evaluateFromStore, evaluateStored } from './evaluate-stored.ts';
import { toOutbound } from './to-outbound.ts';
import { withoutSuppressed } from './without-suppressed.ts';

const BEHIND = new Set(['pending', 'due_soon', 'overdue']);

/**
 * The part's plan without what the log holds already. The log is asked only about the emails
 * the plan would send: planned once as if nothing had gone out, the keys the planner asked
 * about are read in batches, and the plan is made again with the claims found. The log only
 * ever takes recipients out of a message (which stage is due comes from the calendar), so the
 * second plan asks about no key the first did not. The digest run sends only the digest, which
 * the finish plans: its parts need no log.
 */
async function planAgainstLog(deps: RunDeps, run: RunRef, input: Omit<PlanInput, 'alreadySent'>): Promise<PartPlan> {
  if (run.kind !== 'daily') return planPart({ ...input, alreadySent: () => false });
  const asked: NotificationKey[] = [];
  planPart({
    ...input,
    alreadySent: (key) => {
      asked.push(key);
      return false;
    },
  });
  const claimed = new Set((await deps.log.claimedAmong(asked)).map(notificationKeyString));
  return planPart({ ...input, alreadySent: (key) => claimed.has(notificationKeyString(key)) });
}

export interface PartOutcome {
  result: PartResult;
  findings: Finding[];
  /** false when a redelivery found the part's result already stored */
  stored: boolean;
  /** true when this part completed the run and queued its finish */
  finishQueued: boolean;
}

/**
 * One part of a scheduled run: re-evaluates its units as of the run (a daily run stores their statuses),
 * plans and queues its reminders and its offices' escalations, then stores what the finish
 * needs and counts the part done. A redelivered part evaluates and plans again (the log keeps
 * every email to once) but is counted once; the part that completes the run queues the
 * finish, and so does a redelivery of it, since a finish twice changes nothing twice.
 */
export async function runPart(deps: RunDeps, run: RunRef, part: PartSpec): Promise<PartOutcome> {
  const { scope, targets } = await partUnits(deps.store, part);
  /* Statuses are the daily run's to write: a digest at the same instant would only read them all back to find nothing changed. */
  const evaluated =
    run.kind === 'daily'
      ? await evaluateStored(deps.store, deps.catalog, scope, targets, run.asOf, { replay: run.replay })
      : { results: await evaluateFromStore(deps.store, deps.catalog, scope, targets, run.asOf), changes: [] };
  /* A reminder lists at most MAX_CODES record codes, so no more are kept. */
  const results: UnitRequirementResult[] = evaluated.results.map((r) =>
    r.failingCodes.length > MAX_CODES ? { ...r, failingCodes: r.failingCodes.slice(0, MAX_CODES) } : r,
  );

  const registry = new Map(scope);
  const department = scope.get(deps.department) ?? (await deps.store.getUnit(deps.department));
  if (department) registry.set(department.unitCode, department);
  /* A digest's parts send nothing: only the department is addressed, by the finish. */
  const behind = run.kind === 'daily' ? [...new Set(results.filter((r) => BEHIND.has(r.status)).map((r) => r.unit))] : [];
  const addressed = new Set([deps.department, ...behind, ...behind.flatMap((code) => registry.get(code)?.parentCode ?? [])]);
  const { registry: reachable } = await withoutSuppressed(registry, addressed, deps.log);
  const plan = await planAgainstLog(deps, run, { catalog: deps.catalog, registry: reachable, results, department: deps.department, asOf: run.asOf });
  await deps.store.putFindings(run.day, plan.findings);
  const emails = run.kind === 'daily' ? plan.messages.map((m) => toOutbound(m, deps.dashboardUrl)) : [];
  await deps.outbox.enqueue(emails);

  const result = summarisePart(part.id, run.kind, scope, results, plan, { units: targets.length, changes: evaluated.changes.length, emails: emails.length });
  const stored = await deps.runs.putPartResult(run.id, result);
  const state = await deps.runs.completePart(run.id, part.id);
  const finishQueued = state.done >= state.parts && !state.finished;
  if (finishQueued) await deps.plans.enqueue([{ task: 'finish', run }]);
  return { result, findings: plan.findings, stored, finishQueued };
}
