import type { Catalog } from '../catalog/schema.ts';
import { rollup } from '../evaluation/rollup.ts';
import { rollupEntries } from '../evaluation/rollup-entries.ts';
import type { UnitRequirementResult } from '../evaluation/types.ts';
import { addVnDays, vnDate } from '../time.ts';
import { MAX_CODES } from '../notify/build-reminder.ts';
import { notificationKeyString } from '../notify/notification-key.ts';
import { planNotifications } from '../notify/plan-notifications.ts';
import { renderEmail } from '../notify/templates/render-email.ts';
import type { Finding, NotifyMessage } from '../notify/types.ts';
import type { OutboundEmail } from '../outbox/outbound-email.ts';
import type { NotificationLog } from '../ports/notification-log.ts';
import type { Outbox } from '../ports/outbox.ts';
import { REGISTRY_SHARDS, type StateStore, type StatusChange } from '../ports/state-store.ts';
import type { UnitRecord } from '../snapshot/entities.ts';
import { boundedMap } from '../concurrency/bounded-map.ts';
import { evaluateStored, GROUP_CONCURRENCY, STORE_CONCURRENCY } from './evaluate-stored.ts';
import { evaluationGroups } from './evaluation-groups.ts';
import { withoutSuppressed } from './without-suppressed.ts';

export type RunKind = 'daily' | 'digest';

export interface DailyRunDeps {
  store: StateStore;
  log: NotificationLog;
  outbox: Outbox;
  catalog: Catalog;
  /** the department's unit code: top of every escalation, recipient of the digest */
  department: string;
  dashboardUrl: string;
  now: () => number;
  /** an explicit re-run of an earlier moment: its statuses replace newer ones */
  replay?: boolean;
}

export interface DailyRunSummary {
  asOf: number;
  runDay: string;
  units: number;
  changes: StatusChange[];
  emails: number;
  findings: Finding[];
  suppressed: string[];
}

const BEHIND = new Set(['pending', 'due_soon', 'overdue']);

/**
 * The scheduled run: re-evaluate every unit as of now (deadlines pass without any upload),
 * store the province's, offices' and levels' rollups and that day's point of their trend,
 * plan what the day sends, and queue one message per email. The daily run sends reminders
 * and escalations, the weekly one the digest; the notification log keeps every delivery to
 * at most once, whether the schedule fires twice or a run is retried.
 */
export async function dailyRun(deps: DailyRunDeps, run: RunKind): Promise<DailyRunSummary> {
  const asOf = deps.now();
  const registry = await loadRegistry(deps.store);
  const evaluated = await boundedMap(evaluationGroups(registry), GROUP_CONCURRENCY, (group) =>
    evaluateStored(deps.store, deps.catalog, group.scope, group.targets, asOf, { replay: deps.replay === true }),
  );
  /* Held for the whole run: a reminder lists at most MAX_CODES record codes, so no more are kept. */
  const results: UnitRequirementResult[] = evaluated.flatMap((e) =>
    e.results.map((r) => (r.failingCodes.length > MAX_CODES ? { ...r, failingCodes: r.failingCodes.slice(0, MAX_CODES) } : r)),
  );
  const changes: StatusChange[] = evaluated.flatMap((e) => e.changes);

  const behind = new Set(results.filter((r) => BEHIND.has(r.status)).map((r) => r.unit));
  const addressed = new Set([deps.department, ...behind, ...[...behind].flatMap((code) => registry.get(code)?.parentCode ?? [])]);
  const logged = await boundedMap([...new Set([deps.department, ...behind])], STORE_CONCURRENCY, (code) => deps.log.sentFor(code));
  const sent = new Set(logged.flat().map(notificationKeyString));
  const { registry: reachable, suppressed } = await withoutSuppressed(registry, addressed, deps.log);

  const lastWeek = await deps.store.getRollupsOfDay('PROVINCE', addVnDays(vnDate(asOf), -7));
  const plan = planNotifications({
    catalog: deps.catalog,
    registry: reachable,
    results,
    department: deps.department,
    asOf,
    alreadySent: (key) => sent.has(notificationKeyString(key)),
    lastWeek: new Map(lastWeek.map((entry) => [entry.key, entry.counts])),
  });
  await deps.store.putFindings(plan.runDay, plan.findings);
  /* Rollups last: they mark the run as the latest, whose findings are now all stored. */
  await deps.store.putRollups(plan.runDay, rollupEntries(rollup(results, registry)), asOf);
  const emails = plan.messages.filter((m) => (run === 'digest') === (m.kind === 'digest')).map((m) => outbound(m, deps.dashboardUrl));
  await deps.outbox.enqueue(emails);
  return { asOf, runDay: plan.runDay, units: registry.size, changes, emails: emails.length, findings: plan.findings, suppressed };
}

async function loadRegistry(store: StateStore): Promise<Map<string, UnitRecord>> {
  const registry = new Map<string, UnitRecord>();
  for (let shard = 0; shard < REGISTRY_SHARDS; shard++) for await (const unit of store.listShard(shard)) registry.set(unit.unitCode, unit);
  return registry;
}

function outbound(message: NotifyMessage, dashboardUrl: string): OutboundEmail {
  const rendered = renderEmail(message, { dashboardUrl });
  /* A unit with only a head on file has its message addressed in cc; SES needs someone in To. */
  const [to, cc] = message.to.length > 0 ? [message.to, message.cc] : [message.cc, []];
  return {
    kind: message.kind,
    stage: message.stage,
    unit: message.unit,
    requirement: message.requirement,
    day: message.runDay,
    to,
    cc,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    units: [...new Set(message.keys.map((key) => key.unit))],
  };
}
