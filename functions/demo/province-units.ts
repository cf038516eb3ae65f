import type { Level, UnitRecord } from '../core/snapshot/entities.ts';
import { deriveSeed, mulberry32, shuffled, type Rng } from './prng.ts';
import { APPENDIX_2, APPENDIX_3, APPENDIX_4, DISTRICT_LEVELS, type DistrictLevel, type SeedTally } from './seed004.ts';
import { splitExact, spreadWithin } from './split-counts.ts';

/** Active records a unit must hold per level: `total` active, of which `unverified` not verified. */
export type PlannedCounts = Partial<Record<Level, SeedTally>>;

export interface ProvinceUnit {
  unit: UnitRecord;
  students: PlannedCounts;
  staff: PlannedCounts;
}

export interface ProvinceOptions {
  /** multiplies every count of the seed's tables (rounded); 1 reproduces them exactly */
  scale?: number;
  seed?: number;
}

export const DEPARTMENT_CODE = 'SGDHP';
const EMAIL_DOMAIN = 'haiphong.dondoc.example';

/** Phụ lục 4's district offices in printed order, with the short code their schools' codes use. */
const DISTRICTS: readonly { name: string; abbr: string }[] = [
  { name: 'Bạch Long Vĩ', abbr: 'BLV' },
  { name: 'Hồng Bàng', abbr: 'HB' },
  { name: 'Ngô Quyền', abbr: 'NQ' },
  { name: 'Lê Chân', abbr: 'LC' },
  { name: 'Hải An', abbr: 'HA' },
  { name: 'Kiến An', abbr: 'KA' },
  { name: 'Đồ Sơn', abbr: 'DS' },
  { name: 'Dương Kinh', abbr: 'DK' },
  { name: 'Thủy Nguyên', abbr: 'TN' },
  { name: 'An Dương', abbr: 'AD' },
  { name: 'An Lão', abbr: 'AL' },
  { name: 'Kiến Thụy', abbr: 'KT' },
  { name: 'Tiên Lãng', abbr: 'TL' },
  { name: 'Vĩnh Bảo', abbr: 'VB' },
  { name: 'Cát Hải', abbr: 'CH' },
];

/** Communes and islands some upper-secondary schools are named after, and the district they lie in. */
const PLACE_DISTRICT: Readonly<Record<string, string>> = {
  'Cát Bà': 'Cát Hải',
  'Bạch Đằng': 'Thủy Nguyên',
  'Thủy Sơn': 'Thủy Nguyên',
  'Quảng Thanh': 'Thủy Nguyên',
  'Nam Triệu': 'Thủy Nguyên',
  'Cộng Hiền': 'Vĩnh Bảo',
  'Hùng Thắng': 'Tiên Lãng',
  'Toàn Thắng': 'Tiên Lãng',
  'Thụy Hương': 'Kiến Thụy',
  'Đồng Hoà': 'Kiến An',
};

/** Typical school sizes (students) used to decide how many schools a district's level count is spread over. */
const SCHOOL_SIZE: Record<DistrictLevel, number> = { MN: 420, TH: 850, THCS: 750 };

const SCHOOL_STEMS: Record<DistrictLevel, readonly string[]> = {
  MN: ['Hoa Sen', 'Hoa Mai', 'Hoa Hồng', 'Sơn Ca', 'Họa Mi', 'Ánh Dương', 'Bình Minh', 'Tuổi Thơ', 'Hướng Dương', 'Măng Non', 'Sao Mai', 'Hoa Phượng', 'Hoa Lan', 'Thỏ Ngọc', 'Mầm Xanh', 'Hoa Đào'],
  TH: ['Lê Lợi', 'Kim Đồng', 'Lý Tự Trọng', 'Võ Thị Sáu', 'Nguyễn Văn Trỗi', 'Trần Quốc Toản', 'Lê Văn Tám', 'Đinh Tiên Hoàng', 'Nguyễn Du', 'Quang Trung', 'Ngô Gia Tự', 'Tô Vĩnh Diện', 'Bế Văn Đàn', 'Lương Thế Vinh', 'Phan Đình Phùng', 'Trưng Vương'],
  THCS: ['Chu Văn An', 'Trần Phú', 'Nguyễn Trãi', 'Lê Quý Đôn', 'Phan Bội Châu', 'Hồng Bàng', 'Lý Thường Kiệt', 'Trần Hưng Đạo', 'Nguyễn Bỉnh Khiêm', 'Hùng Vương', 'Ngô Quyền', 'Lê Hồng Phong', 'Tô Hiệu', 'Nguyễn Huệ', 'Văn Lang', 'Bạch Đằng'],
};

