import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Level } from 'level';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { groupCommit, tuneLevelForDynalite } from '../../functions/local/services/level-tuning.ts';

interface Deferred {
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** A stand-in for classic-level's `_batch` whose batches finish when the test says. */
function heldBatches() {
  const batches: Array<{ ops: unknown[] } & Deferred> = [];
  const batch = vi.fn(
    (ops: unknown[]) =>
      new Promise<void>((resolve, reject) => {
        batches.push({ ops, resolve, reject });
      }),
  );
  return { batch, batches };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('groupCommit', () => {
  it('writes the first write at once, alone, and the writes that came meanwhile together, in order', async () => {
    const { batch, batches } = heldBatches();
    const commit = groupCommit(batch);
    const db = {};
    const done: string[] = [];
    void commit(db as never, { type: 'put', key: 'a', value: '1' }).then(() => done.push('a'));
    const later = [
      commit(db as never, { type: 'put', key: 'b', value: '2' }).then(() => done.push('b')),
      commit(db as never, { type: 'del', key: 'a' }).then(() => done.push('del a')),
    ];
    expect(batches.map((b) => b.ops)).toEqual([[{ type: 'put', key: 'a', value: '1' }]]);

    batches[0]?.resolve();
    await settled();
    expect(done).toEqual(['a']);
    expect(batches[1]?.ops).toEqual([
      { type: 'put', key: 'b', value: '2' },
      { type: 'del', key: 'a' },
    ]);
    batches[1]?.resolve();
    await Promise.all(later);
    expect(done).toEqual(['a', 'b', 'del a']);
    expect(batch).toHaveBeenCalledTimes(2);
  });

  it('fails every write of a failed batch, and goes on with the next', async () => {
    const { batch, batches } = heldBatches();
    const commit = groupCommit(batch);
    const db = {};
    const first = commit(db as never, { type: 'put', key: 'a', value: '1' });
    const second = commit(db as never, { type: 'put', key: 'b', value: '2' });
    const third = commit(db as never, { type: 'put', key: 'c', value: '3' });
    const failure = new Error('disk full');
    batches[0]?.resolve();
    await first;
    await settled();
    batches[1]?.reject(failure);
    await expect(second).rejects.toBe(failure);
    await expect(third).rejects.toBe(failure);

    const fourth = commit(db as never, { type: 'put', key: 'd', value: '4' });
    await settled();
    expect(batches[2]?.ops).toEqual([{ type: 'put', key: 'd', value: '4' }]);
    batches[2]?.resolve();
    await fourth;
  });

  it('keeps the writes of two databases apart', async () => {
    const { batch, batches } = heldBatches();
    const commit = groupCommit(batch);
    const one = {};
    const other = {};
    void commit(one as never, { type: 'put', key: 'a', value: '1' });
    void commit(other as never, { type: 'put', key: 'b', value: '2' });
    expect(batch.mock.contexts).toEqual([one, other]);
    expect(batches.map((b) => b.ops)).toEqual([[{ type: 'put', key: 'a', value: '1' }], [{ type: 'put', key: 'b', value: '2' }]]);
  });
});

describe('tuneLevelForDynalite, on a real LevelDB', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dondoc-level-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads in place and groups writes, storing and answering what LevelDB would', async () => {
    // Watched before tuning, as the tuning keeps the functions it finds.
    const proto = Level.prototype as unknown as { _batch: (...args: unknown[]) => Promise<void>; _getSync: (...args: unknown[]) => unknown };
    const batches = vi.spyOn(proto, '_batch');
    const readInPlace = vi.spyOn(proto, '_getSync');
    expect(tuneLevelForDynalite()).toBe(true);
    const db = new Level<string, unknown>(join(dir, 'db'), { valueEncoding: 'json' });
    await db.open();
    const items = Array.from({ length: 200 }, (_, i) => ({ key: `item~${String(i).padStart(3, '0')}`, value: { PK: { S: `UNIT#${i}` }, n: { N: String(i) } } }));
    try {
      await Promise.all(items.map((item) => db.put(item.key, item.value)));
      await Promise.all([db.del('item~000'), db.put('item~001', { replaced: true })]);

      expect(batches.mock.calls.length).toBeGreaterThan(0);
      expect(batches.mock.calls.length).toBeLessThan(items.length);
      expect(await db.get('item~000')).toBeUndefined();
      expect(await db.get('item~001')).toEqual({ replaced: true });
      expect(await db.get('item~123')).toEqual(items[123]?.value);
      expect(readInPlace).toHaveBeenCalledTimes(3);
      expect(await db.keys({ gte: 'item~', lt: 'item~\xff' }).all()).toHaveLength(199);
    } finally {
      await db.close();
    }
    const reopened = new Level<string, unknown>(join(dir, 'db'), { valueEncoding: 'json' });
    expect(await reopened.get('item~199')).toEqual(items[199]?.value);
    await reopened.close();
  });
});
