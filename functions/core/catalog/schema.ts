import { z } from 'zod';
import { Level, UnitKind } from '../snapshot/entities.ts';

/**
 * The dispatch catalog: one YAML file per dispatch under dispatches/. This schema is the
 * catalog format the README documents; everything a department's office writes is checked
 * here before any evaluation runs.
 */

const PersonEntity = z.enum(['students', 'staff']);
const DataEntity = z.enum(['students', 'staff', 'profiles']);
const RecordEntity = z.enum(['students', 'staff', 'profiles', 'reports', 'explanations']);

/** Canonical fields a completeness rule may demand (names of the snapshot contract). */
export const RequiredField = z.string().regex(/^[a-z_]+$/);

export const IdentityVerificationRule = z.object({
  kind: z.literal('identity_verification'),
  entity: PersonEntity,
  /** percentage of active records that must be verified */
  threshold: z.number().min(0).max(100).default(100),
});

export const RequiredFieldsRule = z.object({
  kind: z.literal('required_fields'),
  entity: DataEntity,
  fields: z.array(RequiredField).min(1),
});

export const UpdateWindowRule = z.object({
  kind: z.literal('update_window'),
  entity: DataEntity,
  /** the date the change took effect */
  effective_field: z.enum(['status_effective_date', 'change_effective_date']),
  /** ≤ ok_days late: fine */
  ok_days: z.number().int().min(0).default(3),
  /** ok_days < lag ≤ warn_days: warning; beyond: violation */
  warn_days: z.number().int().min(0).default(5),
  /** changes that took effect before this day are not judged (the rule's own start) */
  since: z.iso.date().optional(),
});

export const SelfReviewRule = z.object({
  kind: z.literal('self_review'),
  entity: z.literal('staff').default('staff'),
  /** a confirmation counts only on or after this day (the review campaign's start) */
  since: z.iso.date().optional(),
});

export const ReportSubmittedRule = z.object({
  kind: z.literal('report_submitted'),
  entity: z.literal('reports').default('reports'),
  period: z.string().min(1),
  /** a district office's report counts only once every school it supervises has submitted, and after them */
  after_children: z.boolean().default(false),
});

export const SchoolYearRolloverRule = z.object({
  kind: z.literal('school_year_rollover'),
  entity: DataEntity,
  /** two consecutive years, as records' school years read (school-year.ts); load.ts checks they are consecutive */
  school_year: z.string().regex(/^\d{4}-\d{4}$/),
});

export const FreshnessRule = z.object({
  kind: z.literal('freshness'),
  entity: RecordEntity,
  max_age_days: z.number().int().positive(),
});

export const DuplicatesRule = z.object({
  kind: z.literal('duplicates'),
  entity: PersonEntity,
  /** national_id: the same person twice anywhere in the snapshot; record_code: the same code twice in a unit */
  keys: z.array(z.enum(['national_id', 'record_code'])).min(1),
});

export const DeclaredTotalsRule = z.object({
  kind: z.literal('declared_totals'),
  entity: z.literal('profiles').default('profiles'),
  /** absolute difference tolerated between the profile's declared total and the active records */
  tolerance: z.number().int().min(0).default(0),
});

export const ExplanationsRule = z.object({
  kind: z.literal('explanations'),
  entity: PersonEntity,
  /** which parts of an explanation must be present */
  fields: z.array(z.enum(['cause', 'remedy', 'expected_date'])).default(['cause', 'remedy', 'expected_date']),
});

export const ReferenceSetRule = z.object({
  kind: z.literal('reference_set'),
  entity: z.literal('profiles').default('profiles'),
  /** only records whose field matches one of these values (accent- and case-insensitively, by containment) are judged */
  when: z.object({ field: RequiredField, contains: z.array(z.string().min(1)).min(1) }),
  /** each judged record's field must be exactly one of the values (compared in NFC, case-insensitively) */
  expect: z.array(z.object({ field: RequiredField, one_of: z.array(z.string().min(1)).min(1) })).min(1),
  /** records whose change took effect before this day are not judged */
  effective_from: z.iso.date().optional(),
});

export const Rule = z.discriminatedUnion('kind', [
  IdentityVerificationRule,
  RequiredFieldsRule,
  UpdateWindowRule,
  SelfReviewRule,
  ReportSubmittedRule,
  SchoolYearRolloverRule,
  FreshnessRule,
  DuplicatesRule,
  DeclaredTotalsRule,
  ExplanationsRule,
  ReferenceSetRule,
]);
export type Rule = z.infer<typeof Rule>;
export type RuleKind = Rule['kind'];

/** Which units a requirement or a deadline concerns. Empty means all. */
export const Applicability = z.object({
  unit_kinds: z.array(UnitKind).optional(),
  levels: z.array(Level).optional(),
  /** unit codes or district names (accent-insensitive containment); a blank one would match no unit */
  districts: z.array(z.string().trim().min(1)).optional(),
});
export type Applicability = z.infer<typeof Applicability>;

export const NotificationPolicy = z.object({
  /** days before the deadline's day on which reminders go out; 0 is the day itself */
  reminder_days: z.array(z.number().int().min(0)).optional(),
  escalate: z.boolean().optional(),
  /** days after the deadline at which the department's head is told */
  department_escalation_days: z.number().int().min(0).optional(),
  /** days with no emails: ISO weekday numbers (7 = Sunday) */
  quiet_weekdays: z.array(z.number().int().min(1).max(7)).optional(),
  /** public holidays, YYYY-MM-DD, Vietnam time */
  quiet_dates: z.array(z.iso.date()).optional(),
  /** extra recipients copied on every reminder and escalation (e.g. the department's desk officer for this dispatch) */
  cc: z.array(z.email()).optional(),
});
export type NotificationPolicy = z.infer<typeof NotificationPolicy>;

/** A deadline as written: ISO ("2023-06-08T17:00"), or as the dispatch says it ("trước 17h00 ngày 08/6/2023", "trước ngày 10/02/2024"). */
export const DeadlineInput = Applicability.extend({ at: z.string().min(1) });

export const RequirementInput = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(1),
  /** the section of the dispatch this comes from, e.g. "§2.1" */
  source: z.string().min(1),
  rule: Rule,
  applies_to: Applicability.default({}),
  deadlines: z.array(DeadlineInput).default([]),
  /** what the unit should do, shown in emails and on the dashboard */
  action: z.string().optional(),
  policy: NotificationPolicy.optional(),
});

export const DispatchInput = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  issuer: z.string().min(1),
  number: z.string().min(1),
  date: z.string().min(4),
  title: z.string().min(1),
  source: z.string().optional(),
  policy: NotificationPolicy.optional(),
  requirements: z.array(RequirementInput).min(1),
});
export type DispatchInput = z.infer<typeof DispatchInput>;

/** A catalog entry after loading: deadlines resolved to instants, requirement ids qualified. */
export interface Deadline {
  at: number;
  levels?: Level[];
  unitKinds?: UnitKind[];
  districts?: string[];
}

export interface Requirement {
  /** `<dispatch id>/<requirement id>`: unique across the catalog */
  id: string;
  dispatchId: string;
  title: string;
  source: string;
  entity: z.infer<typeof RecordEntity>;
  rule: Rule;
  appliesTo: Applicability;
  deadlines: Deadline[];
  action?: string;
  policy?: NotificationPolicy;
}

export interface Dispatch {
  id: string;
  issuer: string;
  number: string;
  date: string;
  title: string;
  source?: string;
  policy?: NotificationPolicy;
  requirements: Requirement[];
}

export interface Catalog {
  dispatches: Dispatch[];
}
