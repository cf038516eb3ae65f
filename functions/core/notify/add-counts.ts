import { rate2 } from '../evaluation/rate.ts';
import type { Status, StatusCounts } from '../evaluation/types.ts';

/** The counts of two disjoint sets of units, as one rollup over both would give them. */
export function addCounts(a: StatusCounts, b: StatusCounts): StatusCounts {
  const byStatus: Partial<Record<Status, number>> = { ...a.byStatus };
  for (const [status, n] of Object.entries(b.byStatus) as Array<[Status, number]>) byStatus[status] = (byStatus[status] ?? 0) + n;
  const total = a.total + b.total;
  const failing = a.failing + b.failing;
  return { units: a.units + b.units, total, failing, rate: rate2(failing, total), byStatus };
}

/** Adds `from` into `into`, key by key. */
export function addCountTable(into: Record<string, StatusCounts>, from: Readonly<Record<string, StatusCounts>>): void {
  for (const [key, counts] of Object.entries(from)) {
    const current = into[key];
    into[key] = current === undefined ? counts : addCounts(current, counts);
  }
}
