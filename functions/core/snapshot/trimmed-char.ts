const TAB = 9;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const LAST_ASCII = 0x7f;
const NO_BREAK_SPACE = 0xa0;
const OGHAM_SPACE = 0x1680;
const EN_QUAD = 0x2000;
const HAIR_SPACE = 0x200a;
const LINE_SEPARATOR = 0x2028;
const PARAGRAPH_SEPARATOR = 0x2029;
const NARROW_NO_BREAK_SPACE = 0x202f;
const MEDIUM_MATHEMATICAL_SPACE = 0x205f;
const IDEOGRAPHIC_SPACE = 0x3000;
const BYTE_ORDER_MARK = 0xfeff;

/** A character (a UTF-16 unit or a code point: every one of them is in the BMP) String.prototype.trim removes. */
export function isTrimmed(c: number): boolean {
  if (c <= LAST_ASCII) return c === SPACE || (c >= TAB && c <= CARRIAGE_RETURN);
  return (
    c === NO_BREAK_SPACE ||
    c === OGHAM_SPACE ||
    (c >= EN_QUAD && c <= HAIR_SPACE) ||
    c === LINE_SEPARATOR ||
    c === PARAGRAPH_SEPARATOR ||
    c === NARROW_NO_BREAK_SPACE ||
    c === MEDIUM_MATHEMATICAL_SPACE ||
    c === IDEOGRAPHIC_SPACE ||
    c === BYTE_ORDER_MARK
  );
}
