import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SnapshotAccumulator } from '../../../functions/core/evaluation/accumulator.ts';
import { RepeatedIds } from '../../../functions/core/evaluation/repeated-ids.ts';
import type { UnitEntitySummary } from '../../../functions/core/evaluation/types.ts';
import type { EntityRecord } from '../../../functions/core/snapshot/entities.ts';
import { withScratchTmp } from '../scratch-dir.ts';
import { requirement, staff, student, vn } from './builders.ts';

const AS_OF = vn('2023-06-23T11:30');

/** Which adds repeat an earlier one, told at once or at the end. */
function repeatsOf(ids: RepeatedIds, hashes: readonly number[]): boolean[] {
  const told = hashes.map((hash, i) => ids.add(hash, i, false, `C${i}`));
  const late = new Set(ids.resolve().map((r) => r.owner));
  return told.map((answer, i) => answer ?? late.has(i));
}

describe('RepeatedIds', () => {
  it('finds the same repeats in memory and spilled, whenever the spill begins', () => {
    const hash = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
    fc.assert(
      fc.property(fc.array(hash, { maxLength: 400 }), fc.integer({ min: 0, max: 20_000 }), (hashes, budgetBytes) => {
        const seen = new Set<number>();
        const expected = hashes.map((h) => seen.has(h) || !seen.add(h));
        const ids = new RepeatedIds({ keepCodes: true, budgetBytes });
        expect(repeatsOf(ids, hashes)).toEqual(expected);
        ids.release();
      }),
      { numRuns: 80 },
    );
  });

  it('gives late repeats back in the order they were added, with their owner, code and code flag', () => {
    const ids = new RepeatedIds({ keepCodes: true, budgetBytes: 0 });
    expect(ids.add(5, 0, false, 'A')).toBe(false);
    expect(ids.spilling).toBe(true);
    const long = 'Mã '.repeat(20_000);
    expect([ids.add(2 ** 40 + 5, 1, false, 'B'), ids.add(5, 2, true, 'Học sinh 1'), ids.add(2 ** 40 + 5, 3, false, long), ids.add(5, 4, false, 'D')]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(ids.resolve()).toEqual([
      { owner: 2, codeRepeats: true, code: 'Học sinh 1' },
      { owner: 3, codeRepeats: false, code: long },
      { owner: 4, codeRepeats: false, code: 'D' },
    ]);
    ids.release();
  });

  it('keeps no code when told not to, and removes its spill file when released', async () => {
    await withScratchTmp((spills) => {
      const ids = new RepeatedIds({ keepCodes: false, budgetBytes: 0 });
      ids.add(1, 0, false, 'A');
      ids.add(1, 1, false, 'B');
      expect(ids.resolve()).toEqual([{ owner: 1, codeRepeats: false, code: '' }]);
      expect(spills()).toHaveLength(1);
      ids.release();
      ids.release();
      expect(ids.resolve()).toEqual([]);
      expect(spills()).toEqual([]);
    });
  });
});

describe('SnapshotAccumulator: the duplicate rules when national IDs spill', () => {
  const byId = requirement('dup-id', { kind: 'duplicates', entity: 'students', keys: ['national_id'] });
  const both = requirement('dup-both', { kind: 'duplicates', entity: 'students', keys: ['national_id', 'record_code'] });
  const staffDup = requirement('dup-staff', { kind: 'duplicates', entity: 'staff', keys: ['national_id', 'record_code'] });

  function summaries(records: readonly EntityRecord[], idsBudgetBytes?: number): UnitEntitySummary[] {
    const acc = new SnapshotAccumulator([byId, both, staffDup], { asOf: AS_OF, ...(idsBudgetBytes === undefined ? {} : { idsBudgetBytes }) });
    for (const rec of records) acc.add(rec);
    return acc.summaries();
  }

  /** Codes of a failing list in a fixed order: a spilled index lists late repeats after those found as the file was read. */
  function comparable(list: UnitEntitySummary[]): unknown {
    return list.map((s) => ({
      ...s,
      tallies: Object.fromEntries(Object.entries(s.tallies).map(([id, t]) => [id, { ...t, failingCodes: [...t.failingCodes].sort() }])),
    }));
  }

  it('counts and lists the same failing records as in memory, whatever the budget', () => {
    const person = fc.record({
      staff: fc.boolean(),
      unit: fc.constantFrom('A', 'B', 'C'),
      code: fc.constantFrom('1', '2', '3', '4'),
      id: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
      repeatsCode: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(person, { maxLength: 120 }), fc.constantFrom(0, 9000), (people, budget) => {
        const records = people.map((p) => {
          const over = { ...(p.id === undefined ? { hasNationalId: false } : { nationalIdHash: p.id }), ...(p.repeatsCode ? { repeatsCode: true as const } : {}) };
          return p.staff ? staff(p.unit, `GV${p.code}`, over) : student(p.unit, `HS${p.code}`, over);
        });
        expect(comparable(summaries(records, budget))).toEqual(comparable(summaries(records)));
      }),
      { numRuns: 80 },
    );
  });

  it('fails a record once for a repeated ID and code, listing late ID repeats after the rest', () => {
    const [a] = summaries(
      [
        student('A', 'HS1', { nationalIdHash: 7 }),
        student('A', 'HS2', { nationalIdHash: 7 }),
        student('A', 'HS1', { nationalIdHash: 7, repeatsCode: true }),
        student('A', 'HS3', { nationalIdHash: 9, repeatsCode: true }),
      ],
      0,
    );
    expect(a?.tallies[both.id]).toMatchObject({ total: 4, failing: 3, failingCodes: ['HS1', 'HS3', 'HS2'] });
    expect(a?.tallies[byId.id]).toMatchObject({ total: 4, failing: 2, failingCodes: ['HS2', 'HS1'] });
  });
});
