import type { EntityKind, EntityRecord, RecordOf } from './entities.ts';

/**
 * Where each column's parsed value goes in the entity's record. Personal columns are
 * absent: a name leaves only `hasFullName`, a national ID only `hasNationalId` and its hash.
 */
export const RECORD_KEYS = {
  units: {
    unit_code: 'unitCode',
    unit_name: 'unitName',
    unit_kind: 'unitKind',
    levels: 'levels',
    parent_code: 'parentCode',
    district: 'district',
    head_email: 'headEmail',
    officer_email: 'officerEmail',
  },
  students: {
    unit_code: 'unitCode',
    student_code: 'studentCode',
    birth_date: 'birthDate',
    level: 'level',
    class_name: 'className',
    id_verification: 'idVerification',
    status: 'status',
    status_effective_date: 'statusEffectiveDate',
    updated_at: 'updatedAt',
    school_year: 'schoolYear',
  },
  staff: {
    unit_code: 'unitCode',
    staff_code: 'staffCode',
    birth_date: 'birthDate',
    level: 'level',
    role: 'role',
    contract: 'contract',
    qualification: 'qualification',
    pedagogy_certificate: 'pedagogyCertificate',
    id_verification: 'idVerification',
    reviewed_at: 'reviewedAt',
    status: 'status',
    status_effective_date: 'statusEffectiveDate',
    updated_at: 'updatedAt',
    school_year: 'schoolYear',
  },
  profiles: {
    unit_code: 'unitCode',
    ward: 'ward',
    district: 'district',
    province: 'province',
    accreditation_level: 'accreditationLevel',
    national_standard_level: 'nationalStandardLevel',
    online_learning: 'onlineLearning',
    uses_computers: 'usesComputers',
    internet: 'internet',
    electricity: 'electricity',
    clean_water: 'cleanWater',
    drinking_water: 'drinkingWater',
    declared_students: 'declaredStudents',
    declared_staff: 'declaredStaff',
    change_effective_date: 'changeEffectiveDate',
    updated_at: 'updatedAt',
    school_year: 'schoolYear',
  },
  reports: { unit_code: 'unitCode', period: 'period', submitted_at: 'submittedAt', approved_at: 'approvedAt' },
  explanations: {
    unit_code: 'unitCode',
    entity: 'entity',
    record_code: 'recordCode',
    cause: 'cause',
    remedy: 'remedy',
    expected_date: 'expectedDate',
  },
} as const satisfies { [E in EntityKind]: Record<string, keyof RecordOf<E>> };

/** The column holding the code a record is known by, and a reader of that code in an accepted record. */
export interface RecordCode {
  column: string;
  read: (record: Record<string, unknown>) => string;
}

/**
 * The code each entity's records are known by, where the contract makes it unique: a
 * person's within its unit, a unit's own in a units file. Each reader reads one field of one
 * record shape, where reading the field by a name held in a variable was a megamorphic
 * lookup on every row. The codes are required strings of the contract, so an accepted
 * record always has one.
 */
export const RECORD_CODE: Partial<Record<EntityKind, RecordCode>> = {
  students: { column: 'student_code', read: (record) => record.studentCode as string },
  staff: { column: 'staff_code', read: (record) => record.staffCode as string },
  units: { column: 'unit_code', read: (record) => record.unitCode as string },
};

/**
 * A person's record with every field it can have, unset: records of one shape let V8 read
 * a field at one fixed place in every record of a province's file, where records shaped
 * by whichever cells happened to be filled made each rule's reads search among many.
 */
function personTemplate(entity: 'students' | 'staff'): Readonly<Record<string, unknown>> {
  const template: Record<string, unknown> = { hasFullName: false, hasNationalId: false, nationalIdHash: undefined, repeatsCode: undefined };
  for (const key of Object.values(RECORD_KEYS[entity])) template[key] = undefined;
  return template;
}

/**
 * A function making a copy of the template as an object literal: V8 allocates a literal at
 * its one shape in a single step, where spreading the template copies it field by field,
 * for every row of a file. The code is made from the key table's field names only.
 */
function literalOf(template: Readonly<Record<string, unknown>>): () => Record<string, unknown> {
  const fields = Object.entries(template).map(([key, value]) => `${JSON.stringify(key)}: ${value === false ? 'false' : 'undefined'}`);
  return new Function(`return () => ({ ${fields.join(', ')} });`)() as () => Record<string, unknown>;
}

/**
 * Makers of a record before any column is read: the fields every record has whatever the
 * file's columns. A person's lists every field, undefined until read (undefined means not given).
 */
const BLANK_RECORD_MAKERS: { readonly [E in EntityKind]: () => Record<string, unknown> } = {
  students: literalOf(personTemplate('students')),
  staff: literalOf(personTemplate('staff')),
  units: () => ({ levels: [] }),
  profiles: () => ({}),
  reports: () => ({}),
  explanations: () => ({}),
};

/** The maker of the entity's blank record, chosen once per file so that no row compares entity names. */
export function blankRecordMaker(entity: EntityKind): () => Record<string, unknown> {
  return BLANK_RECORD_MAKERS[entity];
}

/** Wraps a record the row validator filled column by column; the column contract is what makes it an EntityRecord. */
export function entityRecord(entity: EntityKind, record: Record<string, unknown>): EntityRecord {
  return { entity, record } as unknown as EntityRecord;
}
