import { z } from 'zod';

export interface UnknownField {
  path: PropertyKey[];
  key: string;
  suggestion?: string;
}

/*
 * zod drops keys it does not know, so a misspelt `deadline:` would silently lose every
 * deadline of a requirement. This walks the raw YAML alongside the schema and reports every
 * key the schema has no place for.
 */
export function findUnknownFields(schema: z.ZodType, value: unknown, path: PropertyKey[] = []): UnknownField[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) {
    return findUnknownFields(schema.unwrap() as z.ZodType, value, path);
  }
  if (schema instanceof z.ZodArray) {
    if (!Array.isArray(value)) return [];
    return value.flatMap((item, i) => findUnknownFields(schema.element as z.ZodType, item, [...path, i]));
  }
  if (schema instanceof z.ZodDiscriminatedUnion) {
    if (!isRecord(value)) return [];
    const discriminator = schema.def.discriminator;
    const option = (schema.options as z.ZodType[]).find(
      (o) => o instanceof z.ZodObject && (o.shape[discriminator] as z.ZodLiteral).values.has(value[discriminator] as never),
    );
    return option ? findUnknownFields(option, value, path) : [];
  }
  if (schema instanceof z.ZodObject) {
    if (!isRecord(value)) return [];
    const shape = schema.shape as Record<string, z.ZodType>;
    const known = Object.keys(shape);
    return Object.entries(value).flatMap(([key, child]) => {
      // Own keys only: `constructor` or `toString` would otherwise be found on Object.prototype and pass as known.
      const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
      if (field) return findUnknownFields(field, child, [...path, key]);
      const suggestion = closest(key, known);
      return [suggestion === undefined ? { path: [...path, key], key } : { path: [...path, key], key, suggestion }];
    });
  }
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The known key a typo most likely meant: within two edits, ignoring case and `-` or a space for `_`. */
function closest(key: string, known: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase().replace(/[-\s]/g, '_'), candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
