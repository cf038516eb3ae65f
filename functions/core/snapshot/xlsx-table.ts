import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import unzipper, { type CentralDirectory } from 'unzipper';
import { DondocError } from '../errors.ts';
import { cappedBytes } from './capped-bytes.ts';
import { ExcelError, type Cell } from './cell.ts';
import type { EntityKind } from './entities.ts';
import { entityOfSheetName } from './entity-names.ts';
import { tableWithHeaderRow, type RawRow, type Table } from './table.ts';
import { FarCellDropper } from './far-cells.ts';
import { partText } from './xlsx-part.ts';

/** The parts of exceljs's streaming reader this module drives (its typings omit them). */
interface StreamedRow {
  number: number;
  values: unknown;
}
interface StreamedSheet {
  [Symbol.asyncIterator](): AsyncIterator<StreamedRow>;
}
interface PartReader {
  model?: { sheets?: Array<{ name: string; rId: string }> };
  workbookRels?: Array<{ Id: string; Type: string; Target: string }>;
  properties?: { model?: { date1904?: boolean } };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseWorksheet(entry: Readable, sheetNo: string): Iterable<{ eventType: string; value: StreamedSheet }>;
}

const ROWS_PER_BATCH = 512;
/**
 * Beyond this, a workbook is refused before it fills the disk: the dashboard takes uploads of
 * 50 MB, and a Lambda function's scratch space is 512 MB. A gzip'd file of zeros un-gzipped
 * 3 GB into the scratch copy before it was found not to be a workbook.
 */
const MAX_WORKBOOK_BYTES = 256 * 1024 * 1024;
/** exceljs names a sheet from its part's number; a part named otherwise is read as sheet 0, its name unused here. */
const WORKSHEET_PATH = /^xl\/worksheets\/sheet(\d+)\.xml$/;
/** The relationship type of a workbook's shared strings, wherever the workbook keeps them. */
const SHARED_STRINGS_TYPE = /\/sharedStrings$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Rich text, formula results and hyperlinks reduced to the value the sheet displays. */
function toCell(value: unknown): Cell {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (!isRecord(value)) return undefined;
  if (Array.isArray(value.richText)) return value.richText.map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : '')).join('');
  if ('error' in value) return new ExcelError(String(value.error));
  if ('formula' in value || 'sharedFormula' in value) return formulaCell(value);
  if ('text' in value) return toCell(value.text);
  return undefined;
}

/**
 * What a formula shows, as saved with the workbook. exceljs reads an error it computed
 * (`#DIV/0!`) as a NaN result, and a formula saved without its value as no result: neither is
 * a value to take, nor a blank to pass over, so both are errors shown by their formula.
 */
function formulaCell(value: Record<string, unknown>): Cell {
  const shown = toCell(value.result);
  if (shown !== undefined && !(typeof shown === 'number' && Number.isNaN(shown))) return shown;
  return new ExcelError(`=${String(value.formula ?? value.sharedFormula)}`);
}

function rowCells(values: unknown): Cell[] {
  if (!Array.isArray(values)) return [];
  // exceljs numbers columns from 1 and leaves holes for empty cells.
  const cells: Cell[] = new Array<Cell>(Math.max(0, values.length - 1));
  for (let i = 1; i < values.length; i++) cells[i - 1] = toCell(values[i]);
  return cells;
}