const scaled = (n: number, scale: number) => Math.round(n * scale);

function scaleTally(t: SeedTally, scale: number): SeedTally {
  const total = scaled(t.total, scale);
  return { total, unverified: Math.min(total, scaled(t.unverified, scale)) };
}

/**
 * The levels a Phụ lục 2 school teaches, read from its name. "PT …" (trường phổ thông)
 * names a general school without saying which levels; Hải Phòng's PT schools (Lý Thái Tổ,
 * Hermann Gmeiner, Anhtxanh) are read as primary-to-upper-secondary, so the department's
 * own TH and THCS pupils (Phụ lục 4, "Trực thuộc sở") are spread over them too.
 */
export function levelsFromSchoolName(name: string): Level[] {
  if (/^TH\s*-\s*THCS\s*-\s*THPT\b/.test(name)) return ['TH', 'THCS', 'THPT'];
  if (/^THCS\s*-\s*THPT\b/.test(name)) return ['THCS', 'THPT'];
  if (/^PT\s/.test(name)) return ['TH', 'THCS', 'THPT'];
  return ['THPT'];
}

/** A best guess from the name: a district's name in it, or a commune known to lie in one, else the city. */
export function districtFromName(name: string): string {
  for (const [place, district] of Object.entries(PLACE_DISTRICT)) if (name.includes(place)) return district;
  return DISTRICTS.find((d) => name.includes(d.name))?.name ?? 'Hải Phòng';
}

function emails(code: string, head: string): Pick<UnitRecord, 'headEmail' | 'officerEmail'> {
  const local = code.toLowerCase();
  return { headEmail: `${head}.${local}@${EMAIL_DOMAIN}`, officerEmail: `csdl.${local}@${EMAIL_DOMAIN}` };
}

/** Weights around 1 so that split schools differ in size the way real ones do. */
const jitter = (rng: Rng, n: number, spread = 0.4) => Array.from({ length: n }, () => 1 - spread + 2 * spread * rng.next());

/**
 * Spreads one level's seed figures over schools: totals in proportion to the weights,
 * unverified records clustered by a squared random weight but never beyond a school's total.
 */
function spreadLevel(tally: SeedTally, weights: readonly number[], rng: Rng): SeedTally[] {
  const totals = splitExact(tally.total, weights);
  const unverified = spreadWithin(tally.unverified, totals, totals.map((t) => t * rng.next() ** 2), rng);
  return totals.map((total, i) => ({ total, unverified: unverified[i] as number }));
}

function districtSchools(district: (typeof DISTRICTS)[number], row: (typeof APPENDIX_4.districts)[number], officeCode: string, scale: number, seed: number): ProvinceUnit[] {
  const out: ProvinceUnit[] = [];
  for (const level of DISTRICT_LEVELS) {
    const studentsRow = row.students[level];
    const staffRow = row.staff[level];
    if (!studentsRow && !staffRow) continue;
    const students = scaleTally(studentsRow ?? { total: 0, unverified: 0 }, scale);
    const staff = scaleTally(staffRow ?? { total: 0, unverified: 0 }, scale);
    if (students.total === 0 && staff.total === 0) continue;
    const rng = mulberry32(deriveSeed(seed, 'district', district.abbr, level));
    const count = Math.max(1, Math.round(students.total / SCHOOL_SIZE[level]));
    const weights = jitter(rng, count);
    const studentParts = spreadLevel(students, weights, rng);
    const staffParts = spreadLevel(staff, weights.map((w) => w * (0.9 + 0.2 * rng.next())), rng);
    const stems = shuffled(SCHOOL_STEMS[level], rng);
    for (let i = 0; i < count; i++) {
      const code = `${district.abbr}-${level}${String(i + 1).padStart(3, '0')}`;
      const round = Math.floor(i / stems.length);
      const name = `${level} ${stems[i % stems.length]}${round > 0 ? ` ${round + 1}` : ''}`;
      out.push({
        unit: {
          unitCode: code,
          unitName: name,
          unitKind: 'school',
          levels: [level],
          parentCode: officeCode,
          district: district.name,
          ...emails(code, 'hieutruong'),
        },
        students: { [level]: studentParts[i] as SeedTally },
        staff: { [level]: staffParts[i] as SeedTally },
      });
    }
  }
  return out;
}

