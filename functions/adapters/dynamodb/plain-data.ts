/**
 * A deep copy without undefined values. Marshalling rejects undefined unless the client was
 * built with `removeUndefinedValues`, and the store must not depend on how its client was
 * built. Only for values a zod schema has already checked, so JSON loses nothing else.
 */
export function plainData<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
