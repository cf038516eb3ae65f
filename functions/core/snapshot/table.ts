import { DondocError } from '../errors.ts';
import { textOfBinary } from './binary-text.ts';
import { cellText, type Cell } from './cell.ts';
import type { Message } from './issue-messages.ts';

/** A row a reader could not turn into cells. */
export interface RowDefect extends Message {
  code: 'malformed_row' | 'invalid_json';
}

/** A row as its cells. */
export interface CellRow {
  /** spreadsheet row number (NDJSON: line number) */
  row: number;
  cells: readonly Cell[];
  defect?: RowDefect;
  text?: undefined;
}

/**
 * A CSV row without a quote, kept where it lies in the text read: its cells are `text` from
 * `start` to `end` split at `delimiter`.
 */
export interface LineRow {
  row: number;
  text: string;
  start: number;
  end: number;
  delimiter: string;
  /** the line is binary text (binary-text.ts), decoded when its cells are wanted */
  binary: boolean;
}

export type RawRow = CellRow | LineRow;

export function cellsOf(raw: RawRow): readonly Cell[] {
  if (raw.text === undefined) return raw.cells;
  const line = raw.text.slice(raw.start, raw.end);
  return (raw.binary ? textOfBinary(line) : line).split(raw.delimiter);
}

/** A file read as a header and rows of cells, whatever its format. */
export interface Table {
  /** header texts by position; NDJSON appends keys as new ones appear */
  header: string[];
  /** the header's row number; 0 when the format has none (NDJSON) */
  headerRow: number;
  date1904: boolean;
  /** every row must have exactly as many cells as the header (CSV) */
  strictWidth: boolean;
  /** its line rows are binary text (binary-text.ts): UTF-8 CSV */
  binaryLines: boolean;
  /** false while no text read so far holds U+FFFD (a decoding failure), so cells need no search for one */
  mayHoldReplacement: () => boolean;
  /** the rows after the header, in batches so a reader's chunk costs one await */
  rows: AsyncIterator<RawRow[]>;
  close(): void;
}

export function isBlankRow(cells: readonly Cell[]): boolean {
  for (const cell of cells) {
    if (cell === undefined) continue;
    if (typeof cell !== 'string' || cell.trim() !== '') return false;
  }
  return true;
}

export function noHeader(): DondocError {
  return new DondocError('INVALID_SNAPSHOT', 'Tệp trống: không có dòng tiêu đề / empty file: no header row');
}

async function* remaining(first: RawRow[], rest: AsyncIterator<RawRow[]>): AsyncGenerator<RawRow[]> {
  if (first.length > 0) yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

/** For formats whose first non-blank row names the columns (CSV, XLSX). */
export async function tableWithHeaderRow(
  batches: AsyncIterator<RawRow[]>,
  opts: { date1904: () => boolean; strictWidth: boolean; binaryLines: () => boolean; mayHoldReplacement: () => boolean; close: () => void },
): Promise<Table> {
  for (;;) {
    const next = await batches.next();
    if (next.done) throw noHeader();
    const at = next.value.findIndex((row) => !isBlankRow(cellsOf(row)));
    if (at < 0) continue;
    const headerRow = next.value[at] as RawRow;
    return {
      header: cellsOf(headerRow).map(cellText),
      headerRow: headerRow.row,
      date1904: opts.date1904(),
      strictWidth: opts.strictWidth,
      binaryLines: opts.binaryLines(),
      mayHoldReplacement: opts.mayHoldReplacement,
      rows: remaining(next.value.slice(at + 1), batches),
      close: opts.close,
    };
  }
}
