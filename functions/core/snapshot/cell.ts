/**
 * An Excel error value (#N/A, #DIV/0!, #REF!), as a failed VLOOKUP leaves in a code column:
 * shown as Excel shows it, and never a value, where its text would have passed for a code.
 */
export class ExcelError {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

/** A cell as a reader delivers it: text from CSV, typed values from XLSX and NDJSON. */
export type Cell = string | number | boolean | Date | ExcelError | undefined;

const LAST_ASCII = 0x7f;

/** A loop beats a regular expression on the short cells every row holds. */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > LAST_ASCII) return false;
  return true;
}

/** Trimmed and in NFC (input may be NFD); skipping pure ASCII keeps the common case cheap. */
export function cleanText(text: string): string {
  const trimmed = text.trim();
  return isAscii(trimmed) ? trimmed : trimmed.normalize('NFC');
}

/** Enough for a column's class names or qualifications, bounded against a column of free text. */
const MEMO_LIMIT = 4096;

/**
 * cleanText for one column's cells. Normalising costs far more than a lookup, and the
 * non-ASCII values a column keeps (class names, qualifications) repeat row after row.
 * `decode` turns a cell into its text first (binary text, see binary-text.ts), once a spelling.
 */
export function memoisedCleanText(decode?: (text: string) => string): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    if (isAscii(text)) return text.trim();
    const hit = memo.get(text);
    if (hit !== undefined) return hit;
    const clean = (decode === undefined ? text : decode(text)).trim().normalize('NFC');
    if (memo.size < MEMO_LIMIT) memo.set(text, clean);
    return clean;
  };
}

/** A cell as text, as the uploader would read it in the file. */
export function cellText(cell: Cell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return cleanText(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().replace(/T00:00:00\.000Z$/, '');
  return String(cell);
}
