import { addVnDays } from '../time.ts';
import type { EffectivePolicy } from './policy.ts';
import { toWorkingDay } from './quiet-days.ts';
import { firstRunDayAtOrAfter, lastDayToAct } from './run-days.ts';
import type { EscalationStage, ReminderStage } from './types.ts';

export type ScheduledStage =
  | { kind: 'reminder'; stage: ReminderStage; day: string }
  | { kind: 'escalation'; stage: EscalationStage; day: string };

/**
 * Every stage of one deadline under one policy, in the order they fall (days never decrease
 * along the list: reminders only move earlier, escalations only later, and both keep their order).
 */
export function stageSchedule(deadline: number, policy: EffectivePolicy): ScheduledStage[] {
  const lastDay = lastDayToAct(deadline);
  const stages: ScheduledStage[] = policy.reminderDays.map((days) => ({
    kind: 'reminder',
    stage: `reminder-${days}`,
    day: toWorkingDay(policy, addVnDays(lastDay, -days), -1),
  }));
  if (policy.escalate) {
    const firstRun = firstRunDayAtOrAfter(deadline);
    stages.push(
      { kind: 'escalation', stage: 'escalation-1', day: toWorkingDay(policy, firstRun, 1) },
      {
        kind: 'escalation',
        stage: 'escalation-2',
        day: toWorkingDay(policy, addVnDays(firstRun, policy.departmentEscalationDays), 1),
      },
    );
  }
  return stages;
}

/**
 * The stages a run on `day` is about: the latest one reached. Earlier stages are superseded —
 * a unit that missed "7 days left" and is now at "3 days left" needs the second message, not
 * both. The exception: when the department is told on the same day as the supervising office
 * (department_escalation_days: 0), both go, since they reach different people.
 */
export function dueStages(schedule: readonly ScheduledStage[], day: string): ScheduledStage[] {
  const reached = schedule.filter((s) => s.day <= day);
  const latest = reached.at(-1);
  if (!latest) return [];
  if (latest.stage === 'escalation-2') {
    const first = reached.find((s) => s.stage === 'escalation-1');
    if (first && first.day === latest.day) return [first, latest];
  }
  return [latest];
}
