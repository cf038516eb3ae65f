import type { Catalog } from '../catalog/schema.ts';
import type { UnitState } from '../evaluation/types.ts';
import { indexCatalog } from '../notify/catalog-index.ts';
import { progressSentence } from '../notify/templates/rule-wording.ts';
import type { Finding } from '../notify/types.ts';
import type { NotificationRecord } from '../ports/notification-log.ts';
import type { StatusChange, StoredStatus } from '../ports/state-store.ts';
import type { UnitRecord } from '../snapshot/entities.ts';
import { sentEmails } from './sent-emails.ts';
import type { ClassBreakdown, FailingRecord, RequirementDetail, StatusChangeView, UnitView } from './views.ts';

/** A page lists this many failing records per requirement; the rest are counted. */
export const FAILING_RECORDS_SHOWN = 200;
/** A page lists this many of the unit's latest status changes; the rest are counted. */
export const HISTORY_SHOWN = 100;

export interface UnitViewInput {
  unit: UnitRecord;
  statuses: readonly StoredStatus[];
  /** the unit's summaries: explanations and class breakdowns come from them */
  state: UnitState;
  claims: readonly NotificationRecord[];
  findings: readonly Finding[];
  /** the unit's status changes, in any order */
  history: readonly StatusChange[];
  catalog: Catalog;
}

type Explained = NonNullable<NonNullable<UnitState['explanations']>['explanations']>;

/**
 * What one unit is missing, by when and what to do, in catalog order. The unit's contact
 * addresses stay out: the page needs none of them.
 */
/* Statuses with nothing left to do: the page says so itself rather than count what is missing. */
const MET = new Set(['compliant', 'compliant_late', 'not_applicable']);

export function buildUnitView(input: UnitViewInput): UnitView {
  const { unit } = input;
  const catalog = indexCatalog(input.catalog);
  const explained = input.state.explanations?.explanations ?? {};
  const order = (requirement: string) => catalog.get(requirement)?.order ?? Number.MAX_SAFE_INTEGER;
  /* A requirement withdrawn from the catalog is no longer chased: its last status stays in the table, not on the page (its past stays in the history). */
  const requirements = input.statuses
    .flatMap((status) => {
      const entry = catalog.get(status.requirement);
      return entry === undefined ? [] : [{ status, requirement: entry.requirement, order: entry.order }];
    })
    .sort((a, b) => a.order - b.order)
    .map(({ status, requirement }): RequirementDetail => {
      const shown = status.failingCodes.slice(0, FAILING_RECORDS_SHOWN);
      return {
        requirement: status.requirement,
        title: requirement.title,
        dispatch: status.dispatch,
        status: status.status,
        ...(status.deadline === undefined ? {} : { deadline: status.deadline }),
        total: status.total,
        failing: status.failing,
        rate: status.rate,
        ...(requirement.action === undefined ? {} : { action: requirement.action }),
        ...(MET.has(status.status) ? {} : { progress: progressSentence(requirement.rule.kind, requirement.entity, status) }),
        failingRecords: shown.map((code) => failingRecord(code, requirement.entity, explained)),
        /* the stored list is itself capped; `failing` is the true count */
        more: Math.max(0, status.failing - shown.length),
      };
    });
  return {
    unit: {
      code: unit.unitCode,
      name: unit.unitName,
      kind: unit.unitKind,
      levels: unit.levels,
      parent: unit.parentCode ?? null,
      district: unit.district ?? null,
    },
    requirements,
    byClass: [...classRows(input.state, 'students'), ...classRows(input.state, 'staff')],
    emails: sentEmails(input.claims),
    findings: [...input.findings],
    history: [...input.history]
      .sort((a, b) => b.at - a.at || order(a.requirement) - order(b.requirement))
      .slice(0, HISTORY_SHOWN)
      .map((change): StatusChangeView => ({
        at: change.at,
        requirement: change.requirement,
        title: catalog.get(change.requirement)?.requirement.title ?? change.requirement,
        ...(change.from === undefined ? {} : { from: change.from }),
        to: change.to,
      })),
    historyTotal: input.history.length,
  };
}

function failingRecord(code: string, entity: string | undefined, explained: Explained): FailingRecord {
  const parts = entity === 'students' || entity === 'staff' ? explained[entity]?.[code] : undefined;
  if (parts === undefined) return { code };
  return { code, explanation: { cause: parts.cause, remedy: parts.remedy, ...(parts.expectedDate === undefined ? {} : { expectedDate: parts.expectedDate }) } };
}

function classRows(state: UnitState, entity: 'students' | 'staff'): ClassBreakdown[] {
  return Object.entries(state[entity]?.byClass ?? {})
    .map(([className, tally]) => ({ entity, className, total: tally.total, unverified: tally.unverified }))
    .sort((a, b) => a.className.localeCompare(b.className, 'vi', { numeric: true }));
}
