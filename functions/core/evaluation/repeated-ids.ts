import { TextDecoder, TextEncoder } from 'node:util';
import { HashSet52 } from '../snapshot/hash-set-52.ts';
import { SpillFile } from '../snapshot/spill-file.ts';

/**
 * Bytes the set of national IDs may take before the rest of the snapshot's are spilled:
 * 8 MiB holds a province's half million people; twice that many would take twice the memory.
 */
export const IDS_BUDGET_BYTES = 8 * 1024 * 1024;
/** Partitions of the spilled IDs, by hash: each is read back and resolved alone, so memory holds 1/64 of them. */
const PARTITION_BITS = 6;
const PARTITIONS = 1 << PARTITION_BITS;
const BUFFER_BYTES = 32 * 1024;
/* A spilled record, little-endian: hash (float64), ordinal (uint32, 0 for an ID met before the spill), owner (uint32), code repeats (uint8), code length (uint32), then the code's UTF-8 bytes. */
const ORDINAL_AT = 8;
const OWNER_AT = 12;
const CODE_REPEATS_AT = 16;
const CODE_LENGTH_AT = 17;
const HEAD_BYTES = 21;
/** The ordinal of an ID the in-memory set held when the spill began: it came first, whatever follows. */
const EARLIER = 0;

export interface RepeatedIdsOptions {
  /** bytes of the in-memory set before IDs are spilled */
  budgetBytes?: number;
  /** keep each spilled record's code, for the failing codes of the repeats found at the end */
  keepCodes: boolean;
}

/** A record found at the end to repeat an ID met earlier in the snapshot. */
export interface LateRepeat {
  /** whom the caller said the record belongs to */
  owner: number;
  /** the record also repeats a code of its unit */
  codeRepeats: boolean;
  /** the record's code ('' without keepCodes) */
  code: string;
}

interface Chunk {
  offset: number;
  length: number;
}

/** One partition of the spilled records: what its buffer holds, and what it has written out. */
interface Partition {
  buffer: Uint8Array;
  view: DataView;
  /** bytes of the buffer in use */
  used: number;
  chunks: Chunk[];
  /** records written to it */
  count: number;
}

function partition(): Partition {
  const buffer = new Uint8Array(BUFFER_BYTES);
  return { buffer, view: new DataView(buffer.buffer), used: 0, chunks: [], count: 0 };
}

/**
 * Which person records repeat a national ID (its 52-bit hash) met earlier in the snapshot.
 * While the IDs fit the budget, a set answers at once. Past it, the set's IDs and every
 * later record (with its owner and code) go to a spill file in partitions by hash, and
 * `resolve` finds the repeats among them once the snapshot is read, one partition in memory
 * at a time: memory then stays at the budget whatever the file's size.
 */
export class RepeatedIds {
  private set: HashSet52 | undefined = new HashSet52();
  /** keys the set may hold before it would grow past the budget */
  private readonly maxKeys: number;
  private readonly keepCodes: boolean;
  private readonly spill = new SpillFile();
  private readonly encoder = new TextEncoder();
  /** made when the spill begins */
  private partitions: Partition[] = [];
  private ordinal = 0;

  constructor(opts: RepeatedIdsOptions) {
    this.maxKeys = HashSet52.keysWithin(opts.budgetBytes ?? IDS_BUDGET_BYTES);
    this.keepCodes = opts.keepCodes;
  }

  /** IDs are being spilled: repeats from now on are told by `resolve`, not by `add`. */
  get spilling(): boolean {
    return this.set === undefined;
  }

  /**
   * The record's ID hash: true when an earlier record had it, false when none did, undefined
   * once spilling, when `resolve` tells. `owner` and `code` come back from `resolve`.
   */
  add(hash: number, owner: number, codeRepeats: boolean, code: string): boolean | undefined {
    this.ordinal += 1;
    const set = this.set;
    if (set !== undefined) {
      const repeats = !set.add(hash);
      if (set.size >= this.maxKeys) this.startSpilling(set);
      return repeats;
    }
    this.write(hash, this.ordinal, owner, codeRepeats, this.keepCodes ? code : '');
    return undefined;
  }

