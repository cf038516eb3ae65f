import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyKey, objectKey, statusIndexes, unitIndexes } from '../../functions/adapters/dynamodb/keys.ts';
import { fnv1a32, registryShard } from '../../functions/adapters/dynamodb/registry-shard.ts';
import { REGISTRY_SHARDS } from '../../functions/core/ports/state-store.ts';

describe('registry shard', () => {
  it('is 32-bit FNV-1a over UTF-8, so any other implementation finds the same shard', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('is pinned for known unit codes: changing it would split the registry index', () => {
    expect(['79000701', '79000702', 'PGD-Q1', 'SGD-HCM', 'Trường-Ư'].map(registryShard)).toEqual([11, 14, 13, 8, 5]);
  });

  it('always lands in 0…REGISTRY_SHARDS-1', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (code) => {
        const shard = registryShard(code);
        return Number.isInteger(shard) && shard >= 0 && shard < REGISTRY_SHARDS;
      }),
    );
  });

  it('spreads a province’s unit codes over every shard', () => {
    const counts = new Array<number>(REGISTRY_SHARDS).fill(0);
    for (let i = 0; i < 1_600; i++) counts[registryShard(`79${String(i).padStart(6, '0')}`)]! += 1;
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(Math.max(...counts)).toBeLessThan(150);
  });
});

describe('keys and index attributes', () => {
  it('lists a unit without a parent (the department) at the top level of GSI1, and every unit in a registry shard', () => {
    expect(unitIndexes('SGD', undefined)).toEqual({ GSI1PK: 'TOPLEVEL', GSI1SK: 'UNIT#SGD', GSI2PK: `REGISTRY#${registryShard('SGD')}`, GSI2SK: 'UNIT#SGD' });
    expect(unitIndexes('S1', 'P1')).toMatchObject({ GSI1PK: 'PARENT#P1', GSI1SK: 'UNIT#S1' });
  });

  it('indexes statuses by requirement × status only', () => {
    expect(statusIndexes('S1', 'R1', 'overdue')).toEqual({ GSI2PK: 'REQ#R1#overdue', GSI2SK: 'UNIT#S1' });
  });

  it('orders history by instant and keeps the S3 version last', () => {
    expect(historyKey('S1', 'R1', Date.UTC(2025, 9, 1))).toEqual({ PK: 'UNIT#S1', SK: 'HIST#R1#2025-10-01T00:00:00.000Z' });
    expect(objectKey('incoming/a#b.csv', 'v1')).toEqual({ PK: 'OBJECT#incoming/a#b.csv#v1', SK: 'META' });
  });
});
