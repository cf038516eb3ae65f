import type { StatusCounts } from '../evaluation/types.ts';

/** How a requirement no unit of the scope has a status for stands. */
export function emptyCounts(): StatusCounts {
  return { units: 0, total: 0, failing: 0, rate: 0, byStatus: {} };
}
