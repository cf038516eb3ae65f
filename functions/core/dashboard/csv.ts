export type CsvCell = string | number;

/*
 * OWASP's CSV injection list: a cell starting with any of these is read by spreadsheets as
 * a formula (tab and carriage return because some parsers strip them and read what follows).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n;]/;

/** One cell: text that could start a formula is prefixed with `'`, which spreadsheets show as plain text. */
export function csvCell(cell: CsvCell): string {
  const text = typeof cell === 'number' ? String(cell) : FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 with CRLF, behind a UTF-8 byte-order mark: without it Excel reads the file in the
 * machine's code page and Vietnamese turns to mojibake. Numbers stay numbers (a negative
 * figure is data, not a formula).
 */
export function toCsv(rows: ReadonlyArray<readonly CsvCell[]>): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
