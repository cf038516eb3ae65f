/* Batch requests in flight at once: enough to overlap round trips, few enough not to buy throttling. */
export const BATCHES_IN_FLIGHT = 4;

/** `items` cut into consecutive slices of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const sliced: T[][] = [];
  for (let offset = 0; offset < items.length; offset += size) sliced.push(items.slice(offset, offset + size));
  return sliced;
}
