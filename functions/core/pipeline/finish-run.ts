import type { RollupEntry } from '../evaluation/rollup-entries.ts';
import { addDigestShard, type DigestShard, emptyDigestShard } from '../notify/build-digest.ts';
import { addEscalationShard, type EscalationShard, mergedEscalationShards } from '../notify/build-escalations.ts';
import { notificationKeyString } from '../notify/notification-key.ts';
import { planFinish } from '../notify/plan-finish.ts';
import { MAX_ESCALATION_ROWS } from '../notify/templates/escalation-email.ts';
import type { Finding } from '../notify/types.ts';
import { addVnDays } from '../time.ts';
import { RollupSum } from './merge-rollups.ts';
import type { PartResult } from './part-result.ts';
import type { RunRef } from './plan-task.ts';
import type { RunDeps } from './run-deps.ts';
import { toOutbound } from './to-outbound.ts';
import { withoutSuppressed } from './without-suppressed.ts';

export interface RunSummary {
  runDay: string;
  kind: RunRef['kind'];
  parts: number;
  units: number;
  changes: number;
  /** emails the parts and the finish queued */
  emails: number;
  /** data-quality findings of the parts (each part counts its own) and the finish */
  findings: number;
  /** what the finish itself queued and found (about the department and its addresses) */
  finish: { emails: number; findings: Finding[] };
}

/**
 * The end of a scheduled run, once every part is done: merges the parts' results page by page
 * (counts add up, the department's escalations keep their first rows), queues the
 * province-level emails (the department's escalations on a daily run, the digest on a
 * weekly one), stores the rollups and the trend's point of the day, and marks the run
 * finished. Undefined when the run is not complete or was already finished.
 */
export async function finishRun(deps: RunDeps, run: RunRef): Promise<RunSummary | undefined> {
  const state = await deps.runs.getRun(run.id);
  if (state === undefined || state.finished || state.done < state.parts) return undefined;

  const { rollups, escalations, digest, totals } = await mergeParts(deps.runs.partResults(run.id));
  const department = await deps.store.getUnit(deps.department);
  const { registry } = await withoutSuppressed(new Map(department ? [[department.unitCode, department]] : []), [deps.department], deps.log);
  const sent = new Set((run.kind === 'digest' ? await deps.log.sentFor(deps.department) : []).map(notificationKeyString));
  const lastWeek = await deps.store.getRollupsOfDay('PROVINCE', addVnDays(run.day, -7));
  const plan = planFinish(
    {
      catalog: deps.catalog,
      registry,
      department: deps.department,
      asOf: run.asOf,
      alreadySent: (key) => sent.has(notificationKeyString(key)),
      lastWeek: new Map(lastWeek.map((entry) => [entry.key, entry.counts])),
    },
    escalations,
    digest,
  );
  await deps.store.putFindings(run.day, plan.findings);
  const emails = plan.messages.filter((m) => (run.kind === 'digest') === (m.kind === 'digest')).map((m) => toOutbound(m, deps.dashboardUrl));
  await deps.outbox.enqueue(emails);
  /* Rollups last: they mark the run as the latest, whose findings are now all stored. */
  await deps.store.putRollups(run.day, rollups, run.asOf);
  await deps.runs.markFinished(run.id);
  return {
    runDay: run.day,
    kind: run.kind,
    parts: state.parts,
    ...totals,
    emails: totals.emails + emails.length,
    findings: totals.findings + plan.findings.length,
    finish: { emails: emails.length, findings: plan.findings },
  };
}

export interface MergedParts {
  rollups: RollupEntry[];
  escalations: EscalationShard[];
  digest: DigestShard;
  totals: { units: number; changes: number; emails: number; findings: number };
}

/** The parts' results summed as they are read: one part's result in memory at a time, beside the bounded sums. */
export async function mergeParts(parts: AsyncIterable<PartResult> | Iterable<PartResult>): Promise<MergedParts> {
  const rollups = new RollupSum();
  const escalations = new Map<string, EscalationShard>();
  const digest = emptyDigestShard();
  const totals = { units: 0, changes: 0, emails: 0, findings: 0 };
  for await (const part of parts) {
    rollups.add(part.rollups);
    for (const shard of part.departmentEscalations) addEscalationShard(escalations, shard, MAX_ESCALATION_ROWS);
    addDigestShard(digest, part.digest);
    totals.units += part.units;
    totals.changes += part.changes;
    totals.emails += part.emails;
    totals.findings += part.findings;
  }
  return { rollups: rollups.list(), escalations: mergedEscalationShards(escalations), digest, totals };
}
