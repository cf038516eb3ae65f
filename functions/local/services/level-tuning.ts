import { Level } from 'level';

interface LevelWrite {
  type: 'put' | 'del';
  key: unknown;
  value?: unknown;
}

interface WriteOptions {
  sync?: boolean;
}

interface TunedLevel {
  _get(key: unknown, options: unknown): Promise<unknown>;
  _getSync?(key: unknown, options: unknown): unknown;
  _put(key: unknown, value: unknown, options: WriteOptions): Promise<void>;
  _del(key: unknown, options: WriteOptions): Promise<void>;
  _batch(operations: LevelWrite[], options: WriteOptions): Promise<void>;
}

interface Waiting {
  write: LevelWrite;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** The writes of one database that wait for the batch in flight to finish. */
interface WriteQueue {
  waiting: Waiting[];
  writing: boolean;
}

const applied = Symbol.for('dondoc.levelTuned');

/**
 * Writes go to LevelDB one batch at a time: the first write of a quiet moment at once, alone,
 * and every write that arrives while a batch is in flight in the next one, in the order they
 * came. Each write's promise settles when its batch is written, as its own write would have;
 * LevelDB applies a batch whole and in order, so what is stored, and when a caller may go on,
 * is what separate writes give. A failed batch fails each of its writes.
 */
export function groupCommit(batch: TunedLevel['_batch']) {
  const queues = new WeakMap<object, WriteQueue>();
  const flush = (db: TunedLevel, queue: WriteQueue): void => {
    const taken = queue.waiting;
    queue.waiting = [];
    queue.writing = true;
    batch.call(
      db,
      taken.map((w) => w.write),
      {},
    ).then(
      () => {
        for (const w of taken) w.resolve();
      },
      (err: unknown) => {
        for (const w of taken) w.reject(err);
      },
    ).finally(() => {
      queue.writing = false;
      if (queue.waiting.length > 0) flush(db, queue);
    });
  };
  return (db: TunedLevel, write: LevelWrite): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      let queue = queues.get(db);
      if (queue === undefined) {
        queue = { waiting: [], writing: false };
        queues.set(db, queue);
      }
      queue.waiting.push({ write, resolve, reject });
      if (!queue.writing) flush(db, queue);
    });
}

/**
 * Tunes how classic-level's reads and writes reach LevelDB, for the dynalite process only;
 * what is read and written stays LevelDB's own. Every asynchronous call crosses to libuv's
 * thread pool and back, and on this 2-core machine, with both cores busy through a first
 * start, each crossing cost about 60 µs of CPU (65 µs a put, 55–65 µs a get, against 4–5 µs
 * for the same get in place; 60,000 operations on 600-byte JSON items), while dynalite makes
 * about 100,000 writes and more reads than that through a full-scale first start. So reads
 * run in place (classic-level's own `_getSync`: same read options and snapshot), which blocks
 * the event loop only as long as a LevelDB read, fine for a server whose requests all wait
 * on the one store; and writes not asking for `sync` are grouped (groupCommit above).
 * Returns false, changing nothing, when classic-level lacks what this relies on.
 */
export function tuneLevelForDynalite(): boolean {
  const proto = Level.prototype as unknown as TunedLevel & { [applied]?: true };
  if (proto[applied]) return true;
  const { _getSync: readSync, _put: put, _del: del, _batch: batch } = proto;
  if (typeof readSync !== 'function' || typeof batch !== 'function') return false;
  const commit = groupCommit(batch);
  proto._get = async function readInPlace(this: TunedLevel, key, options) {
    return readSync.call(this, key, options);
  };
  proto._put = function putInGroup(this: TunedLevel, key, value, options) {
    return options.sync === true ? put.call(this, key, value, options) : commit(this, { type: 'put', key, value });
  };
  proto._del = function delInGroup(this: TunedLevel, key, options) {
    return options.sync === true ? del.call(this, key, options) : commit(this, { type: 'del', key });
  };
  proto[applied] = true;
  return true;
}
