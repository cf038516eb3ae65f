import { z } from 'zod';
import { StatusCountsSchema as Counts } from '../evaluation/status-counts-schema.ts';
import { STATUSES } from '../evaluation/types.ts';

const CountTable = z.record(z.string(), Counts);

const OverdueRow = z.object({
  unit: z.string(),
  unitName: z.string(),
  district: z.string().optional(),
  deadline: z.number(),
  daysOverdue: z.number(),
  total: z.number(),
  failing: z.number(),
  rate: z.number(),
});

const EscalationShard = z.object({
  stage: z.enum(['escalation-1', 'escalation-2']),
  requirement: z.string(),
  told: z.string(),
  redirectedTo: z.string().optional(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  keys: z.array(z.object({ unit: z.string(), requirement: z.string(), stage: z.string(), recipient: z.string() })),
  rows: z.array(OverdueRow),
  units: z.number().int(),
  earliest: z.number(),
  latest: z.number(),
});

const BehindRow = z.object({
  unit: z.string(),
  unitName: z.string(),
  district: z.string().optional(),
  requirement: z.string(),
  requirementTitle: z.string(),
  status: z.enum(STATUSES),
  total: z.number(),
  failing: z.number(),
  rate: z.number(),
});

/**
 * What one part of a run leaves for the finish (docs/data-model.md, `PART#`): its counts, its
 * rows of the department's escalations (the first ones only) and its digest candidates. Unit
 * codes, unit names and figures; never a person.
 */
export const PartResult = z.object({
  part: z.string().min(1),
  units: z.number().int(),
  changes: z.number().int(),
  emails: z.number().int(),
  findings: z.number().int(),
  rollups: z.array(z.object({ scope: z.string(), key: z.string(), counts: Counts })),
  departmentEscalations: z.array(EscalationShard),
  digest: z.object({
    results: z.number().int(),
    province: CountTable,
    byLevel: z.record(z.string(), CountTable),
    earliest: z.record(z.string(), z.number()),
    behind: z.array(BehindRow),
  }),
});
export type PartResult = z.infer<typeof PartResult>;
