import type { Requirement } from '../catalog/schema.ts';
import type { EntityKind, EntityRecord, ExplanationRecord, ReportRecord, StaffRecord, StudentRecord, UnitRecord } from '../snapshot/entities.ts';
import { CodeList } from './code-list.ts';
import { compileJudges, type JudgeAll } from './compiled-judges.ts';
import { latest } from './latest-instant.ts';
import { emptySummary, emptyTally } from './empty-summary.ts';
import { recordCode, type DataRecord } from './record-fields.ts';
import { RepeatedIds } from './repeated-ids.ts';
import { isCounted, isRecordRule, recordJudge, updatedAtOf, type RecordFacts, type RecordJudge } from './record-rules.ts';
import type { IdentityTally, RequirementTally, UnitEntitySummary } from './types.ts';

/** A rule judged once for every requirement that states it: dispatches repeat one another's rules. */
interface Judged {
  ids: string[];
  judge: RecordJudge;
}

/**
 * A summary with its tallies in the order of the entity's judged rules, so a record reaches
 * each by position. The summary's code arrays stay empty while records are folded: codes
 * gather packed in the lists beside them.
 */
interface Folded extends Packed {
  /** its position in the accumulator's list, by which a repeat found at the end finds it */
  owner: number;
  /** the entity's repeat index, looked up once here rather than once a record */
  repeatIndex: RepeatIndex | undefined;
  /** the entity's judged rules, compiled into one function; undefined when it has none */
  judgeAll: JudgeAll | undefined;
  /** students / staff: the summary's tallies by level and by class */
  levels: Breakdown | undefined;
  classes: Breakdown | undefined;
}

/**
 * One breakdown's tallies by key, the last one counted in kept at hand: a unit's rows come
 * grouped by level (by thousands in the benchmark's files) and, in exports listed class by
 * class, by class, and those records then need no lookup among the unit's keys.
 */
class Breakdown {
  private key: string | undefined;
  private tally: IdentityTally | undefined;
  /** the same tallies by key: a class name read afresh each row, as a key of `tallies`, was a megamorphic lookup through the string table */
  private readonly index = new Map<string, IdentityTally>();

  constructor(private readonly tallies: Record<string, IdentityTally>) {}

  of(key: string): IdentityTally {
    if (key === this.key && this.tally !== undefined) return this.tally;
    this.key = key;
    let tally = this.index.get(key);
    if (tally === undefined) {
      tally = this.tallies[key] ??= { total: 0, unverified: 0 };
      this.index.set(key, tally);
    }
    this.tally = tally;
    return tally;
  }
}

/** What unpacking needs, apart from the repeat index: a packed summary must not keep a file's hash sets alive. */
interface Packed {
  summary: UnitEntitySummary;
  tallies: RequirementTally[];
  failingCodes: CodeList[];
  warningCodes: CodeList[];
  /** students / staff only */
  unverifiedCodes: CodeList | undefined;
  /** the entity's judged rules, looked up once here rather than once a record */
  judged: readonly Judged[];
}

/** National IDs seen so far in the snapshot; a repeated code the reader marks on the record itself. */
interface RepeatIndex {
  nationalIds?: RepeatedIds;
  /** the positions of the entity's duplicate rules keyed by national ID, for repeats found once the file is read */
  byId: Array<{ position: number; byCode: boolean }>;
}

/** A summary whose record codes are still packed: `summary` lists none, `unpack()` gives it with them. */
export interface PackedSummary {
  summary: UnitEntitySummary;
  unpack(): UnitEntitySummary;
}

/**
 * Folds one snapshot's records, one at a time, into a summary per unit × entity. Nothing
 * of a passing record is kept beyond counters; failing records leave only their code,
 * packed. The duplicate rules remember identities and codes as numbers in flat hash sets,
 * within fixed budgets past which they spill to a scratch file (repeated-ids.ts, codes-by-unit.ts).
 */
export class SnapshotAccumulator {
  private readonly judged = new Map<EntityKind, Judged[]>();
  private readonly judgeAll = new Map<EntityKind, JudgeAll>();
  private readonly repeatIndex = new Map<EntityKind, RepeatIndex>();
  private readonly byUnit = new Map<string, Map<EntityKind, Folded>>();
  private readonly owners: Folded[] = [];
  private readonly units = new Map<string, UnitRecord>();
  /** the last unit × entity folded into: a file's rows come grouped by unit, so most records hit it */
  private last: { unit: string; entity: EntityKind; folded: Folded } | undefined;
  /** refilled for each record rather than allocated, as it is read only while the record is judged */
  private readonly facts: RecordFacts = { nationalIdRepeats: false, codeRepeats: false, counted: false, updatedAt: undefined };

