import type { EntityRecord } from '../snapshot/entities.ts';

/** Records that carry data rules judge: everything but the unit registry. */
export type DataRecord = Exclude<EntityRecord, { entity: 'units' }>;

/** Personal columns survive parsing only as presence flags. */
const PRESENCE_FLAGS: Readonly<Record<string, string>> = {
  national_id: 'hasNationalId',
  full_name: 'hasFullName',
};

function camelCase(field: string): string {
  return field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Reads a canonical snake_case column from a parsed (camelCase) record. */
export function fieldReader(field: string): (record: object) => unknown {
  const flag = PRESENCE_FLAGS[field];
  if (flag) return (record) => ((record as Record<string, unknown>)[flag] === true ? true : undefined);
  const key = camelCase(field);
  return (record) => (record as Record<string, unknown>)[key];
}

/** Absent means not given: false and 0 are values a unit declared. */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** The code a failing record is reported by: never a name or an ID number. */
export function recordCode(rec: DataRecord): string {
  switch (rec.entity) {
    case 'students':
      return rec.record.studentCode;
    case 'staff':
      return rec.record.staffCode;
    case 'explanations':
      return rec.record.recordCode;
    default:
      return rec.record.unitCode;
  }
}
