import { once } from 'node:events';

const INDENT = '  ';
/** Output is gathered to about this size before each write, so a long list costs few writes. */
const WRITE_CHARS = 64 * 1024;

/** `JSON.stringify(value, null, 2)` as it reads nested `depth` levels down; undefined where JSON has no value for it. */
function nested(value: unknown, depth: number): string | undefined {
  // JSON text has no raw line breaks inside strings, so every one starts an indented line.
  return (JSON.stringify(value, null, 2) as string | undefined)?.replaceAll('\n', `\n${INDENT.repeat(depth)}`);
}

async function send(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/**
 * Writes `{ ...head, [listKey]: items }` exactly as `JSON.stringify(…, null, 2)` and a line
 * break would, the list last, but item by item and waiting for the stream to drain: a check
 * over a province lists hundreds of thousands of failing codes, and its output must not be
 * one string held whole in memory.
 */
export async function writePrettyJson(
  out: NodeJS.WritableStream,
  head: Readonly<Record<string, unknown>>,
  listKey: string,
  items: Iterable<unknown>,
): Promise<void> {
  let text = '{\n';
  for (const [key, value] of Object.entries(head)) {
    const json = nested(value, 1);
    if (json !== undefined) text += `${INDENT}${JSON.stringify(key)}: ${json},\n`;
  }
  text += `${INDENT}${JSON.stringify(listKey)}: [`;
  let first = true;
  for (const item of items) {
    text += `${first ? '\n' : ',\n'}${INDENT.repeat(2)}${nested(item, 2) ?? 'null'}`;
    first = false;
    if (text.length >= WRITE_CHARS) {
      await send(out, text);
      text = '';
    }
  }
  text += `${first ? '' : `\n${INDENT}`}]\n}\n`;
  await send(out, text);
}
