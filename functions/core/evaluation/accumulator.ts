import type { Requirement } from '../catalog/schema.ts';
import type { EntityKind, EntityRecord, ExplanationRecord, ReportRecord, StaffRecord, StudentRecord, UnitRecord } from '../snapshot/entities.ts';
import { isActive } from '../snapshot/entities.ts';
import { emptySummary, emptyTally } from './empty-summary.ts';
import { hash53 } from './hash53.ts';
import { NumberSet } from './number-set.ts';
import { recordCode, type DataRecord } from './record-fields.ts';
import { isRecordRule, recordJudge, type RecordJudge, type Repeats } from './record-rules.ts';
import type { IdentityTally, RequirementTally, UnitEntitySummary } from './types.ts';

interface Judged {
  id: string;
  judge: RecordJudge;
}

/** A summary with its tallies in the order of the entity's judged rules, so a record reaches each by position. */
interface Folded {
  summary: UnitEntitySummary;
  tallies: RequirementTally[];
  /** the entity's judged rules and repeat index, looked up once here rather than once a record */
  judged: readonly Judged[];
  repeatIndex: RepeatIndex | undefined;
}

interface RepeatIndex {
  nationalIds?: NumberSet;
  codes?: NumberSet;
}

const NO_REPEATS: Repeats = { nationalId: false, code: false };

/**
 * Folds one snapshot's records, one at a time, into a summary per unit × entity. Nothing
 * of a passing record is kept beyond counters; failing records leave only their code. The
 * duplicate rules remember identities and codes as numbers in flat hash sets.
 */
export class SnapshotAccumulator {
  private readonly judged = new Map<EntityKind, Judged[]>();
  private readonly repeatIndex = new Map<EntityKind, RepeatIndex>();
  private readonly byUnit = new Map<string, Map<EntityKind, Folded>>();
  private readonly units = new Map<string, UnitRecord>();
  /** the last unit × entity folded into: a file's rows come grouped by unit, so most records hit it */
  private last: { unit: string; entity: EntityKind; folded: Folded } | undefined;

  constructor(
    requirements: readonly Requirement[],
    private readonly meta: { asOf: number; source?: string },
  ) {
    for (const req of requirements) {
      const rule = req.rule;
      if (!isRecordRule(rule)) continue;
      const list = this.judged.get(rule.entity) ?? [];
      list.push({ id: req.id, judge: recordJudge(rule) });
      this.judged.set(rule.entity, list);
      if (rule.kind === 'duplicates') {
        const index = this.repeatIndex.get(rule.entity) ?? {};
        if (rule.keys.includes('national_id')) index.nationalIds ??= new NumberSet();
        if (rule.keys.includes('record_code')) index.codes ??= new NumberSet();
        this.repeatIndex.set(rule.entity, index);
      }
    }
  }

  add(rec: EntityRecord): void {
    if (rec.entity === 'units') {
      this.units.set(rec.record.unitCode, rec.record);
      return;
    }
    const folded = this.foldedFor(rec.record.unitCode, rec.entity);
    const summary = folded.summary;
    summary.rows += 1;
    switch (rec.entity) {
      case 'students':
      case 'staff':
        addPerson(summary, rec.entity, rec.record);
        break;
      case 'profiles':
        summary.profile = { ...rec.record };
        summary.maxUpdatedAt = latest(summary.maxUpdatedAt, rec.record.updatedAt);
        break;
      case 'reports':
        addReport(summary, rec.record);
        break;
      case 'explanations':
        addExplanation(summary, rec.record);
        break;
    }
    this.judge(folded, rec);
  }

  summaries(): UnitEntitySummary[] {
    return [...this.byUnit.values()].flatMap((perEntity) => [...perEntity.values()].map((folded) => folded.summary));
  }

  registry(): UnitRecord[] {
    return [...this.units.values()];
  }

  private foldedFor(unit: string, entity: EntityKind): Folded {
    const last = this.last;
    if (last !== undefined && last.unit === unit && last.entity === entity) return last.folded;
    const folded = this.foldedInMaps(unit, entity);
    this.last = { unit, entity, folded };
    return folded;
  }

