import { once } from 'node:events';

/** Output is gathered to about this size before each write, so a long list costs few writes. */
const WRITE_CHARS = 64 * 1024;
const ITEM_INDENT = '    ';
const FIELD_INDENT = '      ';
const CODE_SEPARATOR = '",\n        "';
/** Characters JSON.stringify would escape (and lone surrogates, conservatively). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A result as printed: scalars, and lists of codes. */
export type ResultJson = Readonly<Record<string, string | number | boolean | null | undefined | readonly string[]>>;

async function send(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/**
 * Writes `{ ...head, [listKey]: items }` byte for byte as `JSON.stringify(…, null, 2)` and
 * a line break would, item by item and waiting for the stream to drain. A province's
 * check lists hundreds of thousands of failing codes: each list goes out as one join of
 * its codes, where stringifying and re-indenting every item allocated several times the
 * output's size and let the garbage pile up in the old generation.
 */
export async function writeResultsJson(
  out: NodeJS.WritableStream,
  head: Readonly<Record<string, string>>,
  listKey: string,
  items: Iterable<ResultJson>,
): Promise<void> {
  let text = '{\n';
  for (const [key, value] of Object.entries(head)) text += `  ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`;
  text += `  ${JSON.stringify(listKey)}: [`;
  let first = true;
  for (const item of items) {
    text += `${first ? '\n' : ',\n'}${ITEM_INDENT}${itemJson(item)}`;
    first = false;
    if (text.length >= WRITE_CHARS) {
      await send(out, text);
      text = '';
    }
  }
  text += `${first ? '' : '\n  '}]\n}\n`;
  await send(out, text);
}

/** A field's key as written, indented: the same few keys head every item's fields. */
const keyTexts = new Map<string, string>();

function keyText(key: string): string {
  let text = keyTexts.get(key);
  if (text === undefined) {
    text = `${FIELD_INDENT}${JSON.stringify(key)}: `;
    keyTexts.set(key, text);
  }
  return text;
}

/** A province's check writes a million fields: a plain string is quoted without JSON.stringify's call. */
function valueJson(value: string | number | boolean | null | readonly string[]): string {
  if (typeof value === 'string') return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
  if (typeof value === 'object' && value !== null) return codesJson(value);
  return JSON.stringify(value);
}

function itemJson(item: ResultJson): string {
  let text = '';
  for (const key in item) {
    const value = item[key];
    if (value === undefined) continue;
    text += `${text === '' ? '{\n' : ',\n'}${keyText(key)}${valueJson(value)}`;
  }
  return text === '' ? '{}' : `${text}\n${ITEM_INDENT}}`;
}

function codesJson(codes: readonly string[]): string {
  if (codes.length === 0) return '[]';
  // One search of the codes joined, where a search of each code was a call per code (a province's check --codes lists 1.5 million).
  const plain = !NEEDS_ESCAPE.test(codes.join(''));
  const body = plain ? `"${codes.join(CODE_SEPARATOR)}"` : codes.map((code) => JSON.stringify(code)).join(CODE_SEPARATOR.slice(1, -1));
  return `[\n        ${body}\n${FIELD_INDENT}]`;
}
