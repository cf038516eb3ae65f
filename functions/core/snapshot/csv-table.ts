import { textOfBinary } from './binary-text.ts';
import { CsvTokenizer, detectDelimiter, type CsvRecord } from './csv-tokenizer.ts';
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

async function* csvRows(text: AsyncIterable<TextPiece>, form: TextForm): AsyncGenerator<RawRow[]> {
  let tokenizer: CsvTokenizer | undefined;
  let head = '';
  let row = 0;
  // A quoted record's cells come from the state machine one by one: decoded here, as the validator reads them as text.
  const numbered = (records: CsvRecord[], delimiter: string): RawRow[] =>
    records.map((record) =>
      typeof record === 'string'
        ? { row: ++row, line: record, delimiter, binary: form.binary }
        : { row: ++row, cells: form.binary ? record.map(textOfBinary) : record },
    );
  for await (const piece of text) {
    const chunk = piece.text;
    form.binary = piece.binary;
    let input = chunk;
    if (tokenizer === undefined) {
      head += chunk;
      const line = headerLine(form.binary ? textOfBinary(head) : head);
      if (line === undefined) continue;
      tokenizer = new CsvTokenizer(detectDelimiter(line));
      input = head;
    }
    const records: CsvRecord[] = [];
    tokenizer.push(input, records);
    if (records.length > 0) yield numbered(records, tokenizer.delimiter);
  }
  const records: CsvRecord[] = [];
  if (tokenizer === undefined) {
    // The file holds no complete non-blank line: read what there is.
    tokenizer = new CsvTokenizer(detectDelimiter(head));
    tokenizer.push(head, records);
  }
  tokenizer.end(records);
  if (records.length > 0) yield numbered(records, tokenizer.delimiter);
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
