import type { EntityKind, EntityRecord } from '../../../functions/core/snapshot/entities.ts';
import { bufferInput, openSnapshot, type SnapshotInput } from '../../../functions/core/snapshot/open-snapshot.ts';
import type { ValidationIssue, ValidationReport } from '../../../functions/core/snapshot/validation-report.ts';

export interface Read {
  records: EntityRecord['record'][];
  report: ValidationReport;
  entity: EntityKind;
}

/** Opens and drains a snapshot, keeping what a test needs to look at. */
export async function readAll(input: SnapshotInput, entity?: EntityKind): Promise<Read> {
  const opened = await openSnapshot(input, entity ? { entity } : undefined);
  const records: EntityRecord['record'][] = [];
  for await (const rec of opened.records()) records.push(rec.record);
  return { records, report: opened.report, entity: opened.entity };
}

export function readText(name: string, text: string, entity?: EntityKind): Promise<Read> {
  return readAll(bufferInput(name, text), entity);
}

/** The issues without their messages, for exact comparison. */
export function located(report: ValidationReport): Omit<ValidationIssue, 'messageVi' | 'messageEn'>[] {
  return report.issues.map(({ messageVi: _vi, messageEn: _en, ...rest }) => rest);
}

export const STUDENT_HEADER = 'unit_code,student_code,full_name,birth_date,level,class_name,national_id,id_verification,status,status_effective_date,updated_at,school_year';
