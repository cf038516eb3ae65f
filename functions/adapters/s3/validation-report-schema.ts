import { z } from 'zod';
import { ENTITY_KINDS } from '../../core/snapshot/entities.ts';
import type { IssueCode, ValidationReport } from '../../core/snapshot/validation-report.ts';

const ISSUE_CODES = [
  'missing_required_column',
  'duplicate_column',
  'unknown_column',
  'required_value_missing',
  'invalid_value',
  'encoding',
  'duplicate_record_code',
  'duplicate_unit_code',
  'invalid_parent',
  'malformed_row',
  'invalid_json',
  'empty_file',
  'unreadable_file',
  'invalid_metadata',
] as const satisfies readonly IssueCode[];

/* A report read back from the bucket is outside data like any other: it is parsed before the dashboard shows it. */
const Issue = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.enum(ISSUE_CODES),
  row: z.number().int().optional(),
  column: z.string().optional(),
  field: z.string().optional(),
  value: z.string().optional(),
  messageVi: z.string(),
  messageEn: z.string(),
});

export const ValidationReportSchema = z.object({
  file: z.string(),
  entity: z.enum(ENTITY_KINDS).optional(),
  format: z.enum(['csv', 'xlsx', 'ndjson']).optional(),
  rows: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  issues: z.array(Issue),
  truncated: z.boolean(),
  unknownColumns: z.array(z.string()),
  ok: z.boolean(),
}) satisfies z.ZodType<ValidationReport, unknown>;
