import { describe, expect, it } from 'vitest';
import type { EntityRecord } from '../../../functions/core/snapshot/entities.ts';
import { bufferInput, openSnapshot } from '../../../functions/core/snapshot/open-snapshot.ts';

const text = `unit_code,student_code,id_verification,status\n${Array.from({ length: 5000 }, (_, i) => `T${i % 2},S${i % 4000},${i === 2500 ? 'bad' : 'verified'},studying`).join('\n')}\n`;

describe('batches()', () => {
  it('yields the records records() yields, in order, and fills the same report', async () => {
    const one = await openSnapshot(bufferInput('students.csv', text));
    const byRecord: EntityRecord[] = [];
    for await (const rec of one.records()) byRecord.push(rec);

    const other = await openSnapshot(bufferInput('students.csv', text));
    const byBatch: EntityRecord[] = [];
    for await (const batch of other.batches()) {
      expect(batch.length).toBeGreaterThan(0);
      byBatch.push(...batch);
    }
    // Record by record, so that a difference is shown: a diff of two arrays this long is cut before it.
    expect(byBatch).toHaveLength(byRecord.length);
    byRecord.forEach((rec, i) => expect(byBatch[i], `record ${i}`).toEqual(rec));
    // Every record has the blank record's fields, however V8 happened to have optimised its making by then.
    for (const rec of [...byRecord, ...byBatch]) expect(rec.record, JSON.stringify(rec.record)).toMatchObject({ hasFullName: false, hasNationalId: false });
    expect(other.report).toEqual(one.report);
    expect(other.report).toMatchObject({ rows: 5000, errors: 1, warnings: 1000 });
  });

  it('shares records()’s single reading', async () => {
    const opened = await openSnapshot(bufferInput('students.csv', text));
    for await (const _batch of opened.batches()) break;
    const again = async (): Promise<void> => {
      for await (const _rec of opened.records()) continue;
    };
    await expect(again()).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
