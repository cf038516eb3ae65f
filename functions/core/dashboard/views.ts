import type { ScopeKind } from '../access/scope.ts';
import type { Status, StatusCounts, UnitRequirementResult } from '../evaluation/types.ts';
import type { Finding } from '../notify/types.ts';
import type { IdentityAppendices, AppendixRow, DistrictAppendixRow } from '../report/identity-appendices.ts';
import type { IdentityUnitRow } from '../report/identity.ts';
import type { Level, UnitKind } from '../snapshot/entities.ts';
import type { ValidationReport } from '../snapshot/validation-report.ts';

/**
 * What the dashboard API answers, route by route: the one contract between the API
 * (functions/handlers/api) and the browser (dashboard/). Instants are epoch milliseconds;
 * the browser writes them in Vietnam time. Record codes only, never names or national IDs.
 */

/** GET /api/me */
export interface MeView {
  kind: ScopeKind;
  code: string;
  name: string;
}

/** How the units of a scope stand on one requirement on one run day. */
export interface TrendPoint {
  day: string;
  counts: StatusCounts;
}

export interface DeadlineView {
  at: number;
  /** "17h00 ngày 08/6/2023" */
  text: string;
  /** who the deadline is for, in Vietnamese ("Trường THPT", "Mầm non, Tiểu học"…); empty when everyone */
  appliesTo: string;
}

export interface RequirementOverview {
  id: string;
  title: string;
  source: string;
  deadlines: DeadlineView[];
  /** the next deadline still ahead of the run, if any */
  nextDeadline?: number;
  /** units of the viewed scope by status, as of the latest daily run */
  counts: StatusCounts;
  /** one point per stored daily run, oldest first */
  trend: TrendPoint[];
}

export interface DispatchOverview {
  id: string;
  number: string;
  issuer: string;
  date: string;
  title: string;
  requirements: RequirementOverview[];
}

/** GET /api/overview[?office=CODE] — the province (department) or one office (its rollups). */
export interface OverviewView {
  scope: MeView;
  /** when the latest daily run evaluated; absent before the first run */
  evaluatedAt?: number;
  runDay?: string;
  dispatches: DispatchOverview[];
}

/** GET /api/appendix — seed 004's Phụ lục 1–4 over the units the caller may read. */
export interface AppendixView {
  evaluatedAt: number;
  appendices: IdentityAppendices;
  units: IdentityUnitRow[];
}
export type { AppendixRow, DistrictAppendixRow, IdentityAppendices, IdentityUnitRow };

/** The escalation stage the notification log shows a unit has reached for a requirement. */
export type EscalationReached = 'none' | 'reminders' | 'office' | 'department';

/** GET /api/overdue[?office=] — the overdue (unit, requirement) pairs the caller may read; the department may name one office. */
export interface OverdueRow {
  unit: string;
  unitName: string;
  office: string | null;
  requirement: string;
  requirementTitle: string;
  dispatch: string;
  deadline: number;
  daysOverdue: number;
  total: number;
  failing: number;
  rate: number;
  reached: EscalationReached;
}
export interface OverdueView {
  evaluatedAt?: number;
  rows: OverdueRow[];
}

/** GET /api/calendar — deadlines from today on, with how many of the caller's units are still behind. */
export interface CalendarEntry {
  at: number;
  text: string;
  requirement: string;
  requirementTitle: string;
  dispatch: string;
  appliesTo: string;
  behind: number;
  units: number;
}
export interface CalendarView {
  entries: CalendarEntry[];
}

/** A failing record as the unit page shows it: its code, and what its explanation covers. */
export interface FailingRecord {
  code: string;
  explanation?: { cause: boolean; remedy: boolean; expectedDate?: string };
}

export interface RequirementDetail extends Pick<UnitRequirementResult, 'requirement' | 'dispatch' | 'status' | 'deadline' | 'total' | 'failing' | 'rate'> {
  title: string;
  /** what the unit should do next, from the catalog */
  action?: string;
  /** how far the unit is, in the reminder's words ("Đơn vị còn 13/284 học sinh chưa xác thực (4,58%)."); absent once met */
  progress?: string;
  /** the failing records, first ones only (`more` counts the rest) */
  failingRecords: FailingRecord[];
  more: number;
}

export interface ClassBreakdown {
  entity: 'students' | 'staff';
  className: string;
  total: number;
  unverified: number;
}

export interface SentEmailView {
  requirement: string;
  stage: string;
  recipient: string;
  day: string;
  subject: string;
  sentAt: number;
}

/** A change of one requirement's status: `from` is absent for the requirement's first status. */
export interface StatusChangeView {
  at: number;
  requirement: string;
  title: string;
  from?: Status;
  to: Status;
}

/** GET /api/units/{code} */
export interface UnitView {
  unit: { code: string; name: string; kind: UnitKind; levels: Level[]; parent: string | null; district: string | null };
  requirements: RequirementDetail[];
  byClass: ClassBreakdown[];
  emails: SentEmailView[];
  findings: Finding[];
  /** the latest status changes, newest first, at most HISTORY_SHOWN of `historyTotal` */
  history: StatusChangeView[];
  historyTotal: number;
}

/**
 * GET /api/exports/appendix.xlsx — the workbook `dondoc report identity --format xlsx` writes,
 * over the caller's units. GET /api/exports/appendix.csv?table=1|2|3|4 — one appendix as CSV
 * (UTF-8 with BOM; text that could start a formula is prefixed with `'`). Both answer bytes
 * (`isBase64Encoded`) with a Content-Disposition file name.
 */
export type AppendixTable = 1 | 2 | 3 | 4;

/**
 * GET /api/uploads/result?key=…[&since=…] — what became of an uploaded object. `key` is the one
 * POST /api/uploads answered; `since` (epoch ms, when the upload started) keeps an earlier
 * upload to the same key from passing for this one: until a later processing, it is pending.
 */
export type UploadResultView =
  | { state: 'pending'; key: string }
  | { state: 'applied'; key: string; rows: number }
  | { state: 'rejected'; key: string; report: ValidationReport };
