import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimatedBytes, FIRST_CODES_CAP, fitSummary, SUMMARY_BUDGET_BYTES } from '../../functions/adapters/dynamodb/fit-summary.ts';
import { toSummaryItem } from '../../functions/adapters/dynamodb/summary-item.ts';
import type { UnitEntitySummary } from '../../functions/core/evaluation/types.ts';
import { studentsSummary } from './samples.ts';

const codes = (n: number, prefix = 'HS') => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(10, '0')}`);

describe('fitSummary', () => {
  it('leaves a summary under budget as it is', () => {
    const summary = studentsSummary('S1', 0);
    expect(fitSummary(summary)).toEqual({ summary });
  });

  it('cuts every code list to the same first N codes, keeps the counts, and lands under budget', () => {
    const big = studentsSummary('S1', 0, codes(30_000));
    big.tallies['OTHER'] = { total: 30_000, failing: 30_000, warning: 30_000, failingCodes: codes(30_000, 'X'), warningCodes: codes(30_000, 'W'), lastAt: 5 };
    const { summary, codesCap } = fitSummary(big);
    expect(codesCap).toBeDefined();
    expect(codesCap).toBeLessThanOrEqual(FIRST_CODES_CAP);
    expect(estimatedBytes(summary)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
    expect(summary.tallies['OTHER']).toMatchObject({ failing: 30_000, warning: 30_000, failingCodes: codes(codesCap!, 'X'), lastAt: 5 });
    expect(summary.unverifiedCodes).toEqual(codes(codesCap!));
    expect(summary.byLevel).toEqual(big.byLevel);
    expect(big.tallies['OTHER']?.failingCodes).toHaveLength(30_000);
  });

  it('marks the stored item with the cap it was cut to', () => {
    const item = toSummaryItem(studentsSummary('S1', 0, codes(40_000)));
    expect(item.codesCap).toBe(FIRST_CODES_CAP);
    expect((item.body as Uint8Array).byteLength).toBeLessThan(400_000);
  });

  it('cuts explanations maps too', () => {
    const explanations = Object.fromEntries(codes(20).map((code) => [code, { cause: true, remedy: false }]));
    const summary: UnitEntitySummary = { unit: 'S1', entity: 'explanations', asOf: 0, rows: 20, tallies: {}, explanations: { students: explanations } };
    const fitted = fitSummary(summary, estimatedBytes(summary) - 1);
    expect(Object.keys(fitted.summary.explanations?.students ?? {})).toEqual(codes(20).slice(0, fitted.codesCap));
  });

  it('fails with ITEM_TOO_LARGE when even no codes at all do not fit', () => {
    const byClass = Object.fromEntries(codes(20).map((name) => [name, { total: 1, unverified: 0 }]));
    const summary: UnitEntitySummary = { ...studentsSummary('S1', 0), byClass };
    expect(() => fitSummary(summary, 200)).toThrow(expect.objectContaining({ code: 'ITEM_TOO_LARGE', retryable: false }));
  });

  it('always yields prefixes of the original lists, true counts, and a size within budget', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 300 }), fc.integer({ min: 1_500, max: 20_000 }), (list, budget) => {
        const summary = studentsSummary('S1', 0, list);
        const fitted = fitSummary(summary, budget);
        const tally = fitted.summary.tallies['CV-1234-ID'];
        expect(estimatedBytes(fitted.summary)).toBeLessThanOrEqual(budget);
        expect(tally?.failing).toBe(list.length);
        expect(tally?.failingCodes).toEqual(list.slice(0, tally?.failingCodes.length));
        expect(fitted.codesCap === undefined).toBe(fitted.summary === summary);
      }),
    );
  });
});
