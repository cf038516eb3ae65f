import type { EntityRecord } from '../snapshot/entities.ts';
import { isTrimmed } from '../snapshot/trimmed-char.ts';

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

/** The expression reading `field` from `record`: its presence flag, or its value. */
function fieldExpression(field: string): string {
  const flag = PRESENCE_FLAGS[field];
  return flag ? `(record[${JSON.stringify(flag)}] === true ? true : undefined)` : `record[${JSON.stringify(camelCase(field))}]`;
}

/**
 * Reads a canonical snake_case column from a parsed (camelCase) record. Compiled for its
 * field: one closure for every field would read them all from one site, which V8 then
 * serves the slow way for any key; compiled, each read knows its key and the record's
 * shape. The code is made from the field's name only, as a string literal.
 */
export function fieldReader(field: string): (record: object) => unknown {
  return new Function('record', `return ${fieldExpression(field)};`) as (record: object) => unknown;
}

/**
 * Absent means not given: false and 0 are values a unit declared. A text whose first
 * character trim() would keep is present without trimming it: the validator's texts all
 * are, and trimming each field of each record was 3 % of a check's work.
 */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.length > 0 && (!isTrimmed(value.charCodeAt(0)) || value.trim() !== '');
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Whether every field is present in a record, compiled into one expression for the same reason as fieldReader. */
export function allPresent(fields: readonly string[]): (record: object) => boolean {
  const terms = fields.map((field) => `isPresent(${fieldExpression(field)})`);
  const make = new Function('isPresent', `return (record) => ${terms.length === 0 ? 'true' : terms.join(' && ')};`);
  return make(isPresent) as (record: object) => boolean;
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
