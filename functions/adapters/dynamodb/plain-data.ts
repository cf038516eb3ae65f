/** What JSON leaves out of an object (and writes as null in an array). */
const OMITTED: unique symbol = Symbol('omitted');

function plain(value: unknown): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // JSON writes -0 as 0 and has no NaN or infinities.
      return Number.isFinite(value) ? value + 0 : null;
    case 'undefined':
    case 'function':
    case 'symbol':
      return OMITTED;
    case 'bigint':
      throw new TypeError('plainData: a BigInt has no JSON form');
  }
  const object = value as { toJSON?: () => unknown };
  if (typeof object.toJSON === 'function') return plain(object.toJSON());
  if (Array.isArray(value)) {
    return value.map((item: unknown) => {
      const copy = plain(item);
      return copy === OMITTED ? null : copy;
    });
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value as object)) {
    const field = plain((value as Record<string, unknown>)[key]);
    if (field === OMITTED) continue;
    // Assigning "__proto__" would set the prototype; JSON.parse makes it a field like any other.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: field, enumerable: true, writable: true, configurable: true });
    else copy[key] = field;
  }
  return copy;
}

/**
 * A deep copy without undefined values. Marshalling rejects undefined unless the client was
 * built with `removeUndefinedValues`, and the store must not depend on how its client was
 * built. Only for values a zod schema has already checked (strings, numbers, booleans, null,
 * arrays, plain objects), of which it gives what a JSON round trip gives; copied rather than
 * round-tripped, a summary's thousands of codes are neither written out nor read back.
 */
export function plainData<T>(value: T): T {
  const copy = plain(value);
  return (copy === OMITTED ? undefined : copy) as T;
}
