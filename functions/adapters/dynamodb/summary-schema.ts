import { z } from 'zod';
import type { UnitEntitySummary } from '../../core/evaluation/types.ts';
import { EntityKind, LEVELS } from '../../core/snapshot/entities.ts';

/*
 * The whitelist of what a stored summary may hold. Writing through it as well as reading
 * means a field added to a summary in memory (a name, a national ID) cannot reach the table
 * until someone adds it here on purpose.
 */

const count = z.number().int().nonnegative();
const instant = z.number();

const RequirementTally = z.object({
  total: count,
  failing: count,
  warning: count,
  failingCodes: z.array(z.string()),
  warningCodes: z.array(z.string()),
  lastAt: instant.optional(),
});

const IdentityTally = z.object({ total: count, unverified: count });

const Profile = z.object({
  unitCode: z.string(),
  ward: z.string().optional(),
  district: z.string().optional(),
  province: z.string().optional(),
  accreditationLevel: z.number().optional(),
  nationalStandardLevel: z.number().optional(),
  onlineLearning: z.boolean().optional(),
  usesComputers: z.boolean().optional(),
  internet: z.boolean().optional(),
  electricity: z.boolean().optional(),
  cleanWater: z.boolean().optional(),
  drinkingWater: z.boolean().optional(),
  declaredStudents: z.number().optional(),
  declaredStaff: z.number().optional(),
  changeEffectiveDate: z.string().optional(),
  updatedAt: instant.optional(),
  schoolYear: z.string().optional(),
});

const ExplanationParts = z.object({ cause: z.boolean(), remedy: z.boolean(), expectedDate: z.string().optional() });

export const SummarySchema = z.object({
  unit: z.string().min(1),
  entity: EntityKind,
  asOf: instant,
  source: z.string().optional(),
  rows: count,
  byLevel: z.partialRecord(z.enum([...LEVELS, '?']), IdentityTally).optional(),
  byClass: z.record(z.string(), IdentityTally).optional(),
  unverifiedCodes: z.array(z.string()).optional(),
  maxUpdatedAt: instant.optional(),
  tallies: z.record(z.string(), RequirementTally),
  profile: Profile.optional(),
  reports: z.record(z.string(), z.object({ submittedAt: instant.optional(), approvedAt: instant.optional() })).optional(),
  explanations: z.partialRecord(z.enum(['students', 'staff']), z.record(z.string(), ExplanationParts)).optional(),
}) satisfies z.ZodType<UnitEntitySummary>;
