/** The first element's whole name, and its namespace prefix if it has one (`<x:worksheet `): read only once the name has ended. */
const FIRST_ELEMENT = /<([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*[\s/>]/;

/**
 * Takes a part's namespace prefix off its tags as the text streams by. A writer may name the
 * spreadsheet namespace with a prefix (`<x:worksheet xmlns:x="…">`, as .NET's Open XML SDK
 * does), which is the same XML; exceljs knows its elements only unprefixed, and read such a
 * workbook as one without a worksheet or a header. The prefix is the root element's; a tag cut
 * by a chunk's end is held back until its chunk comes.
 */
export class PrefixStripper {
  /** undefined until the root element is read; '' when it has no prefix */
  private prefix: string | undefined;
  private held = '';

  push(text: string): string {
    const whole = this.held + text;
    if (this.prefix === undefined) {
      const root = FIRST_ELEMENT.exec(whole);
      if (root === null) {
        this.held = whole;
        return '';
      }
      this.prefix = root[1] ?? '';
    }
    if (this.prefix === '') {
      this.held = '';
      return whole;
    }
    const open = whole.lastIndexOf('<');
    const cut = open !== -1 && whole.indexOf('>', open) === -1 ? open : whole.length;
    this.held = whole.slice(cut);
    return this.stripped(whole.slice(0, cut));
  }

  end(): string {
    const rest = this.held;
    this.held = '';
    return this.prefix === undefined || this.prefix === '' ? rest : this.stripped(rest);
  }

  private stripped(text: string): string {
    return text.replaceAll(`<${this.prefix}`, '<').replaceAll(`</${this.prefix}`, '</');
  }
}
