import { gunzipSync, gzipSync } from 'node:zlib';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { fromSummaryItem, toSummaryItem } from '../../functions/adapters/dynamodb/summary-item.ts';
import { studentsSummary } from './samples.ts';

const codes = (n: number) => Array.from({ length: n }, (_, i) => `HS${String(i * 7919).padStart(8, '0')}`);

describe('summary items', () => {
  it('keep the attributes requests name beside one gzip’d body holding the whole summary', () => {
    const summary = studentsSummary('S1', 1_000_000, codes(3));
    const item = toSummaryItem(summary);
    expect(Object.keys(item).sort()).toEqual(['PK', 'SK', 'asOf', 'body', 'byLevel', 'entity', 'unit']);
    expect(item).toMatchObject({ PK: 'UNIT#S1', SK: 'SUMMARY#students', unit: 'S1', entity: 'students', asOf: 1_000_000, byLevel: summary.byLevel });
    expect(JSON.parse(gunzipSync(item.body as Uint8Array).toString('utf8'))).toEqual(summary);
    expect(fromSummaryItem(item)).toEqual(summary);
  });

  it('store a summary with code lists in a fraction of the bytes its attributes would take', () => {
    const summary = studentsSummary('S1', 0, codes(2_000));
    const { body, ...named } = toSummaryItem(summary);
    const compressed = (body as Uint8Array).byteLength + JSON.stringify(marshall(named)).length;
    const asAttributes = JSON.stringify(marshall(summary)).length;
    expect(compressed * 3).toBeLessThan(asAttributes);
  });

  it('read a summary stored as plain attributes, as a data folder from an earlier version holds it', () => {
    const summary = studentsSummary('S1', 5);
    expect(fromSummaryItem({ PK: 'UNIT#S1', SK: 'SUMMARY#students', ...summary })).toEqual(summary);
  });

  it('refuse a body that is not gzip’d JSON, or gzip’d JSON that is not a summary, as CORRUPT_ITEM', () => {
    const item = toSummaryItem(studentsSummary('S1', 5));
    for (const body of [Buffer.from('not gzip'), gzipSync('{"unit":'), gzipSync(JSON.stringify({ unit: 'S1', entity: 'teachers' }))]) {
      expect(() => fromSummaryItem({ ...item, body })).toThrow(expect.objectContaining({ name: 'AdapterError', code: 'CORRUPT_ITEM' }));
    }
  });

  it('decode a body once: a second read of the same bytes gives the same frozen summary, other bytes of the same as-of their own', () => {
    const item = toSummaryItem(studentsSummary('S1', 7, codes(5)));
    const first = fromSummaryItem(item);
    expect(fromSummaryItem({ ...item, body: Buffer.from(item.body as Uint8Array) })).toBe(first);
    expect(Object.isFrozen(first.byLevel)).toBe(true);
    expect(() => (first.asOf = 8)).toThrow(TypeError);

    const corrected = studentsSummary('S1', 7, codes(4));
    expect(fromSummaryItem(toSummaryItem(corrected))).toEqual(corrected);
    expect(fromSummaryItem(item)).toBe(first);
  });
});
