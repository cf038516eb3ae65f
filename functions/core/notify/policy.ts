import type { NotificationPolicy } from '../catalog/schema.ts';

/** A requirement's notification policy with every default filled in. */
export interface EffectivePolicy {
  /** days before the deadline's day, largest first, no repeats */
  reminderDays: readonly number[];
  escalate: boolean;
  departmentEscalationDays: number;
  /** ISO weekdays, 1 = Monday … 7 = Sunday */
  quietWeekdays: ReadonlySet<number>;
  quietDates: ReadonlySet<string>;
  cc: readonly string[];
}

/** cli-contract.md, `dondoc notify`: 7, 3, 1 days before and on the day; the department 3 days after the first escalation. */
export const DEFAULT_POLICY: EffectivePolicy = {
  reminderDays: [7, 3, 1, 0],
  escalate: true,
  departmentEscalationDays: 3,
  quietWeekdays: new Set(),
  quietDates: new Set(),
  cc: [],
};

/** `requirement.policy` is already the dispatch's policy overridden field by field (catalog loader). */
export function effectivePolicy(policy: NotificationPolicy | undefined): EffectivePolicy {
  if (!policy) return DEFAULT_POLICY;
  return {
    reminderDays: policy.reminder_days ? [...new Set(policy.reminder_days)].sort((a, b) => b - a) : DEFAULT_POLICY.reminderDays,
    escalate: policy.escalate ?? DEFAULT_POLICY.escalate,
    departmentEscalationDays: policy.department_escalation_days ?? DEFAULT_POLICY.departmentEscalationDays,
    quietWeekdays: new Set(policy.quiet_weekdays ?? []),
    quietDates: new Set(policy.quiet_dates ?? []),
    cc: policy.cc ?? [],
  };
}
