import { z } from 'zod';
import { evaluate } from '../../core/evaluation/evaluate.ts';
import { planNotifications } from '../../core/notify/plan-notifications.ts';
import type { Finding, NotificationPlan, NotifyMessage } from '../../core/notify/types.ts';
import type { UnitRecord } from '../../core/snapshot/entities.ts';
import { formatVn } from '../../core/time.ts';
import { resolveCommonOptions } from '../common-options.ts';
import type { CliContext } from '../context.ts';
import { loadInputs } from '../load-inputs.ts';
import { invalidOptions, UsageError } from '../usage-error.ts';

const NotifyOptions = z.object({
  dryRun: z.boolean().optional(),
  department: z.string().trim().min(1).optional(),
  includeMissed: z.boolean().optional(),
});

/**
 * `dondoc notify --dry-run`: what the scheduled run at --as-of would send. The CLI has no
 * mail service and no notification log, so it only ever plans; the log is empty, and a stage
 * whose day has passed is taken as sent by that day's run unless --include-missed asks to see
 * what a run with an empty log would catch up on.
 */
export async function notifyCommand(ctx: CliContext, files: string[], raw: Record<string, unknown>): Promise<void> {
  const parsed = NotifyOptions.safeParse(raw);
  if (!parsed.success) throw invalidOptions(parsed.error);
  const { dryRun, department: given, includeMissed } = parsed.data;
  if (!dryRun) {
    throw new UsageError(
      'dondoc notify chỉ chạy thử: thêm --dry-run (thư được gửi bởi lịch chạy hằng ngày trên AWS) / the CLI cannot send email: add --dry-run',
    );
  }
  const opts = resolveCommonOptions({ asOf: raw.asOf, dispatches: raw.dispatches, entity: raw.entity, json: raw.json }, ctx.now);
  const catalog = await ctx.loadCatalog(opts.dispatchesDir);
  const { registry, states } = await loadInputs(files, catalog.dispatches.flatMap((d) => d.requirements), {
    ...opts,
    progress: ctx.progress,
    stderr: ctx.stderr,
  });
  const department = given === undefined ? departmentOf(registry) : knownDepartment(given, registry);
  const results = evaluate(catalog, { registry, states, asOf: opts.asOf });
  const plan = planNotifications({
    catalog,
    registry,
    results,
    department,
    asOf: opts.asOf,
    states,
    alreadySent: () => false,
    missedStages: includeMissed ? 'send' : 'assume_sent',
  });
  ctx.stdout.write(opts.json ? `${JSON.stringify(planJson(plan), null, 2)}\n` : planText(plan));
}

/** The department is the registry's one `department` unit; with none or several, the user must say which. */
function departmentOf(registry: ReadonlyMap<string, UnitRecord>): string {
  const departments = [...registry.values()].filter((u) => u.unitKind === 'department');
  const only = departments[0];
  if (departments.length === 1 && only) return only.unitCode;
  const found = departments.length === 0 ? 'không có Sở trong danh sách đơn vị / no department among the units' : `có ${departments.length} Sở / ${departments.length} departments`;
  throw new UsageError(`Không xác định được Sở (${found}): dùng --department <mã đơn vị> / use --department <unit code>`);
}

/**
 * The codes that may name the department: the registry's `department` units or, when the
 * units file lists none, the supervisors its units name without listing them (the
 * department's own row left out of the export).
 */
function departmentCodes(registry: ReadonlyMap<string, UnitRecord>): string[] {
  const units = [...registry.values()];
  const listed = units.filter((u) => u.unitKind === 'department').map((u) => u.unitCode);
  if (listed.length > 0) return listed;
  return [...new Set(units.flatMap((u) => (u.parentCode !== undefined && !registry.has(u.parentCode) ? [u.parentCode] : [])))];
}

/** Any other code would only turn every message to the department into a "not in the registry" finding. */
function knownDepartment(given: string, registry: ReadonlyMap<string, UnitRecord>): string {
  const codes = departmentCodes(registry);
  if (codes.includes(given)) return given;
  const there = codes.length === 0 ? 'không có Sở nào / there is none' : `Sở có trong danh sách / the departments there: ${codes.join(', ')}`;
  throw new UsageError(`--department ${given}: không phải Sở trong danh sách đơn vị / not a department among the units (${there})`);
}

function messageJson(m: NotifyMessage) {
  const head = { kind: m.kind, stage: m.stage, unit: m.unit, requirement: m.requirement, to: m.to, cc: m.cc, subject: m.subject };
  switch (m.kind) {
    case 'reminder':
      return { ...head, dispatch: m.dispatch.id, deadline: formatVn(m.deadline), daysLeft: m.daysLeft, total: m.figures.total, failing: m.figures.failing, rate: m.figures.rate, ...(m.redirectedTo !== undefined && { redirectedTo: m.redirectedTo }) };
    case 'escalation':
      return { ...head, dispatch: m.dispatch.id, deadline: formatVn(m.deadline), units: m.overdue.map((r) => r.unit), ...(m.redirectedTo !== undefined && { redirectedTo: m.redirectedTo }) };
    case 'digest':
      return { ...head, requirements: m.sections.map((s) => s.requirementFacts.id), furthestBehind: m.furthestBehind.map((r) => r.unit) };
  }
}

function planJson(plan: NotificationPlan) {
  return { asOf: formatVn(plan.asOf), messages: plan.messages.map(messageJson), findings: plan.findings };
}

function findingText(f: Finding): string {
  switch (f.kind) {
    case 'missing_email':
      return `${f.unit}: thiếu ${f.field} / missing ${f.field}`;
    case 'not_in_registry':
      return `${f.unit}: không có trong danh sách đơn vị / not in the unit registry`;
    case 'no_recipient':
      return `${f.unit}: không có người nhận cho ${f.requirement} ${f.stage} / nobody to send it to`;
  }
}

function planText(plan: NotificationPlan): string {
  const lines = [`Lần chạy ${plan.runDay} (as of ${formatVn(plan.asOf)}): ${plan.messages.length} thư / message(s)`];
  for (const m of plan.messages) {
    lines.push(`${m.stage}\t${m.unit}\t${m.requirement}\t→ ${m.to.join(', ')}${m.cc.length > 0 ? ` (cc ${m.cc.join(', ')})` : ''}`, `  ${m.subject}`);
  }
  if (plan.findings.length > 0) {
    lines.push(`Lỗi dữ liệu liên hệ / data-quality findings (${plan.findings.length}):`, ...plan.findings.map((f) => `  ${findingText(f)}`));
  }
  return `${lines.join('\n')}\n`;
}
