import { z } from 'zod';
import { STATUSES, type StatusCounts } from './types.ts';

/** How stored rollups and a run's part results read their counts back: one schema for both. */
export const StatusCountsSchema: z.ZodType<StatusCounts> = z.object({
  units: z.number(),
  total: z.number(),
  failing: z.number(),
  rate: z.number(),
  byStatus: z.partialRecord(z.enum(STATUSES), z.number()),
});
