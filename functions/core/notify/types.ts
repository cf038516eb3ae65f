import type { Catalog } from '../catalog/schema.ts';
import type { Status, StatusCounts, UnitRequirementResult, UnitState } from '../evaluation/types.ts';
import type { NotificationKey } from '../ports/notification-log.ts';
import type { Level, UnitRecord } from '../snapshot/entities.ts';

export type MessageKind = 'reminder' | 'escalation' | 'digest';
/** `reminder-<days before the deadline's day>`: reminder-7, reminder-3, reminder-1, reminder-0 by default */
export type ReminderStage = `reminder-${number}`;
export type EscalationStage = 'escalation-1' | 'escalation-2';
/** `digest-<Monday, YYYY-MM-DD>`: one stage per week, so the log lets each week's digest out once */
export type DigestStage = `digest-${string}`;

/** The digest is about every requirement; this stands in the log key's requirement slot. */
export const ALL_REQUIREMENTS = '*';

export interface DispatchFacts {
  id: string;
  issuer: string;
  number: string;
  /** as printed: "30/01/2024", "09/2024" or "2023" */
  date: string;
  title: string;
}

export interface RequirementFacts {
  id: string;
  title: string;
  /** the dispatch section, e.g. "§2.3" */
  source: string;
  action?: string;
  entity: string;
  ruleKind: string;
}

export interface Figures {
  total: number;
  failing: number;
  /** failing / total × 100, two decimals */
  rate: number;
}

/** Where the unit stands, broken down by class (or level) — labels and counts, never people. */
export interface Breakdown {
  by: 'class' | 'level';
  rows: Array<{ label: string } & Figures>;
}

interface MessageBase {
  kind: MessageKind;
  stage: string;
  /** reminder: the unit reminded; escalation: the supervising unit told; digest: the department */
  unit: string;
  requirement: string;
  to: string[];
  cc: string[];
  subject: string;
  /** one per (unit, requirement, stage, recipient) this message delivers: what the sender claims in the log */
  keys: NotificationKey[];
  /** the Vietnam calendar day of the run */
  runDay: string;
}

export interface ReminderMessage extends MessageBase {
  kind: 'reminder';
  stage: ReminderStage;
  unitName: string;
  dispatch: DispatchFacts;
  requirementFacts: RequirementFacts;
  deadline: number;
  /** calendar days from the run to the last day the unit can act (0 on that day) */
  daysLeft: number;
  status: Status;
  figures: Figures;
  /** record codes of failing records, at most MAX_CODES */
  failingCodes: string[];
  /** failing records whose codes are not listed */
  moreFailing: number;
  breakdown?: Breakdown;
  /** set when the unit has no usable address and the message went to this unit (one level up) instead */
  redirectedTo?: string;
}

export interface OverdueRow extends Figures {
  unit: string;
  unitName: string;
  district?: string;
  deadline: number;
  daysOverdue: number;
}

export interface EscalationMessage extends MessageBase {
  kind: 'escalation';
  stage: EscalationStage;
  /** the unit whose head is told (district office, or the department) */
  supervisor: { code: string; name: string };
  dispatch: DispatchFacts;
  requirementFacts: RequirementFacts;
  /** the earliest deadline among the rows */
  deadline: number;
  overdue: OverdueRow[];
  /**
   * Set when `overdue` lists only the first units: a department-wide escalation merged from
   * the parts of a fanned-out run, where no step holds every row. The email shows the same.
   */
  unlisted?: { units: number; deadlinesShared: boolean };
  redirectedTo?: string;
}

export interface LevelRow extends Figures {
  level: Level;
  units: number;
  overdueUnits: number;
}

export interface DigestSection extends Figures {
  dispatch: DispatchFacts;
  requirementFacts: RequirementFacts;
  /** the earliest deadline any unit has for it */
  deadline?: number;
  units: number;
  byStatus: Partial<Record<Status, number>>;
  byLevel: LevelRow[];
  /** the same requirement in the daily run a week earlier, when it was stored */
  lastWeek?: { failing: number; rate: number; overdueUnits: number };
}

export interface BehindRow extends Figures {
  unit: string;
  unitName: string;
  district?: string;
  requirement: string;
  requirementTitle: string;
  status: Status;
}

export interface DigestMessage extends MessageBase {
  kind: 'digest';
  stage: DigestStage;
  departmentName: string;
  /** the Monday the digest is for */
  weekOf: string;
  /** requirements with at least one unit not done, in catalog order */
  sections: DigestSection[];
  /** the ten units furthest behind, each by its worst requirement */
  furthestBehind: BehindRow[];
}

export type NotifyMessage = ReminderMessage | EscalationMessage | DigestMessage;

/** A data-quality problem the run ran into; the message still went where it could. */
export type Finding =
  | { kind: 'missing_email'; unit: string; field: 'officer_email' | 'head_email' }
  | { kind: 'not_in_registry'; unit: string }
  | { kind: 'no_recipient'; unit: string; requirement: string; stage: string };

export interface PlanInput {
  catalog: Catalog;
  registry: ReadonlyMap<string, UnitRecord>;
  /** the evaluation at `asOf` */
  results: readonly UnitRequirementResult[];
  /** the department's unit code: the top of every escalation chain and the digest's recipient */
  department: string;
  asOf: number;
  /** the notification log: true when this (unit, requirement, stage, recipient) already went out */
  alreadySent: (key: NotificationKey) => boolean;
  /** per-unit state, for class / level breakdowns in reminders; reminders go without one when absent */
  states?: ReadonlyMap<string, UnitState>;
  /**
   * 'send' (default): the latest stage reached is sent even if its day has passed, because a
   * missed run must not lose a reminder; the log keeps it from going twice. 'assume_sent':
   * stages of earlier days are taken as handled by the runs of those days — for a dry run,
   * which has no log and would otherwise repeat every past stage.
   */
  missedStages?: 'send' | 'assume_sent';
  /** the province's counts per requirement from the run a week before, for the digest's trend */
  lastWeek?: ReadonlyMap<string, StatusCounts>;
}

export interface NotificationPlan {
  asOf: number;
  runDay: string;
  messages: NotifyMessage[];
  findings: Finding[];
}
