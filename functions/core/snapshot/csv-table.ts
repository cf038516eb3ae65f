import { DondocError } from '../errors.ts';
import { textOfBinary } from './binary-text.ts';
import { CsvTokenizer, detectDelimiter, type CsvSink } from './csv-tokenizer.ts';
import { messages } from './issue-messages.ts';
import { MAX_RECORD_CHARS, RecordTooLong } from './record-limit.ts';
import type { ReplacementWatch, TextPiece } from './text-decoder.ts';
import { tableWithHeaderRow, type RawRow, type Table } from './table.ts';

/** The first non-blank line, once the text holds a complete one. */
function headerLine(text: string): string | undefined {
  let start = 0;
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
    const line = text.slice(start, newline);
    if (line.trim() !== '') return line;
    start = newline + 1;
  }
  return undefined;
}

/** Whether the pieces read so far are binary text; known from the first. */
interface TextForm {
  binary: boolean;
}

/** A file's records as rows, numbered as a spreadsheet numbers them, a chunk of text at a time. */
class CsvRows implements CsvSink {
  private readonly tokenizer: CsvTokenizer;
  private rows: RawRow[] = [];
  private row = 0;
  private stopped = false;

  constructor(
    private readonly delimiter: string,
    private readonly form: TextForm,
  ) {
    this.tokenizer = new CsvTokenizer(delimiter);
  }

  /** The rows of the records the text completes. */
  read(text: string): RawRow[] {
    return this.tokenized(() => this.tokenizer.push(text, this));
  }

  /** The last row, when the file does not end with a line break. */
  end(): RawRow[] {
    return this.tokenized(() => this.tokenizer.end(this));
  }

  /**
   * A record past the bound is its row's error, and the last row read: with a quote that never
   * closes, no later record can be told apart. The rest of the text is passed over unread.
   */
  private tokenized(tokenize: () => void): RawRow[] {
    if (this.stopped) return [];
    try {
      tokenize();
    } catch (error) {
      if (!(error instanceof RecordTooLong)) throw error;
      this.stopped = true;
      const message = error.quoted ? messages.unclosedQuote() : messages.recordTooLong(true);
      this.rows.push({ row: ++this.row, cells: [], defect: { code: 'malformed_row', ...message } });
    }
    return this.take();
  }

  line(text: string, start: number, end: number): void {
    this.rows.push({ row: ++this.row, text, start, end, delimiter: this.delimiter, binary: this.form.binary });
  }

  // A quoted record's cells come from the state machine one by one: decoded here, as the validator reads them as text.
  cells(cells: string[]): void {
    this.rows.push({ row: ++this.row, cells: this.form.binary ? cells.map(textOfBinary) : cells });
  }

  private take(): RawRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }
}

async function* csvRows(text: AsyncIterable<TextPiece>, form: TextForm): AsyncGenerator<RawRow[]> {
  let rows: CsvRows | undefined;
  let head = '';
  for await (const piece of text) {
    form.binary = piece.binary;
    let input = piece.text;
    if (rows === undefined) {
      head += input;
      const line = headerLine(form.binary ? textOfBinary(head) : head);
      if (line === undefined) {
        if (head.length > MAX_RECORD_CHARS) throw new DondocError('INVALID_SNAPSHOT', 'Không có dòng tiêu đề trong 1 MB đầu của tệp / no header line within the first 1 MB of the file');
        continue;
      }
      rows = new CsvRows(detectDelimiter(line), form);
      input = head;
    }
    const batch = rows.read(input);
    if (batch.length > 0) yield batch;
  }
  if (rows === undefined) {
    // The file holds no complete non-blank line: read what there is.
    rows = new CsvRows(detectDelimiter(head), form);
    const batch = rows.read(head);
    if (batch.length > 0) yield batch;
  }
  const last = rows.end();
  if (last.length > 0) yield last;
}

export function openCsvTable(text: AsyncIterable<TextPiece>, watch: ReplacementWatch, close: () => void): Promise<Table> {
  const form: TextForm = { binary: false };
  return tableWithHeaderRow(csvRows(text, form)[Symbol.asyncIterator](), {
    date1904: () => false,
    strictWidth: true,
    binaryLines: () => form.binary,
    mayHoldReplacement: () => watch.seen,
    close,
  });
}
