import type { Catalog } from '../catalog/schema.ts';
import type { NotificationLog } from '../ports/notification-log.ts';
import type { Outbox } from '../ports/outbox.ts';
import type { PlanQueue } from '../ports/plan-queue.ts';
import type { RunStore } from '../ports/run-store.ts';
import type { StateStore } from '../ports/state-store.ts';

/** What the steps of a scheduled run (start, parts, finish) work with. */
export interface RunDeps {
  store: StateStore;
  runs: RunStore;
  log: NotificationLog;
  outbox: Outbox;
  plans: PlanQueue;
  catalog: Catalog;
  /** the department's unit code: top of every escalation, recipient of the digest */
  department: string;
  dashboardUrl: string;
  /** the wall clock: the instant a scheduled run evaluates */
  now: () => number;
}
