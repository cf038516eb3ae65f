import { Rule, type Applicability, type Catalog, type Deadline, type Requirement } from '../../../functions/core/catalog/schema.ts';
import { SnapshotAccumulator } from '../../../functions/core/evaluation/accumulator.ts';
import type { UnitEntitySummary, UnitState } from '../../../functions/core/evaluation/types.ts';
import type {
  EntityRecord,
  ProfileRecord,
  StaffRecord,
  StudentRecord,
  UnitRecord,
} from '../../../functions/core/snapshot/entities.ts';
import { parseInstant } from '../../../functions/core/time.ts';

/** An instant written the way the dispatches write it: Vietnam time unless an offset is given. */
export const vn = (text: string): number => parseInstant(text);

export function requirement(
  id: string,
  rule: Record<string, unknown>,
  opts: { dispatch?: string; appliesTo?: Applicability; deadlines?: Deadline[] } = {},
): Requirement {
  const parsed = Rule.parse(rule);
  const dispatchId = opts.dispatch ?? 'cv-test';
  return {
    id: `${dispatchId}/${id}`,
    dispatchId,
    title: id,
    source: '§1',
    entity: parsed.entity,
    rule: parsed,
    appliesTo: opts.appliesTo ?? {},
    deadlines: opts.deadlines ?? [],
  };
}

export function catalogOf(...requirements: Requirement[]): Catalog {
  const ids = [...new Set(requirements.map((r) => r.dispatchId))];
  return {
    dispatches: ids.map((id) => ({
      id,
      issuer: 'Sở GDĐT',
      number: '1/SGDĐT',
      date: '2023-06-01',
      title: id,
      requirements: requirements.filter((r) => r.dispatchId === id),
    })),
  };
}

export function unit(code: string, over: Partial<UnitRecord> = {}): UnitRecord {
  return { unitCode: code, unitName: `Trường ${code}`, unitKind: 'school', levels: ['THPT'], parentCode: 'SO', ...over };
}

export function student(unitCode: string, code: string, over: Partial<StudentRecord> = {}): EntityRecord {
  return {
    entity: 'students',
    record: { unitCode, studentCode: code, hasFullName: true, hasNationalId: true, idVerification: 'verified', ...over },
  };
}

export function staff(unitCode: string, code: string, over: Partial<StaffRecord> = {}): EntityRecord {
  return {
    entity: 'staff',
    record: { unitCode, staffCode: code, hasFullName: true, hasNationalId: true, idVerification: 'verified', ...over },
  };
}

export function profile(unitCode: string, over: Partial<ProfileRecord> = {}): EntityRecord {
  return { entity: 'profiles', record: { unitCode, ...over } };
}

export function report(unitCode: string, period: string, submittedAt?: number): EntityRecord {
  return { entity: 'reports', record: { unitCode, period, ...(submittedAt === undefined ? {} : { submittedAt }) } };
}

export function summarise(requirements: readonly Requirement[], asOf: number, records: readonly EntityRecord[]): UnitEntitySummary[] {
  const acc = new SnapshotAccumulator(requirements, { asOf, source: 'test' });
  for (const rec of records) acc.add(rec);
  return acc.summaries();
}

/** Later summaries replace earlier ones for the same unit × entity, as the state store does. */
export function statesOf(...summaries: UnitEntitySummary[][]): Map<string, UnitState> {
  const states = new Map<string, UnitState>();
  for (const s of summaries.flat()) {
    const state = states.get(s.unit) ?? {};
    state[s.entity] = s;
    states.set(s.unit, state);
  }
  return states;
}

export function registryOf(...units: UnitRecord[]): Map<string, UnitRecord> {
  return new Map(units.map((u) => [u.unitCode, u]));
}
