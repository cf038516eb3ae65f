import type { Rule } from '../catalog/schema.ts';
import { NO_DATA, measured, type Measured } from './measurement.ts';
import type { UnitEntitySummary, UnitState } from './types.ts';

function activeCount(summary: UnitEntitySummary): number {
  return Object.values(summary.byLevel ?? {}).reduce((sum, tally) => sum + (tally?.total ?? 0), 0);
}

/** The totals a profile declares must match the active students and staff the unit actually lists. */
export function measureDeclaredTotals(rule: Extract<Rule, { kind: 'declared_totals' }>, state: UnitState | undefined): Measured {
  const profiles = state?.profiles;
  const students = state?.students;
  const staff = state?.staff;
  if (!profiles?.profile || !students || !staff) return NO_DATA;
  const checks = [
    { code: 'declared_students', declared: profiles.profile.declaredStudents, actual: activeCount(students) },
    { code: 'declared_staff', declared: profiles.profile.declaredStaff, actual: activeCount(staff) },
  ];
  const failingCodes = checks
    .filter(({ declared, actual }) => declared === undefined || Math.abs(declared - actual) > rule.tolerance)
    .map(({ code }) => code);
  const met = failingCodes.length === 0;
  const since = Math.max(profiles.asOf, students.asOf, staff.asOf);
  return measured(checks.length, failingCodes.length, failingCodes, met, since);
}