/** What exceljs throws at a sheet it cannot follow ("Cannot read properties of null"), said as what it means to the officer. */
function unreadableSheet(error: unknown, after: number): DondocError {
  if (error instanceof DondocError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  const [vi, en] = after === 0 ? ['trước hàng đầu tiên', 'before its first row'] : [`sau hàng ${after}`, `after row ${after}`];
  return new DondocError('INVALID_SNAPSHOT', `trang tính hỏng hoặc ghi khác định dạng Excel ${vi} (${reason}) / the worksheet is corrupt or not as Excel writes it ${en} (${reason})`);
}

async function* sheetRows(sheet: StreamedSheet): AsyncGenerator<RawRow[]> {
  let batch: RawRow[] = [];
  let last = 0;
  try {
    for await (const row of sheet) {
      batch.push({ row: row.number, cells: rowCells(row.values) });
      last = row.number;
      if (batch.length >= ROWS_PER_BATCH) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    throw unreadableSheet(error, last);
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

/** A relationship's target as a path in the archive: relative to xl/, or absolute from its root. */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

function noSheet(): DondocError {
  return new DondocError('INVALID_SNAPSHOT', 'Không tìm thấy trang tính dữ liệu / no worksheet with data');
}

/** The signature of an OLE compound file: what Excel writes for a workbook it encrypts with a password, and for .xls. */
const COMPOUND_FILE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function isCompoundFile(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(COMPOUND_FILE_SIGNATURE.length);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return bytesRead === head.length && head.equals(COMPOUND_FILE_SIGNATURE);
  } finally {
    await file.close();
  }
}

/* unzipper's own words for a file that is no zip ("FILE_ENDED", a signature in hex) tell an officer nothing. */
async function openZip(path: string): Promise<CentralDirectory> {
  try {
    return await unzipper.Open.file(path);
  } catch {
    if (await isCompoundFile(path)) {
      throw new DondocError(
        'INVALID_SNAPSHOT',
        'Bảng tính được đặt mật khẩu, hoặc là tệp .xls cũ mang đuôi .xlsx; hãy bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại dưới dạng .xlsx / the workbook is password-protected, or an old .xls file named .xlsx; remove the password (File > Info > Protect Workbook) and save it again as .xlsx',
      );
    }
    throw new DondocError(
      'INVALID_SNAPSHOT',
      'Tệp không phải bảng tính Excel .xlsx (không mở được như tệp nén zip); hãy lưu lại từ Excel dưới dạng .xlsx hoặc xuất CSV / not an Excel .xlsx workbook (it does not open as a zip archive); save it again from Excel as .xlsx, or export CSV',
    );
  }
}

/**
 * Reads a workbook's parts through the zip's central directory: the workbook, its
 * relationships and shared strings first, then the one sheet wanted, row by row. exceljs's
 * own streaming pass (`WorkbookReader.parse`) reads the zip front to back and, on Node 18 and
 * later, now and then loses an entry — the workbook part, which its writer stores last — and
 * then fails a valid file with "Cannot read properties of undefined (reading 'sheets')"
 * (exceljs#3064, open). Its part readers are driven here instead; the version is pinned.
 * The central directory is at the end of the file, so the bytes go to a scratch file first.
 */
export async function openXlsxTable(stream: Readable, entity: EntityKind | undefined, close: () => void): Promise<Table> {
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-xlsx-'));
  const release = (): void => {
    rmSync(dir, { recursive: true, force: true });
    close();
  };
  try {
    const path = join(dir, 'book.xlsx');
    await pipeline(stream, cappedBytes(MAX_WORKBOOK_BYTES), createWriteStream(path));
    const files = new Map((await openZip(path)).files.map((file) => [file.path, file]));
    // A part's stream is opened only when it is read: one left unread would hold its file open.
    const part = (name: string) => files.get(name);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(undefined as never, { sharedStrings: 'cache', worksheets: 'emit', hyperlinks: 'ignore', styles: 'ignore' } as never) as unknown as PartReader;
    const rels = part('xl/_rels/workbook.xml.rels');
    const book = part('xl/workbook.xml');
    if (rels === undefined || book === undefined) throw noSheet();
    await reader._parseRels(partText(rels, 'Relationships'));
    await reader._parseWorkbook(partText(book, 'workbook'));
    const stringsTarget = reader.workbookRels?.find((rel) => SHARED_STRINGS_TYPE.test(rel.Type))?.Target;
    const strings = part(stringsTarget === undefined ? 'xl/sharedStrings.xml' : partPath(stringsTarget));
    if (strings !== undefined) for await (const _event of reader._parseSharedStrings(partText(strings, 'sst'))) void _event;
    const sheets = reader.model?.sheets ?? [];
    const wanted = sheets.find((sheet) => sheet.name === chosenSheet(sheets.map((s) => s.name), entity));
    const target = reader.workbookRels?.find((rel) => rel.Id === wanted?.rId)?.Target;
    const sheetPath = target === undefined ? undefined : partPath(target);
    const sheetNo = sheetPath === undefined ? undefined : (WORKSHEET_PATH.exec(sheetPath)?.[1] ?? '0');
    const sheetPart = sheetPath === undefined ? undefined : part(sheetPath);
    if (sheetNo === undefined || sheetPart === undefined) throw noSheet();
    const [emitted] = [...reader._parseWorksheet(partText(sheetPart, 'worksheet', [new FarCellDropper()]), sheetNo)];
    if (emitted === undefined) throw noSheet();
    return await tableWithHeaderRow(sheetRows(emitted.value)[Symbol.asyncIterator](), {
      date1904: () => reader.properties?.model?.date1904 === true,
      strictWidth: false,
      binaryLines: () => false,
      mayHoldReplacement: () => true,
      close: release,
    });
  } catch (err) {
    release();
    throw err;
  }
}