  /**
   * `ruleCodes: false` counts the records each judged rule fails or warns about without
   * listing their codes, for a caller that prints counts only. Unverified codes are listed
   * whatever it says: the explanations rule reads them. `idsBudgetBytes`: the memory the
   * national IDs of the duplicate rules may take before they spill (repeated-ids.ts).
   */
  constructor(
    requirements: readonly Requirement[],
    private readonly meta: { asOf: number; source?: string; ruleCodes?: boolean; idsBudgetBytes?: number },
  ) {
    // A rule's judgement of a record depends on the rule alone, so equal rules share it, and their tally.
    const byRule = new Map<string, Judged>();
    for (const req of requirements) {
      const rule = req.rule;
      if (!isRecordRule(rule)) continue;
      const key = JSON.stringify(rule);
      const same = byRule.get(key);
      if (same !== undefined) {
        same.ids.push(req.id);
        continue;
      }
      const judged: Judged = { ids: [req.id], judge: recordJudge(rule) };
      byRule.set(key, judged);
      const list = this.judged.get(rule.entity) ?? [];
      list.push(judged);
      this.judged.set(rule.entity, list);
      if (rule.kind === 'duplicates') {
        const index = this.repeatIndex.get(rule.entity) ?? { byId: [] };
        if (rule.keys.includes('national_id')) {
          index.nationalIds ??= new RepeatedIds({ keepCodes: meta.ruleCodes !== false, ...(meta.idsBudgetBytes === undefined ? {} : { budgetBytes: meta.idsBudgetBytes }) });
          index.byId.push({ position: list.length - 1, byCode: rule.keys.includes('record_code') });
        }
        this.repeatIndex.set(rule.entity, index);
      }
    }
    // Once every rule of an entity is known: one compiled function for them all.
    for (const [entity, list] of this.judged) this.judgeAll.set(entity, compileJudges(list.map((j) => j.judge), { codes: meta.ruleCodes !== false }));
  }

  add(rec: EntityRecord): void {
    if (rec.entity === 'units') {
      this.units.set(rec.record.unitCode, rec.record);
      return;
    }
    const folded = this.foldedFor(rec.record.unitCode, rec.entity);
    const summary = folded.summary;
    summary.rows += 1;
    const counted = isCounted(rec);
    switch (rec.entity) {
      case 'students':
      case 'staff':
        addPerson(summary, folded, counted, rec.record);
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
    this.judge(folded, rec, counted);
  }

  /** Once the snapshot is read: the duplicate rules' memory is freed, so no record may be added after. */
  summaries(): UnitEntitySummary[] {
    return this.packedSummaries().map((packed) => packed.unpack());
  }

  /** The same, codes left packed, for a caller that reads one unit's codes at a time. */
  packedSummaries(): PackedSummary[] {
    this.countLateRepeats();
    this.release();
    return [...this.byUnit.values()].flatMap((perEntity) =>
      [...perEntity.values()].map(({ summary, tallies, failingCodes, warningCodes, unverifiedCodes, judged }) => {
        for (const list of [...failingCodes, ...warningCodes]) list.seal();
        unverifiedCodes?.seal();
        const packed: Packed = { summary, tallies, failingCodes, warningCodes, unverifiedCodes, judged };
        return { summary, unpack: () => unpacked(packed) };
      }),
    );
  }

  /** Frees what the duplicate rules remember (spill files included); for a file given up on before its summaries. */
  release(): void {
    for (const index of this.repeatIndex.values()) index.nationalIds?.release();
  }

  /**
   * Records a spilling ID index could only place once the file was read fail the
   * duplicate rules now, unless their repeated code already failed them. Their codes follow
   * the codes listed while the file was read.
   */
  private countLateRepeats(): void {
    const codes = this.meta.ruleCodes !== false;
    for (const index of this.repeatIndex.values()) {
      if (index.nationalIds === undefined) continue;
      for (const repeat of index.nationalIds.resolve()) {
        const folded = this.owners[repeat.owner] as Folded;
        for (const { position, byCode } of index.byId) {
          if (byCode && repeat.codeRepeats) continue;
          (folded.tallies[position] as RequirementTally).failing += 1;
          if (codes) (folded.failingCodes[position] as CodeList).push(repeat.code);
        }
      }
    }
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
      const people = entity === 'students' || entity === 'staff';
      const byLevel: Record<string, IdentityTally> = {};
      const byClass: Record<string, IdentityTally> = {};
      if (people) {
        summary.byLevel = byLevel;
        summary.byClass = byClass;
        summary.unverifiedCodes = [];
      }
      // Every rule reading this entity gets a tally, so "nothing counted" differs from "never judged".
      const judged = this.judged.get(entity) ?? [];
      const tallies = judged.map(({ ids }) => {
        const tally = emptyTally();
        for (const id of ids) summary.tallies[id] = tally;
        return tally;
      });
      folded = {
        owner: this.owners.length,
        summary,
        tallies,
        failingCodes: tallies.map(() => new CodeList()),
        warningCodes: tallies.map(() => new CodeList()),
        unverifiedCodes: people ? new CodeList() : undefined,
        judged,
        repeatIndex: this.repeatIndex.get(entity),
        judgeAll: this.judgeAll.get(entity),
        levels: people ? new Breakdown(byLevel) : undefined,
        classes: people ? new Breakdown(byClass) : undefined,
      };
      perEntity.set(entity, folded);
      this.owners.push(folded);
    }
    return folded;
  }