/** Phụ lục 2's schools; the multi-level ones also share the department's own TH / THCS figures (Phụ lục 4, "Trực thuộc sở"). */
function upperSecondarySchools(scale: number, seed: number): ProvinceUnit[] {
  const schools: ProvinceUnit[] = APPENDIX_2.rows.map((row, i) => {
    const code = `THPT${String(i + 1).padStart(3, '0')}`;
    return {
      unit: {
        unitCode: code,
        unitName: row.name,
        unitKind: 'school',
        levels: levelsFromSchoolName(row.name),
        parentCode: DEPARTMENT_CODE,
        district: districtFromName(row.name),
        ...emails(code, 'hieutruong'),
      },
      students: { THPT: scaleTally(row.students, scale) },
      staff: { THPT: scaleTally(row.staff, scale) },
    };
  });
  const direct = APPENDIX_4.direct;
  for (const level of DISTRICT_LEVELS) {
    const teaching = schools.filter((s) => s.unit.levels.includes(level));
    const rng = mulberry32(deriveSeed(seed, 'direct', level));
    const weights = jitter(rng, teaching.length, 0.5);
    for (const entity of ['students', 'staff'] as const) {
      const row = direct[entity][level];
      if (!row || teaching.length === 0) continue;
      const parts = spreadLevel(scaleTally(row, scale), weights, rng);
      teaching.forEach((s, i) => {
        s[entity][level] = parts[i] as SeedTally;
      });
    }
  }
  return schools;
}

function centres(scale: number): ProvinceUnit[] {
  return APPENDIX_3.rows.map((row, i) => {
    const code = `GDTX${String(i + 1).padStart(2, '0')}`;
    const district = /(?:quận|huyện)\s+(.+)$/.exec(row.name)?.[1] ?? 'Hải Phòng';
    return {
      unit: { unitCode: code, unitName: row.name, unitKind: 'centre', levels: ['GDTX'], parentCode: DEPARTMENT_CODE, district, ...emails(code, 'giamdoc') },
      students: { GDTX: scaleTally(row.students, scale) },
      staff: { GDTX: scaleTally(row.staff, scale) },
    };
  });
}

/**
 * Every unit of the demo province with the active / unverified counts it must hold, in
 * a fixed order: the department, the district offices (Phụ lục 4 order) each followed by
 * its schools, the Phụ lục 2 schools, the Phụ lục 3 centres. At scale 1 the counts add
 * up to Phụ lục 2, 3 and 4 row by row.
 */
export function buildProvinceUnits(opts: ProvinceOptions = {}): ProvinceUnit[] {
  const scale = opts.scale ?? 1;
  const seed = opts.seed ?? 2023;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be a positive number, got ${scale}`);
  const units: ProvinceUnit[] = [
    {
      unit: {
        unitCode: DEPARTMENT_CODE,
        unitName: 'Sở Giáo dục và Đào tạo Hải Phòng',
        unitKind: 'department',
        levels: [],
        district: 'Hải Phòng',
        ...emails(DEPARTMENT_CODE, 'giamdoc'),
      },
      students: {},
      staff: {},
    },
  ];
  DISTRICTS.forEach((district, i) => {
    const row = APPENDIX_4.districts[i];
    if (!row || row.name !== district.name) throw new Error(`district table out of step with Phụ lục 4 at ${district.name}`);
    const officeCode = `PGD${String(i + 1).padStart(2, '0')}`;
    units.push({
      unit: {
        unitCode: officeCode,
        unitName: `Phòng GDĐT ${district.name}`,
        unitKind: 'district_office',
        levels: [],
        parentCode: DEPARTMENT_CODE,
        district: district.name,
        ...emails(officeCode, 'truongphong'),
      },
      students: {},
      staff: {},
    });
    units.push(...districtSchools(district, row, officeCode, scale, seed));
  });
  units.push(...upperSecondarySchools(scale, seed), ...centres(scale));
  return units;
}
