import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DondocError } from '../errors.ts';
import type { Cell } from './cell.ts';
import type { EntityKind } from './entities.ts';
import { entityOfSheetName } from './entity-names.ts';
import { tableWithHeaderRow, type RawRow, type Table } from './table.ts';

/** The parts of exceljs's streaming reader this module uses (its typings omit them). */
interface StreamedRow {
  number: number;
  values: unknown;
}
interface StreamedSheet {
  name: string;
  [Symbol.asyncIterator](): AsyncIterator<StreamedRow>;
}
interface StreamedBook {
  model?: { sheets?: { name: string }[] };
  properties?: { model?: { date1904?: boolean } };
  [Symbol.asyncIterator](): AsyncIterator<StreamedSheet>;
}

const ROWS_PER_BATCH = 512;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Rich text, formula results and hyperlinks reduced to the value the sheet displays. */
function toCell(value: unknown): Cell {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (!isRecord(value)) return undefined;
  if (Array.isArray(value.richText)) return value.richText.map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : '')).join('');
  if ('result' in value) return toCell(value.result);
  if ('error' in value) return String(value.error);
  if ('text' in value) return toCell(value.text);
  return undefined;
}

function rowCells(values: unknown): Cell[] {
  if (!Array.isArray(values)) return [];
  // exceljs numbers columns from 1 and leaves holes for empty cells.
  const cells: Cell[] = new Array<Cell>(Math.max(0, values.length - 1));
  for (let i = 1; i < values.length; i++) cells[i - 1] = toCell(values[i]);
  return cells;
}

async function* sheetRows(sheet: StreamedSheet): AsyncGenerator<RawRow[]> {
  let batch: RawRow[] = [];
  for await (const row of sheet) {
    batch.push({ row: row.number, cells: rowCells(row.values) });
    if (batch.length >= ROWS_PER_BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** The sheet named after the entity (after any entity when it is not known yet), else the first. */
function chosenSheet(names: readonly string[], entity: EntityKind | undefined): string | undefined {
  const named = names.find((name) => {
    const of = entityOfSheetName(name);
    return of !== undefined && (entity === undefined || of === entity);
  });
  return named ?? names[0];
}

export async function openXlsxTable(stream: Readable, entity: EntityKind | undefined, close: () => void): Promise<Table> {
  const book = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    styles: 'ignore',
  }) as unknown as StreamedBook;
  const sheets = book[Symbol.asyncIterator]();
  for (;;) {
    const next = await sheets.next();
    if (next.done) throw new DondocError('INVALID_SNAPSHOT', 'Không tìm thấy trang tính dữ liệu / no worksheet with data');
    const sheet = next.value;
    // Sheets stream in file order; the workbook part listing them all normally comes first.
    const wanted = chosenSheet(book.model?.sheets?.map((s) => s.name) ?? [], entity);
    if (wanted !== undefined && sheet.name !== wanted) continue;
    return tableWithHeaderRow(sheetRows(sheet)[Symbol.asyncIterator](), {
      date1904: () => book.properties?.model?.date1904 === true,
      strictWidth: false,
      binaryLines: () => false,
      mayHoldReplacement: () => true,
      close,
    });
  }
}
