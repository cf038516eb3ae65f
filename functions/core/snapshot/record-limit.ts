/**
 * The most characters one record (a CSV record, an NDJSON line) may hold. A real export's
 * records are a few hundred characters; without a bound, one stray `"` opening a cell that
 * never closes made the rest of a province's file (70 MB) one cell, held whole in memory
 * (425 MB at its peak), and a file without line breaks the same.
 */
export const MAX_RECORD_CHARS = 1024 * 1024;

/** A record longer than MAX_RECORD_CHARS; `quoted` when it is so because a quote never closed. */
export class RecordTooLong extends Error {
  readonly code = 'RECORD_TOO_LONG';

  constructor(readonly quoted: boolean) {
    super(quoted ? 'a quoted cell does not close' : 'a record has no line break');
    this.name = 'RecordTooLong';
  }
}