  private judge(folded: Folded, rec: DataRecord, counted: boolean): void {
    if (folded.judgeAll === undefined) return;
    const code = recordCode(rec);
    folded.judgeAll(folded, rec, this.factsOf(folded, rec, counted, code), code);
  }

  /** Worked out once per record, however many rules read it, so "seen before" stays true to the file. */
  private factsOf(folded: Folded, rec: DataRecord, counted: boolean, code: string): RecordFacts {
    const index = folded.repeatIndex;
    const facts = this.facts;
    facts.nationalIdRepeats = false;
    facts.codeRepeats = false;
    facts.counted = counted;
    facts.updatedAt = updatedAtOf(rec);
    if (!index || (rec.entity !== 'students' && rec.entity !== 'staff')) return facts;
    const hash = rec.record.nationalIdHash;
    facts.codeRepeats = rec.record.repeatsCode === true;
    // Undefined once the index spills: countLateRepeats counts the record if it repeats.
    if (index.nationalIds !== undefined && hash !== undefined) facts.nationalIdRepeats = index.nationalIds.add(hash, folded.owner, facts.codeRepeats, code) === true;
    return facts;
  }
}

/** The summary as stored and evaluated: a copy with every code list unpacked, the folded one left as it is. */
function unpacked(packed: Packed): UnitEntitySummary {
  const summary = packed.summary;
  const tallies = { ...summary.tallies };
  packed.judged.forEach(({ ids }, i) => {
    const tally = packed.tallies[i] as RequirementTally;
    // Each requirement gets lists of its own, so none shares what a caller may change.
    for (const id of ids) {
      // Assigned, not spread: spreading costs V8 several times more, once per tally of every unit.
      const full: RequirementTally = {
        total: tally.total,
        failing: tally.failing,
        warning: tally.warning,
        failingCodes: (packed.failingCodes[i] as CodeList).toArray(),
        warningCodes: (packed.warningCodes[i] as CodeList).toArray(),
      };
      if (tally.lastAt !== undefined) full.lastAt = tally.lastAt;
      tallies[id] = full;
    }
  });
  const unverified = packed.unverifiedCodes;
  return { ...summary, tallies, ...(unverified === undefined ? {} : { unverifiedCodes: unverified.toArray() }) };
}

/** `active`: isCounted of the record, worked out once for it and the rules alike. */
function addPerson(summary: UnitEntitySummary, folded: Folded, active: boolean, rec: StudentRecord | StaffRecord): void {
  summary.maxUpdatedAt = latest(summary.maxUpdatedAt, rec.updatedAt);
  if (!active) return;
  const unverified = rec.idVerification !== 'verified';
  bump((folded.levels as Breakdown).of(rec.level ?? '?'), unverified);
  bump((folded.classes as Breakdown).of(rec.className ?? '?'), unverified);
  if (unverified) (folded.unverifiedCodes as CodeList).push('studentCode' in rec ? rec.studentCode : rec.staffCode);
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
  const report: { submittedAt?: number; approvedAt?: number } = {};
  if (rec.submittedAt !== undefined) report.submittedAt = rec.submittedAt;
  if (rec.approvedAt !== undefined) report.approvedAt = rec.approvedAt;
  summary.reports[rec.period] = report;
}

/** Several rows for one record add up: a cause on one row and a remedy on the next make one explanation. */
function addExplanation(summary: UnitEntitySummary, rec: ExplanationRecord): void {
  summary.explanations ??= {};
  const perEntity = (summary.explanations[rec.entity] ??= {});
  const current = perEntity[rec.recordCode];
  const expectedDate = nonEmpty(rec.expectedDate) ?? current?.expectedDate;
  const parts: { cause: boolean; remedy: boolean; expectedDate?: string } = {
    cause: (current?.cause ?? false) || nonEmpty(rec.cause) !== undefined,
    remedy: (current?.remedy ?? false) || nonEmpty(rec.remedy) !== undefined,
  };
  if (expectedDate !== undefined) parts.expectedDate = expectedDate;
  perEntity[rec.recordCode] = parts;
}

function nonEmpty(text: string | undefined): string | undefined {
  return text !== undefined && text.trim() !== '' ? text : undefined;
}
