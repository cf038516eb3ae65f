import type { EntityKind, Level, ProfileRecord, UnitRecord } from '../snapshot/entities.ts';

/** Counts of one requirement's record-level rule over one unit's snapshot. Codes only, never personal data. */
export interface RequirementTally {
  total: number;
  failing: number;
  warning: number;
  failingCodes: string[];
  warningCodes: string[];
  /** the latest timestamp among the counted records that bears on when the unit became compliant (updated_at, reviewed_at…) */
  lastAt?: number;
}

export interface IdentityTally {
  total: number;
  unverified: number;
}

/**
 * What dondoc keeps of one unit's latest snapshot of one entity: counts, codes of failing
 * records, and the few non-personal facts rules need. It is the unit of storage (one
 * DynamoDB item per unit × entity) and of evaluation, so it must stay small and serialisable.
 */
export interface UnitEntitySummary {
  unit: string;
  entity: EntityKind;
  /** the snapshot's as-of instant */
  asOf: number;
  /** where it came from (file name or S3 key and version) */
  source?: string;
  rows: number;
  /** students / staff: active records per level ('?' when neither the record nor the unit says) */
  byLevel?: Partial<Record<Level | '?', IdentityTally>>;
  /** students / staff: class → active / unverified, for breakdowns in emails and on the dashboard */
  byClass?: Record<string, IdentityTally>;
  /** students / staff: codes of active records not verified (unverified or mismatch) */
  unverifiedCodes?: string[];
  /** the latest updated_at among the records */
  maxUpdatedAt?: number;
  /** per requirement id, for the record-level rules that read this entity */
  tallies: Record<string, RequirementTally>;
  /** profiles: the unit's profile, without personal data (there is none in a profile) */
  profile?: ProfileRecord;
  /** reports: per period */
  reports?: Record<string, { submittedAt?: number; approvedAt?: number }>;
  /** explanations: per entity, record code → which parts are present */
  explanations?: Partial<Record<'students' | 'staff', Record<string, { cause: boolean; remedy: boolean; expectedDate?: string }>>>;
}

/** Everything known about one unit at evaluation time: one summary per entity. */
export type UnitState = Partial<Record<EntityKind, UnitEntitySummary>>;

export const STATUSES = [
  'compliant',
  'compliant_late',
  'pending',
  'due_soon',
  'overdue',
  'warning',
  'non_compliant',
  'no_data',
  'not_applicable',
] as const;
export type Status = (typeof STATUSES)[number];

export interface EvaluationInput {
  registry: ReadonlyMap<string, UnitRecord>;
  states: ReadonlyMap<string, UnitState>;
  asOf: number;
}

export interface UnitRequirementResult {
  unit: string;
  requirement: string;
  dispatch: string;
  status: Status;
  deadline?: number;
  total: number;
  failing: number;
  /** failing / total × 100, two decimals, 0 when total is 0 */
  rate: number;
  warning?: number;
  /** codes of failing records (record codes, never names or national IDs) */
  failingCodes: string[];
  /** when the unit is known to have become compliant (compliant / compliant_late) */
  compliantSince?: number;
}

export interface StatusCounts {
  units: number;
  total: number;
  failing: number;
  rate: number;
  byStatus: Partial<Record<Status, number>>;
}

export interface Rollups {
  province: Record<string, StatusCounts>;
  byDispatch: Record<string, StatusCounts>;
  byLevel: Record<string, Record<string, StatusCounts>>;
  byDistrictOffice: Record<string, Record<string, StatusCounts>>;
}
