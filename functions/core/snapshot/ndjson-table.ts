import type { Cell } from './cell.ts';
import { messages } from './issue-messages.ts';
import { MAX_RECORD_CHARS } from './record-limit.ts';
import { noHeader, type RawRow, type Table } from './table.ts';

/** JSON values as cells: null is absent, a list (e.g. of levels) is written as the contract's `a; b`. */
function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(String).join('; ');
  return JSON.stringify(value);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keys become columns as they first appear, so objects may list them in any order or omit some. */
class KeyColumns {
  readonly header: string[] = [];
  private readonly positions = new Map<string, number>();

  cells(object: Record<string, unknown>): Cell[] {
    const cells: Cell[] = [];
    for (const key in object) {
      let position = this.positions.get(key);
      if (position === undefined) {
        position = this.header.length;
        this.positions.set(key, position);
        this.header.push(key);
      }
      cells[position] = toCell(object[key]);
    }
    return cells;
  }
}

function parseLine(line: string, row: number, columns: KeyColumns): RawRow {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { row, cells: [], defect: { code: 'invalid_json', ...messages.invalidJson() } };
  }
  if (!isObject(value)) return { row, cells: [], defect: { code: 'malformed_row', ...messages.notAnObject() } };
  return { row, cells: columns.cells(value) };
}

async function* ndjsonRows(text: AsyncIterable<string>, columns: KeyColumns): AsyncGenerator<RawRow[]> {
  let carry = '';
  let row = 0;
  const parseLines = (lines: string[]): RawRow[] => {
    const rows: RawRow[] = [];
    for (const line of lines) {
      row += 1;
      const trimmed = line.trim();
      if (trimmed !== '') rows.push(parseLine(trimmed, row, columns));
    }
    return rows;
  };
  // A line past the bound is its row's error, and what is left of it is passed over to the next line break.
  let skipping = false;
  for await (const chunk of text) {
    let from = 0;
    if (skipping) {
      from = chunk.indexOf('\n') + 1;
      if (from === 0) continue;
      skipping = false;
    }
    const lines = (carry + chunk.slice(from)).split('\n');
    carry = lines.pop() ?? '';
    const rows = parseLines(lines);
    if (carry.length > MAX_RECORD_CHARS) {
      carry = '';
      skipping = true;
      rows.push({ row: ++row, cells: [], defect: { code: 'malformed_row', ...messages.recordTooLong(false) } });
    }
    if (rows.length > 0) yield rows;
  }
  const rows = skipping ? [] : parseLines([carry]);
  if (rows.length > 0) yield rows;
}

/** NDJSON has no header row: the header is the keys seen so far, first those of the first object. */
export async function openNdjsonTable(text: AsyncIterable<string>, close: () => void): Promise<Table> {
  const columns = new KeyColumns();
  const batches = ndjsonRows(text, columns);
  const pending: RawRow[] = [];
  while (columns.header.length === 0) {
    const next = await batches.next();
    if (next.done) {
      if (pending.length === 0) throw noHeader();
      break;
    }
    pending.push(...next.value);
  }
  async function* rows(): AsyncGenerator<RawRow[]> {
    if (pending.length > 0) yield pending;
    yield* batches;
  }
  // A JSON escape can spell U+FFFD too, so every value is searched.
  return { header: columns.header, headerRow: 0, date1904: false, strictWidth: false, binaryLines: false, mayHoldReplacement: () => true, rows: rows(), close };
}
