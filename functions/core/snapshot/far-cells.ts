/**
 * Columns past this are never a snapshot's: each entity has a few dozen at most. Excel's last
 * is XFD (16,384); exceljs builds every row it reads as an array as wide as its last cell, twice,
 * so 20,000 rows of one cell in XFD (a 147 KB sheet) took it 66 s and 1.2 GB.
 */
export const MAX_COLUMN = 1024;

const CELL_END = '</c>';
const REFERENCE = ' r="';
const A = 65;
const Z = 90;

/** Whether a cell's start tag names a column past MAX_COLUMN: read letter by letter, stopping as soon as it tells. */
function isFar(tag: string): boolean {
  const at = tag.indexOf(REFERENCE);
  if (at === -1) return false;
  let column = 0;
  for (let i = at + REFERENCE.length; i < tag.length; i++) {
    const c = tag.charCodeAt(i);
    if (c < A || c > Z) return false;
    column = column * 26 + (c - A + 1);
    if (column > MAX_COLUMN) return true;
  }
  return false;
}

/**
 * Takes the cells past MAX_COLUMN out of a worksheet's text as it streams by, so that exceljs
 * never reads them: they lie under no column of the header, where a cell is read for nothing.
 * A tag cut by a chunk's end is held back until its chunk comes, as is a `</c>` being looked
 * for. The text must be unprefixed (xml-prefix.ts).
 */
export class FarCellDropper {
  private held = '';
  /** inside a far cell's element, until its `</c>` */
  private skipping = false;

  push(text: string): string {
    // The common chunk, nothing held and nothing dropped, goes on as it came: no copy of it is made.
    const s = this.held === '' ? text : this.held + text;
    this.held = '';
    let out = '';
    /** where the text not yet copied to `out` starts */
    let kept = 0;
    let pos = 0;
    for (;;) {
      if (this.skipping) {
        const end = s.indexOf(CELL_END, pos);
        if (end === -1) {
          this.held = s.slice(Math.max(pos, s.length - (CELL_END.length - 1)));
          return out;
        }
        pos = end + CELL_END.length;
        kept = pos;
        this.skipping = false;
      }
      const start = nextCellStart(s, pos);
      const close = start === -1 ? -1 : s.indexOf('>', start);
      if (close === -1) {
        // a tag cut by the chunk's end, or a `<` at its very end that may open one, waits for the next chunk
        const cut = start !== -1 ? start : s.endsWith('<') ? s.length - 1 : s.length;
        this.held = s.slice(cut);
        return kept === 0 && cut === s.length ? s : out + s.slice(kept, cut);
      }
      const tag = s.slice(start, close + 1);
      if (isFar(tag)) {
        out += s.slice(kept, start);
        kept = close + 1;
        this.skipping = !tag.endsWith('/>');
      }
      pos = close + 1;
    }
  }

  end(): string {
    const rest = this.skipping ? '' : this.held;
    this.held = '';
    return rest;
  }
}

/** Where the next `<c` tag starts from `from` (not `<cols>` nor `<cfRule>`), the text's end cutting `<c` counting as one; -1 when none. */
function nextCellStart(s: string, from: number): number {
  for (let at = s.indexOf('<c', from); at !== -1; at = s.indexOf('<c', at + 2)) {
    if (at + 2 === s.length) return at;
    const after = s.charCodeAt(at + 2);
    if (after === 32 || after === 9 || after === 10 || after === 13 || after === 47 || after === 62) return at;
  }
  return -1;
}