  private foldedInMaps(unit: string, entity: EntityKind): Folded {
    let perEntity = this.byUnit.get(unit);
    if (!perEntity) {
      perEntity = new Map();
      this.byUnit.set(unit, perEntity);
    }
    let folded = perEntity.get(entity);
    if (!folded) {
      const summary = emptySummary(unit, entity, this.meta.asOf, this.meta.source);
      if (entity === 'students' || entity === 'staff') {
        summary.byLevel = {};
        summary.byClass = {};
        summary.unverifiedCodes = [];
      }
      // Every rule reading this entity gets a tally, so "nothing counted" differs from "never judged".
      const judged = this.judged.get(entity) ?? [];
      const tallies = judged.map(({ id }) => (summary.tallies[id] ??= emptyTally()));
      folded = { summary, tallies, judged, repeatIndex: this.repeatIndex.get(entity) };
      perEntity.set(entity, folded);
    }
    return folded;
  }

  private judge(folded: Folded, rec: DataRecord): void {
    const { judged, tallies } = folded;
    if (judged.length === 0) return;
    const repeats = repeatsOf(folded.repeatIndex, rec);
    const code = recordCode(rec);
    for (let i = 0; i < judged.length; i++) {
      const verdict = (judged[i] as Judged).judge(rec, repeats);
      if (!verdict) continue;
      const tally = tallies[i] as RequirementTally;
      tally.total += 1;
      if (verdict.fail) {
        tally.failing += 1;
        tally.failingCodes.push(code);
      } else if (verdict.warn) {
        tally.warning += 1;
        tally.warningCodes.push(code);
      }
      tally.lastAt = latest(tally.lastAt, verdict.at);
    }
  }

}

/** Looked up once per record, however many duplicate rules read it, so "seen before" stays true to the file. */
function repeatsOf(index: RepeatIndex | undefined, rec: DataRecord): Repeats {
  if (!index || (rec.entity !== 'students' && rec.entity !== 'staff')) return NO_REPEATS;
  const hash = rec.record.nationalIdHash;
  return {
    nationalId: index.nationalIds !== undefined && hash !== undefined && index.nationalIds.addSeen(hash),
    code: index.codes !== undefined && index.codes.addSeen(hash53(`${rec.record.unitCode}\u0000${recordCode(rec)}`)),
  };
}

function addPerson(summary: UnitEntitySummary, entity: 'students' | 'staff', rec: StudentRecord | StaffRecord): void {
  summary.maxUpdatedAt = latest(summary.maxUpdatedAt, rec.updatedAt);
  if (!isActive(entity, rec.status)) return;
  const unverified = rec.idVerification !== 'verified';
  const byLevel = (summary.byLevel ??= {});
  bump((byLevel[rec.level ?? '?'] ??= { total: 0, unverified: 0 }), unverified);
  const byClass = (summary.byClass ??= {});
  bump((byClass[rec.className ?? '?'] ??= { total: 0, unverified: 0 }), unverified);
  const codes = (summary.unverifiedCodes ??= []);
  if (unverified) codes.push('studentCode' in rec ? rec.studentCode : rec.staffCode);
}

function latest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.max(a, b);
}

function bump(tally: IdentityTally, unverified: boolean): void {
  tally.total += 1;
  if (unverified) tally.unverified += 1;
}

/** A period submitted twice keeps its latest submission; a row without a date never hides a dated one. */
function addReport(summary: UnitEntitySummary, rec: ReportRecord): void {
  summary.reports ??= {};
  const current = summary.reports[rec.period];
  if (current?.submittedAt !== undefined && (rec.submittedAt === undefined || rec.submittedAt < current.submittedAt)) return;
  summary.reports[rec.period] = {
    ...(rec.submittedAt === undefined ? {} : { submittedAt: rec.submittedAt }),
    ...(rec.approvedAt === undefined ? {} : { approvedAt: rec.approvedAt }),
  };
}

/** Several rows for one record add up: a cause on one row and a remedy on the next make one explanation. */
function addExplanation(summary: UnitEntitySummary, rec: ExplanationRecord): void {
  summary.explanations ??= {};
  const perEntity = (summary.explanations[rec.entity] ??= {});
  const current = perEntity[rec.recordCode];
  const expectedDate = nonEmpty(rec.expectedDate) ?? current?.expectedDate;
  perEntity[rec.recordCode] = {
    cause: (current?.cause ?? false) || nonEmpty(rec.cause) !== undefined,
    remedy: (current?.remedy ?? false) || nonEmpty(rec.remedy) !== undefined,
    ...(expectedDate === undefined ? {} : { expectedDate }),
  };
}

function nonEmpty(text: string | undefined): string | undefined {
  return text !== undefined && text.trim() !== '' ? text : undefined;
}
