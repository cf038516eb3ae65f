import { boundedMap } from './bounded-map.ts';

/**
 * `Promise.allSettled(items.map(fn))` with at most `limit` calls in flight: every call runs
 * to its end even when another fails, so a caller can undo exactly what succeeded.
 */
export function boundedSettle<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  return boundedMap(items, limit, (item) =>
    fn(item).then(
      (value): PromiseSettledResult<R> => ({ status: 'fulfilled', value }),
      (reason: unknown): PromiseSettledResult<R> => ({ status: 'rejected', reason }),
    ),
  );
}
