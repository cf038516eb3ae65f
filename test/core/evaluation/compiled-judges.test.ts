import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodeList } from '../../../functions/core/evaluation/code-list.ts';
import { compileJudges, type JudgedTallies } from '../../../functions/core/evaluation/compiled-judges.ts';
import { emptyTally } from '../../../functions/core/evaluation/empty-summary.ts';
import type { DataRecord } from '../../../functions/core/evaluation/record-fields.ts';
import type { RecordFacts, RecordJudge, Verdict } from '../../../functions/core/evaluation/record-rules.ts';

const facts: RecordFacts = { nationalIdRepeats: false, codeRepeats: false, counted: true, updatedAt: undefined };
const record = { entity: 'students', record: {} } as unknown as DataRecord;

function tallies(rules: number): JudgedTallies {
  return {
    tallies: Array.from({ length: rules }, emptyTally),
    failingCodes: Array.from({ length: rules }, () => new CodeList()),
    warningCodes: Array.from({ length: rules }, () => new CodeList()),
  };
}

// A rule's verdict without an instant says so with undefined or, as the rules' own verdict slots do, NaN.
const verdict = fc.option(
  fc.record({ fail: fc.boolean(), warn: fc.boolean(), at: fc.option(fc.oneof(fc.integer({ min: 0, max: 2e12 }), fc.constant(Number.NaN)), { nil: undefined }) }),
  { nil: undefined },
);

describe('compileJudges', () => {
  it('counts every rule’s verdicts of every record as a loop over the rules would', () => {
    // verdicts[record][rule]: what each rule says of each record (undefined: the rule does not count it).
    const input = fc.integer({ min: 0, max: 6 }).chain((rules) => fc.tuple(fc.constant(rules), fc.array(fc.array(verdict, { minLength: rules, maxLength: rules }), { maxLength: 20 })));
    fc.assert(
      fc.property(input, ([rules, verdicts]) => {
        let current = 0;
        const judges: RecordJudge[] = Array.from({ length: rules }, (_, i) => () => verdicts[current]?.[i] as Verdict | undefined);
        const compiled = tallies(rules);
        const judgeAll = compileJudges(judges);
        const expected = tallies(rules);
        verdicts.forEach((said, n) => {
          current = n;
          judgeAll(compiled, record, facts, `HS${n}`);
          said.forEach((v, i) => {
            if (v === undefined) return;
            const tally = expected.tallies[i]!;
            tally.total += 1;
            if (v.fail) {
              tally.failing += 1;
              expected.failingCodes[i]!.push(`HS${n}`);
            } else if (v.warn) {
              tally.warning += 1;
              expected.warningCodes[i]!.push(`HS${n}`);
            }
            if (v.at !== undefined && !Number.isNaN(v.at) && (tally.lastAt === undefined || v.at > tally.lastAt)) tally.lastAt = v.at;
          });
        });
        // toEqual: a tally whose rules gave no instant may hold lastAt: undefined, which stores and outputs drop.
        expect(compiled.tallies).toEqual(expected.tallies);
        expect(compiled.failingCodes.map((l) => l.toArray())).toEqual(expected.failingCodes.map((l) => l.toArray()));
        expect(compiled.warningCodes.map((l) => l.toArray())).toEqual(expected.warningCodes.map((l) => l.toArray()));

        // Counting only: the same tallies, no code listed anywhere.
        const counted = tallies(rules);
        const countAll = compileJudges(judges, { codes: false });
        verdicts.forEach((_, n) => {
          current = n;
          countAll(counted, record, facts, `HS${n}`);
        });
        expect(counted.tallies).toEqual(expected.tallies);
        expect([...counted.failingCodes, ...counted.warningCodes].every((l) => l.length === 0)).toBe(true);
      }),
    );
  });
});
