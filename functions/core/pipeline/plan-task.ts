import { z } from 'zod';

/** Units of one part made of the department's direct units: one invocation's worth of reads and writes. */
export const PART_UNITS = 200;

/** One run of the schedule, as every part and the finish see it. */
export const RunRef = z.object({
  /** `<day>#<kind>` for a scheduled run (a second fire of the same day finds it), longer for a replay */
  id: z.string().min(1),
  kind: z.enum(['daily', 'digest']),
  /** the Vietnam calendar day of the run */
  day: z.iso.date(),
  asOf: z.number().int(),
  /** an explicit re-run of an earlier moment: its statuses replace newer ones */
  replay: z.boolean(),
});
export type RunRef = z.infer<typeof RunRef>;

/** A district office with all its units, or a chunk of the units directly under the department. */
export const PartSpec = z.union([
  z.object({ id: z.string().min(1), office: z.string().min(1) }),
  z.object({ id: z.string().min(1), units: z.array(z.string().min(1)).min(1).max(PART_UNITS) }),
]);
export type PartSpec = z.infer<typeof PartSpec>;

/** A message on the plan queue: unit codes and the run's identity, never a unit's data. */
export const PlanTask = z.discriminatedUnion('task', [
  z.object({ task: z.literal('part'), run: RunRef, part: PartSpec }),
  z.object({ task: z.literal('finish'), run: RunRef }),
]);
export type PlanTask = z.infer<typeof PlanTask>;