  /** The spilled records that repeat an earlier record's ID, in the order they were added. Call once, at the end. */
  resolve(): LateRepeat[] {
    if (this.set !== undefined) return [];
    const repeats: Array<LateRepeat & { ordinal: number }> = [];
    for (const part of this.partitions) this.resolvePartition(part, repeats);
    repeats.sort((a, b) => a.ordinal - b.ordinal);
    return repeats.map(({ owner, codeRepeats, code }) => ({ owner, codeRepeats, code }));
  }

  /** Frees the set, the buffers and the spill file. Safe to call twice. */
  release(): void {
    this.set?.release();
    this.set = undefined;
    this.partitions = [];
    this.spill.close();
  }

  private startSpilling(set: HashSet52): void {
    this.partitions = Array.from({ length: PARTITIONS }, partition);
    set.forEach((hash) => this.write(hash, EARLIER, 0, false, ''));
    set.release();
    this.set = undefined;
  }

  private write(hash: number, ordinal: number, owner: number, codeRepeats: boolean, code: string): void {
    const part = this.partitions[partitionOf(hash)] as Partition;
    part.count += 1;
    // A UTF-16 unit takes at most three UTF-8 bytes.
    const most = HEAD_BYTES + code.length * 3;
    if (part.used + most > BUFFER_BYTES) this.flush(part);
    if (most > BUFFER_BYTES) {
      this.writeAlone(part, hash, ordinal, owner, codeRepeats, code);
      return;
    }
    part.used = encode(part.view, part.buffer, part.used, this.encoder, hash, ordinal, owner, codeRepeats, code);
  }

  /** A record whose code alone outgrows a buffer is a chunk of its own. */
  private writeAlone(part: Partition, hash: number, ordinal: number, owner: number, codeRepeats: boolean, code: string): void {
    const buffer = new Uint8Array(HEAD_BYTES + code.length * 3);
    const length = encode(new DataView(buffer.buffer), buffer, 0, this.encoder, hash, ordinal, owner, codeRepeats, code);
    part.chunks.push({ offset: this.spill.append(buffer.subarray(0, length)), length });
  }

  private flush(part: Partition): void {
    if (part.used === 0) return;
    part.chunks.push({ offset: this.spill.append(part.buffer.subarray(0, part.used)), length: part.used });
    part.used = 0;
  }

  /**
   * A partition's records come back in the order they were written: the set's IDs first,
   * then the later records as they were added. So the first of a hash repeats nothing and
   * every other does, which a set of the partition's hashes tells in one pass.
   */
  private resolvePartition(part: Partition, repeats: Array<LateRepeat & { ordinal: number }>): void {
    this.flush(part);
    const seen = HashSet52.holding(part.count);
    const decoder = new TextDecoder();
    for (const chunk of part.chunks) {
      const bytes = this.spill.read(chunk.offset, chunk.length);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let at = 0; at < bytes.length; ) {
        const length = view.getUint32(at + CODE_LENGTH_AT, true);
        if (!seen.add(view.getFloat64(at, true))) {
          repeats.push({
            ordinal: view.getUint32(at + ORDINAL_AT, true),
            owner: view.getUint32(at + OWNER_AT, true),
            codeRepeats: view.getUint8(at + CODE_REPEATS_AT) === 1,
            code: decoder.decode(bytes.subarray(at + HEAD_BYTES, at + HEAD_BYTES + length)),
          });
        }
        at += HEAD_BYTES + length;
      }
    }
    seen.release();
  }
}

function partitionOf(hash: number): number {
  return (hash >>> 0) >>> (32 - PARTITION_BITS);
}

function encode(view: DataView, bytes: Uint8Array, at: number, encoder: TextEncoder, hash: number, ordinal: number, owner: number, codeRepeats: boolean, code: string): number {
  view.setFloat64(at, hash, true);
  view.setUint32(at + ORDINAL_AT, ordinal, true);
  view.setUint32(at + OWNER_AT, owner, true);
  view.setUint8(at + CODE_REPEATS_AT, codeRepeats ? 1 : 0);
  const written = code === '' ? 0 : encoder.encodeInto(code, bytes.subarray(at + HEAD_BYTES)).written;
  view.setUint32(at + CODE_LENGTH_AT, written, true);
  return at + HEAD_BYTES + written;
}
