import type { Rule, RuleKind } from '../catalog/schema.ts';
import { isActive } from '../snapshot/entities.ts';
import { DAY_MS, vnStartOfDay } from '../time.ts';
import { foldText } from '../catalog/fold-text.ts';
import { foldCase } from './fold-case.ts';
import { allPresent, fieldReader, isPresent, type DataRecord } from './record-fields.ts';

/** Rules judged record by record while a snapshot streams past; the others read whole summaries. */
export const RECORD_RULE_KINDS = [
  'identity_verification',
  'required_fields',
  'update_window',
  'self_review',
  'school_year_rollover',
  'duplicates',
  'reference_set',
] as const satisfies readonly RuleKind[];
export type RecordRule = Extract<Rule, { kind: (typeof RECORD_RULE_KINDS)[number] }>;

export function isRecordRule(rule: Rule): rule is RecordRule {
  return (RECORD_RULE_KINDS as readonly string[]).includes(rule.kind);
}

/** One record's standing under one rule; `at` is the instant that bears on when the unit became compliant (NaN or undefined: none). */
export interface Verdict {
  fail: boolean;
  warn: boolean;
  at?: number;
}

/** What every rule may ask of a record, worked out once a record rather than once a rule. */
export interface RecordFacts {
  /** an earlier record of the snapshot had the same national ID */
  nationalIdRepeats: boolean;
  /** an earlier record of the same unit had the same code */
  codeRepeats: boolean;
  /** the rules count the record: students and staff only while active, anything else always */
  counted: boolean;
  updatedAt: number | undefined;
}

/**
 * Returns undefined when the rule does not count the record at all. The verdict is valid
 * until the judge's next call: each judge refills one object rather than allocating one per
 * record, as it runs for every record of a province's files.
 */
export type RecordJudge = (rec: DataRecord, facts: RecordFacts) => Verdict | undefined;

type VerdictOf = (fail: boolean, warn: boolean, at: number | undefined) => Verdict;

/**
 * No instant is NaN in the slot, never undefined: a field that only ever holds numbers keeps
 * its number in place, where storing each record's instant (a new heap number) into the
 * long-lived slot was a write barrier's slow path for every rule and record.
 */
function verdictSlot(): VerdictOf {
  const verdict: Verdict = { fail: false, warn: false, at: Number.NaN };
  return (fail, warn, at) => {
    verdict.fail = fail;
    verdict.warn = warn;
    verdict.at = at ?? Number.NaN;
    return verdict;
  };
}

/** Students and staff count only while active; a school profile always counts. */
export function isCounted(rec: DataRecord): boolean {
  if (rec.entity === 'students' || rec.entity === 'staff') return isActive(rec.entity, rec.record.status);
  return true;
}

export function updatedAtOf(rec: DataRecord): number | undefined {
  return 'updatedAt' in rec.record ? rec.record.updatedAt : undefined;
}

export function recordJudge(rule: RecordRule): RecordJudge {
  const verdict = verdictSlot();
  switch (rule.kind) {
    case 'identity_verification':
      return (rec, facts) => {
        if ((rec.entity !== 'students' && rec.entity !== 'staff') || !facts.counted) return undefined;
        return verdict(rec.record.idVerification !== 'verified', false, facts.updatedAt);
      };
    case 'required_fields': {
      const complete = allPresent(rule.fields);
      return (rec, facts) => {
        if (!facts.counted) return undefined;
        return verdict(!complete(rec.record), false, facts.updatedAt);
      };
    }
    case 'update_window':
      return updateWindowJudge(rule, verdict);
    case 'self_review': {
      const since = rule.since === undefined ? undefined : vnStartOfDay(rule.since);
      return (rec, facts) => {
        if (rec.entity !== 'staff' || !facts.counted) return undefined;
        const reviewed = rec.record.reviewedAt;
        const fail = reviewed === undefined || (since !== undefined && reviewed < since);
        return verdict(fail, false, reviewed);
      };
    }
    case 'school_year_rollover': {
      const read = fieldReader('school_year');
      return (rec, facts) => {
        if (!facts.counted) return undefined;
        return verdict(read(rec.record) !== rule.school_year, false, facts.updatedAt);
      };
    }
    case 'duplicates': {
      const byId = rule.keys.includes('national_id');
      const byCode = rule.keys.includes('record_code');
      return (_rec, facts) => verdict((byId && facts.nationalIdRepeats) || (byCode && facts.codeRepeats), false, facts.updatedAt);
    }
    case 'reference_set':
      return referenceSetJudge(rule, verdict);
  }
}

function updateWindowJudge(rule: Extract<Rule, { kind: 'update_window' }>, verdict: VerdictOf): RecordJudge {
  const readEffective = fieldReader(rule.effective_field);
  const okMs = rule.ok_days * DAY_MS;
  const warnMs = rule.warn_days * DAY_MS;
  // A snapshot has few distinct effective days and many rows: parse each day once.
  const dayStarts = new Map<string, number>();
  const dayStart = (day: string): number => {
    let at = dayStarts.get(day);
    if (at === undefined) {
      at = vnStartOfDay(day);
      dayStarts.set(day, at);
    }
    return at;
  };
  return (rec, facts) => {
    const effective = readEffective(rec.record);
    const updated = facts.updatedAt;
    if (typeof effective !== 'string' || effective === '' || updated === undefined) return undefined;
    if (rule.since !== undefined && effective < rule.since) return undefined;
    const lag = updated - dayStart(effective);
    return verdict(lag > warnMs, lag > okMs && lag <= warnMs, updated);
  };
}

function referenceSetJudge(rule: Extract<Rule, { kind: 'reference_set' }>, verdict: VerdictOf): RecordJudge {
  const readWhen = fieldReader(rule.when.field);
  const needles = rule.when.contains.map(foldText);
  const readEffective = fieldReader('change_effective_date');
  const expectations = rule.expect.map((e) => ({ read: fieldReader(e.field), allowed: new Set(e.one_of.map(foldCase)) }));
  return (rec, facts) => {
    const when = readWhen(rec.record);
    if (typeof when !== 'string') return undefined;
    const folded = foldText(when);
    if (!needles.some((n) => folded.includes(n))) return undefined;
    // A record with no change date is judged: nothing shows it predates the rule.
    const effective = readEffective(rec.record);
    if (rule.effective_from !== undefined && typeof effective === 'string' && effective !== '' && effective < rule.effective_from) {
      return undefined;
    }
    const fail = expectations.some(({ read, allowed }) => {
      const value = read(rec.record);
      return !isPresent(value) || !allowed.has(foldCase(String(value)));
    });
    return verdict(fail, false, facts.updatedAt);
  };
}
