import { CsvTokenizer, detectDelimiter, type CsvRecord } from './csv-tokenizer.ts';
import type { ReplacementWatch } from './text-decoder.ts';
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

async function* csvRows(text: AsyncIterable<string>): AsyncGenerator<RawRow[]> {
  let tokenizer: CsvTokenizer | undefined;
  let head = '';
  let row = 0;
  const numbered = (records: CsvRecord[], delimiter: string): RawRow[] =>
    records.map((record) => (typeof record === 'string' ? { row: ++row, line: record, delimiter } : { row: ++row, cells: record }));
  for await (const chunk of text) {
    let input = chunk;
    if (tokenizer === undefined) {
      head += chunk;
      const line = headerLine(head);
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

export function openCsvTable(text: AsyncIterable<string>, watch: ReplacementWatch, close: () => void): Promise<Table> {
  return tableWithHeaderRow(csvRows(text)[Symbol.asyncIterator](), { date1904: () => false, strictWidth: true, mayHoldReplacement: () => watch.seen, close });
}
