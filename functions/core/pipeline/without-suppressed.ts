import { normaliseAddress } from '../notify/normalise-address.ts';
import type { NotificationLog } from '../ports/notification-log.ts';
import type { UnitRecord } from '../snapshot/entities.ts';

/**
 * The registry as the planner should address it: an address that bounced or complained is
 * treated as missing, so the planner sends one level up and reports the gap as a finding
 * instead of mailing a dead box. Only the addresses of the units that may be written to are
 * looked up, all in one batched read.
 */
export async function withoutSuppressed(
  registry: ReadonlyMap<string, UnitRecord>,
  codes: Iterable<string>,
  log: NotificationLog,
): Promise<{ registry: Map<string, UnitRecord>; suppressed: string[] }> {
  const out = new Map(registry);
  const units = [...new Set(codes)].flatMap((code) => out.get(code) ?? []);
  const gone = await log.suppressedAmong(units.flatMap((unit) => [unit.headEmail, unit.officerEmail].filter((a): a is string => a !== undefined)));
  const isGone = (address: string | undefined) => address !== undefined && gone.has(normaliseAddress(address));
  for (const unit of units) {
    const headGone = isGone(unit.headEmail);
    const officerGone = isGone(unit.officerEmail);
    if (!headGone && !officerGone) continue;
    const { headEmail, officerEmail, ...rest } = unit;
    out.set(unit.unitCode, { ...rest, ...(headGone || headEmail === undefined ? {} : { headEmail }), ...(officerGone || officerEmail === undefined ? {} : { officerEmail }) });
  }
  return { registry: out, suppressed: [...gone] };
}
