import type { NotificationLog } from '../ports/notification-log.ts';
import type { UnitRecord } from '../snapshot/entities.ts';

/**
 * The registry as the planner should address it: an address that bounced or complained is
 * treated as missing, so the planner sends one level up and reports the gap as a finding
 * instead of mailing a dead box. Only the units that may be written to are looked up.
 */
export async function withoutSuppressed(
  registry: ReadonlyMap<string, UnitRecord>,
  codes: Iterable<string>,
  log: NotificationLog,
): Promise<{ registry: Map<string, UnitRecord>; suppressed: string[] }> {
  const out = new Map(registry);
  const verdicts = new Map<string, boolean>();
  const isSuppressed = async (address: string) => {
    const key = address.trim().toLowerCase();
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      verdict = await log.isSuppressed(key);
      verdicts.set(key, verdict);
    }
    return verdict;
  };
  for (const code of codes) {
    const unit = out.get(code);
    if (!unit) continue;
    const headGone = unit.headEmail !== undefined && (await isSuppressed(unit.headEmail));
    const officerGone = unit.officerEmail !== undefined && (await isSuppressed(unit.officerEmail));
    if (!headGone && !officerGone) continue;
    const { headEmail, officerEmail, ...rest } = unit;
    out.set(code, { ...rest, ...(headGone || headEmail === undefined ? {} : { headEmail }), ...(officerGone || officerEmail === undefined ? {} : { officerEmail }) });
  }
  return { registry: out, suppressed: [...verdicts].filter(([, gone]) => gone).map(([address]) => address) };
}
