import { textOfBinary } from './binary-text.ts';
import { CsvTokenizer, detectDelimiter, type CsvSink } from './csv-tokenizer.ts';
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

/** Numbers the records as a spreadsheet does and gathers them into the batch being read. */
class RowBatch implements CsvSink {
  rows: RawRow[] = [];
  private row = 0;

  constructor(
    private readonly delimiter: string,
    private readonly form: TextForm,
  ) {}

  line(text: string, start: number, end: number): void {
    this.rows.push({ row: ++this.row, text, start, end, delimiter: this.delimiter, binary: this.form.binary });
  }

  // A quoted record's cells come from the state machine one by one: decoded here, as the validator reads them as text.
  cells(cells: string[]): void {
    this.rows.push({ row: ++this.row, cells: this.form.binary ? cells.map(textOfBinary) : cells });
  }

  /** The rows read since the last call. */
  take(): RawRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }
}

async function* csvRows(text: AsyncIterable<TextPiece>, form: TextForm): AsyncGenerator<RawRow[]> {
  let tokenizer: CsvTokenizer | undefined;
  let batch: RowBatch | undefined;
  let head = '';
  for await (const piece of text) {
    const chunk = piece.text;
    form.binary = piece.binary;
    let input = chunk;
    if (tokenizer === undefined || batch === undefined) {
      head += chunk;
      const line = headerLine(form.binary ? textOfBinary(head) : head);
      if (line === undefined) continue;
      tokenizer = new CsvTokenizer(detectDelimiter(line));
      batch = new RowBatch(tokenizer.delimiter, form);
      input = head;
    }
    tokenizer.push(input, batch);
    if (batch.rows.length > 0) yield batch.take();
  }
  if (tokenizer === undefined || batch === undefined) {
    // The file holds no complete non-blank line: read what there is.
    tokenizer = new CsvTokenizer(detectDelimiter(head));
    batch = new RowBatch(tokenizer.delimiter, form);
    tokenizer.push(head, batch);
  }
  tokenizer.end(batch);
  if (batch.rows.length > 0) yield batch.take();
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
