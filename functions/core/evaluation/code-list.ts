import { oneByteString } from '../one-byte-string.ts';

/** Codes wait unpacked until this many have gathered, so each list's loose tail stays short. */
const PACK_EVERY = 32;
/** A length this long or longer is written as this marker and then two characters. */
const LONG = 0xffff;

/**
 * A growing list of record codes kept packed: every few codes are joined into one string,
 * each code after a character giving its length (codes may hold any character, so no
 * separator is safe). A province's failing codes cost a byte or two beyond their text
 * this way, against some forty as separate strings in an array, and they are unpacked
 * only when a unit's results are read.
 */
export class CodeList {
  // Most lists stay empty (most units pass most rules): their arrays are made at the first code.
  private packed: string[] | undefined;
  private loose: string[] | undefined;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(code: string): void {
    const loose = (this.loose ??= []);
    loose.push(code);
    this.count += 1;
    if (loose.length === PACK_EVERY) this.pack(loose);
  }

  /** Joins the loose tail too: once a list stops growing, it holds packed strings only. */
  seal(): void {
    if (this.loose !== undefined && this.loose.length > 0) this.pack(this.loose);
  }

  toArray(): string[] {
    const codes: string[] = [];
    for (const chunk of this.packed ?? []) unpack(chunk, codes);
    for (const code of this.loose ?? []) codes.push(code);
    return codes;
  }

  private pack(loose: readonly string[]): void {
    // join builds one flat string, where += would leave a tree of small pieces until read.
    const parts: string[] = [];
    for (const code of loose) parts.push(lengthPrefix(code.length), code);
    // Codes cut from lines holding a Vietnamese letter, and their join, are two-byte strings; nearly every code is ASCII, so a chunk kept one-byte takes a third of the memory at a province's scale.
    (this.packed ??= []).push(oneByteString(parts.join('')));
    this.loose = undefined;
  }
}

function lengthPrefix(length: number): string {
  if (length < LONG) return String.fromCharCode(length);
  return String.fromCharCode(LONG, Math.floor(length / 0x10000), length % 0x10000);
}

function unpack(chunk: string, codes: string[]): void {
  let at = 0;
  while (at < chunk.length) {
    let length = chunk.charCodeAt(at);
    at += 1;
    if (length === LONG) {
      length = chunk.charCodeAt(at) * 0x10000 + chunk.charCodeAt(at + 1);
      at += 2;
    }
    codes.push(chunk.slice(at, at + length));
    at += length;
  }
}

