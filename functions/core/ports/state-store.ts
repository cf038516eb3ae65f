import type { Status, UnitEntitySummary, UnitRequirementResult, UnitState } from '../evaluation/types.ts';
import type { RollupEntry } from '../evaluation/rollup-entries.ts';
import type { Finding } from '../notify/types.ts';
import type { IdentitySource } from '../report/identity.ts';
import type { EntityKind, UnitRecord } from '../snapshot/entities.ts';

/** What a stored current status looks like: the result plus when it was evaluated. */
export interface StoredStatus extends UnitRequirementResult {
  evaluatedAt: number;
}

/** What became of a processed object: the rows applied, or where the rejected file and its report went. */
export type ObjectOutcome = { outcome: 'applied'; rows: number } | { outcome: 'rejected'; quarantineKey: string; reportKey: string };

export type ProcessedObject = ObjectOutcome & { key: string; version: string; processedAt: number };

export interface LatestRun {
  day: string;
  evaluatedAt: number;
}

export interface StatusChange {
  unit: string;
  requirement: string;
  from?: Status;
  to: Status;
  at: number;
}

/**
 * The port through which handlers keep dondoc's state. DynamoDB implements it on AWS and
 * locally (dynalite); tests may use an in-memory one. Every write is idempotent.
 */
export interface StateStore {
  /** upserts registry entries; an entry older than the stored one is left alone */
  putUnits(units: readonly UnitRecord[], asOf: number): Promise<void>;
  getUnit(code: string): Promise<UnitRecord | undefined>;
  /** the registry entries of these codes (absent codes are left out), read in batches */
  getUnits(codes: readonly string[]): Promise<Map<string, UnitRecord>>;
  /** the units whose parent_code is this office (or the department) */
  listChildren(parentCode: string): Promise<UnitRecord[]>;
  /** the units whose registry entry names no parent: the department, and any unit the uploader gave none */
  listTopLevel(): Promise<UnitRecord[]>;
  /** one registry shard (0…REGISTRY_SHARDS-1), paged internally */
  listShard(shard: number): AsyncIterable<UnitRecord>;
  /** 'stale' when a newer summary is already stored; the same as-of again is 'applied' (idempotent) */
  applySummary(summary: UnitEntitySummary): Promise<'applied' | 'stale'>;
  getUnitState(code: string): Promise<UnitState>;
  /**
   * The states of these units, read in batches (a unit with no summary has an empty state):
   * only the summaries of `entities` when given, since an evaluation of some requirements
   * need not read, say, a school's students to judge its profile.
   */
  getUnitStates(codes: readonly string[], entities?: readonly EntityKind[]): Promise<Map<string, UnitState>>;
  /**
   * Writes current statuses; appends history items for changed ones and returns the changes.
   * An evaluation older than the stored one is ignored, so concurrent writers never turn the
   * clock back; `replay` lifts that rule for an explicit re-run of an earlier moment. A
   * `not_applicable` result retires the stored status of a requirement that stopped applying
   * to its unit (a registry change): the readers below no longer return it, and the change is
   * in the history. Where nothing is stored, `not_applicable` and `no_data` write nothing.
   */
  putResults(results: readonly UnitRequirementResult[], evaluatedAt: number, opts?: { replay?: boolean }): Promise<StatusChange[]>;
  /** the unit's statuses, of the requirements that apply to it */
  getStatuses(unit: string): Promise<StoredStatus[]>;
  /** the unit's status transitions, every requirement's: grouped by requirement, each in time order (the reader orders them as it shows them) */
  getStatusHistory(unit: string): Promise<StatusChange[]>;
  /** the stored statuses of these (unit, requirement) pairs, read in batches; pairs without one, or whose requirement no longer applies, are left out */
  getStatusesOf(pairs: ReadonlyArray<{ unit: string; requirement: string }>): Promise<StoredStatus[]>;
  /** the students and staff figures of these units, read in batches without their record codes (what the identity report needs) */
  getIdentitySources(units: readonly string[]): Promise<IdentitySource[]>;
  /** the units with this status for this requirement (GSI2) */
  unitsWithStatus(requirement: string, status: Status): AsyncIterable<string>;
  /** how many units have this status for this requirement (GSI2, counted by the table: no item comes back) */
  countWithStatus(requirement: string, status: Status): Promise<number>;
  /**
   * Replaces the current rollups with the daily run's and keeps them as that day's point of
   * the trend. The daily run is their only writer: it sees every unit, so they are exact.
   */
  putRollups(day: string, entries: readonly RollupEntry[], evaluatedAt: number): Promise<void>;
  /** the current rollups of one scope (`PROVINCE`, `OFFICE#<code>`, `LEVEL#<level>`, `DISPATCH`) */
  getRollups(scope: string): Promise<RollupEntry[]>;
  /** the daily points of one scope, oldest first */
  getRollupTrend(scope: string): Promise<Array<RollupEntry & { day: string }>>;
  /** one day's point of one scope (empty when no run stored that day) */
  getRollupsOfDay(scope: string, day: string): Promise<RollupEntry[]>;
  /** the data-quality gaps a daily run met (a missing or bounced address…), kept under each unit */
  putFindings(day: string, findings: readonly Finding[]): Promise<void>;
  /** the unit's findings of one run day */
  getFindings(unit: string, day: string): Promise<Finding[]>;
  /** the day of the latest daily run that stored its rollups (undefined before the first) */
  latestRunDay(): Promise<string | undefined>;
  /** the day and evaluation instant of the latest daily run (undefined before the first) */
  latestRun(): Promise<LatestRun | undefined>;
  /** records that an S3 object version was processed, and what became of it; false when it already was */
  markObjectProcessed(key: string, version: string, outcome: ObjectOutcome): Promise<boolean>;
  /** the latest processed version of an object key: the dashboard knows the key it uploaded to, not the version */
  latestObjectOutcome(key: string): Promise<ProcessedObject | undefined>;
}

export const REGISTRY_SHARDS = 16;
