import type { IdentityTally, UnitEntitySummary } from '../../../functions/core/evaluation/types.ts';
import type { Level, UnitRecord } from '../../../functions/core/snapshot/entities.ts';
import { parseInstant } from '../../../functions/core/time.ts';

/** A small hand-built province for the identity report's tests. */

export const AS_OF = parseInstant('2023-06-23T11:30:00+07:00');

const unit = (u: Omit<UnitRecord, 'levels'> & { levels?: UnitRecord['levels'] }): UnitRecord => ({ levels: [], ...u });

export const REGISTRY: ReadonlyMap<string, UnitRecord> = new Map(
  [
    unit({ unitCode: 'SGD', unitName: 'Sở GDĐT Hải Phòng', unitKind: 'department' }),
    unit({ unitCode: 'PGD1', unitName: 'Phòng GDĐT Hồng Bàng', unitKind: 'district_office', parentCode: 'SGD', district: 'Hồng Bàng' }),
    unit({ unitCode: 'PGD2', unitName: 'Phòng GDĐT Kiến An', unitKind: 'district_office', parentCode: 'SGD', district: 'Kiến An' }),
    unit({ unitCode: 'MN1', unitName: 'MN Hoa Sen', unitKind: 'school', levels: ['MN'], parentCode: 'PGD1', district: 'Hồng Bàng' }),
    unit({ unitCode: 'TH1', unitName: 'TH Lê Lợi', unitKind: 'school', levels: ['TH'], parentCode: 'PGD1', district: 'Hồng Bàng' }),
    unit({ unitCode: 'THPT1', unitName: 'THPT Phan Chu Trinh', unitKind: 'school', levels: ['THPT'], parentCode: 'SGD' }),
    unit({ unitCode: 'MULTI', unitName: 'TH - THCS - THPT Edison', unitKind: 'school', levels: ['THPT', 'TH', 'THCS'], parentCode: 'SGD' }),
    unit({ unitCode: 'GDTX1', unitName: 'TT GDTX Hải Phòng', unitKind: 'centre', parentCode: 'SGD', district: 'Hải Phòng' }),
  ].map((u) => [u.unitCode, u]),
);

type ByLevel = Partial<Record<Level | '?', IdentityTally>>;
const t = (total: number, unverified: number): IdentityTally => ({ total, unverified });

export function summary(unitCode: string, entity: 'students' | 'staff', byLevel: ByLevel): UnitEntitySummary {
  const rows = Object.values(byLevel).reduce((a, x) => a + (x?.total ?? 0), 0);
  return { unit: unitCode, entity, asOf: AS_OF, rows, byLevel, tallies: {} };
}

export const SUMMARIES: readonly UnitEntitySummary[] = [
  // no level on the records: the school's only level takes them
  summary('MN1', 'students', { '?': t(10, 1) }),
  summary('TH1', 'students', { TH: t(20, 2) }),
  summary('TH1', 'staff', { TH: t(5, 1) }),
  summary('THPT1', 'students', { THPT: t(284, 13) }),
  summary('THPT1', 'staff', { '?': t(52, 44) }),
  // several levels: records without one count only in the unit's totals
  summary('MULTI', 'students', { TH: t(30, 3), THCS: t(40, 4), THPT: t(50, 5), '?': t(7, 7) }),
  summary('MULTI', 'staff', { TH: t(4, 0), THCS: t(3, 1), THPT: t(6, 2) }),
  // a centre declaring no level: GDTX
  summary('GDTX1', 'students', { '?': t(100, 10) }),
  // a unit that uploaded data but is not in the registry
  summary('GHOST', 'students', { THCS: t(9, 9) }),
  // other entities are not the identity report's business
  { unit: 'TH1', entity: 'profiles', asOf: AS_OF, rows: 1, tallies: {}, byLevel: { TH: t(999, 999) } },
];
