import type { CodeList } from './code-list.ts';
import { latest } from './latest-instant.ts';
import type { DataRecord } from './record-fields.ts';
import type { RecordFacts, RecordJudge } from './record-rules.ts';
import type { RequirementTally } from './types.ts';

/** Where one record's verdicts land: a tally and two code lists per judged rule, by position. */
export interface JudgedTallies {
  tallies: RequirementTally[];
  failingCodes: CodeList[];
  warningCodes: CodeList[];
}

/** Judges a record by every rule of its entity and counts it where each rule says. */
export type JudgeAll = (into: JudgedTallies, rec: DataRecord, facts: RecordFacts, code: string) => void;

/** The statements counting rule `i`'s verdict of the record, and listing its code when `codes`. */
function ruleStatements(i: number, codes: boolean): string {
  return `verdict = judge${i}(rec, facts);
  if (verdict !== undefined) {
    const tally = into.tallies[${i}];
    tally.total += 1;
    if (verdict.fail) {
      tally.failing += 1;
      ${codes ? `into.failingCodes[${i}].push(code);` : ''}
    } else if (verdict.warn) {
      tally.warning += 1;
      ${codes ? `into.warningCodes[${i}].push(code);` : ''}
    }
    const at = verdict.at;
    if (!Number.isNaN(at)) tally.lastAt = latest(tally.lastAt, at);
  }`;
}

/**
 * One entity's rules as one function, each judge called from a place of its own: a loop
 * over the rules calls every kind of judge from one site, which V8 can only call
 * indirectly, where here each judge is inlined into the statements that count its verdict.
 * The code is made from rule positions only. Without `codes` the records are counted and
 * their codes listed nowhere, for a caller that prints counts only.
 */
export function compileJudges(judges: readonly RecordJudge[], opts: { codes: boolean } = { codes: true }): JudgeAll {
  const names = judges.map((_, i) => `judge${i}`);
  const body = ['let verdict;', ...judges.map((_, i) => ruleStatements(i, opts.codes))].join('\n');
  const make = new Function('latest', ...names, `return (into, rec, facts, code) => {\n${body}\n};`);
  return make(latest, ...judges) as JudgeAll;
}
