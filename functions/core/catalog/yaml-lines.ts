import { isMap, isNode, isScalar, isSeq, type Document, type LineCounter } from 'yaml';

/** A parsed YAML file with what is needed to turn a path in it back into a line number. */
export interface Located {
  doc: Document;
  lines: LineCounter;
}

/** Where `path` starts in the YAML: the key for a field (its value may start on a later line), the item for a list entry. */
function offsetOf(doc: Document, path: readonly PropertyKey[]): number | undefined {
  const last = path.at(-1);
  if (last === undefined) return doc.contents?.range?.[0];
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1) as unknown[], true);
  if (isMap(parent)) {
    const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === last);
    return isNode(pair?.key) ? pair.key.range?.[0] : undefined;
  }
  if (isSeq(parent) && typeof last === 'number') {
    const item = parent.items[last];
    return isNode(item) ? item.range?.[0] : undefined;
  }
  return undefined;
}

/** The line of the deepest part of `path` that exists, so a missing key points at its parent. */
export function lineOf({ doc, lines }: Located, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const offset = offsetOf(doc, path.slice(0, depth));
    if (offset !== undefined) return lines.linePos(offset).line;
  }
  return undefined;
}
