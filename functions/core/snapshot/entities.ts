import { z } from 'zod';

/** The six entity kinds of the snapshot contract (shared/spec/snapshot-format.md). */
export const ENTITY_KINDS = ['units', 'students', 'staff', 'profiles', 'reports', 'explanations'] as const;
export const EntityKind = z.enum(ENTITY_KINDS);
export type EntityKind = z.infer<typeof EntityKind>;

const CANONICAL_ENTITY_KINDS: ReadonlyMap<string, EntityKind> = new Map(ENTITY_KINDS.map((kind) => [kind, kind]));

/**
 * The entity kind `name` names, as the very string of ENTITY_KINDS. Every record carries its
 * entity and the rules compare it row after row. A name made at run time (a file name's
 * match, an argument, parsed JSON) is a string of its own, which V8 turns into a thin string
 * pointing at the literal once it has served as a property key; on Node 20, records stamped
 * with such a string now and then (about one cold run in 40 of batches.test) came out of
 * optimised code as if made for another entity: a student without the blank record's fields.
 * Stamped with the literal, 320 such runs gave none.
 */
export function canonicalEntityKind(name: string): EntityKind | undefined {
  return CANONICAL_ENTITY_KINDS.get(name);
}

export const LEVELS = ['MN', 'TH', 'THCS', 'THPT', 'GDTX'] as const;
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

export const UNIT_KINDS = ['department', 'district_office', 'school', 'centre'] as const;
export const UnitKind = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKind>;

export const ID_VERIFICATION = ['verified', 'unverified', 'mismatch'] as const;
export type IdVerification = (typeof ID_VERIFICATION)[number];
export const STUDENT_STATUS = ['studying', 'repeating', 'dropped_out', 'transferred_out', 'graduated'] as const;
export type StudentStatus = (typeof STUDENT_STATUS)[number];
export const STAFF_STATUS = ['working', 'left', 'retired', 'transferred_out'] as const;
export type StaffStatus = (typeof STAFF_STATUS)[number];
export const STAFF_ROLES = ['manager', 'teacher', 'employee'] as const;
export const STAFF_CONTRACTS = ['permanent', 'contract', 'visiting'] as const;

export type ValueType =
  | 'string'
  | 'email'
  | 'date'
  | 'dateOrYear'
  | 'timestamp'
  | 'schoolYear'
  | 'boolean'
  | 'integer'
  | 'nationalId'
  | 'levels'
  | 'enum';

export interface ColumnSpec {
  /** canonical column name (snake_case, English) */
  name: string;
  aliases: readonly string[];
  type: ValueType;
  required?: boolean;
  /** personal data: read for validation only, masked in reports, never stored */
  personal?: boolean;
  /** enumeration: canonical value → accepted Vietnamese labels */
  labels?: Readonly<Record<string, readonly string[]>>;
  /** inclusive bounds for integers */
  min?: number;
  max?: number;
}

const verification = {
  verified: ['Đã xác thực', 'Đã đồng bộ', 'Xác thực'],
  unverified: ['Chưa xác thực', 'Chưa đồng bộ'],
  mismatch: ['Sai thông tin', 'Không khớp'],
} as const;

const levelLabels = {
  MN: ['Mầm non'],
  TH: ['Tiểu học'],
  THCS: ['Trung học cơ sở'],
  THPT: ['Trung học phổ thông'],
  GDTX: ['Giáo dục thường xuyên'],
} as const;

/** Column contract per entity. Order is the canonical column order for exports. */
export const COLUMNS: Readonly<Record<EntityKind, readonly ColumnSpec[]>> = {
  units: [
    { name: 'unit_code', aliases: ['Mã đơn vị', 'Mã trường'], type: 'string', required: true },
    { name: 'unit_name', aliases: ['Tên đơn vị', 'Tên trường'], type: 'string', required: true },
    {
      name: 'unit_kind',
      aliases: ['Loại đơn vị'],
      type: 'enum',
      required: true,
      labels: {
        department: ['Sở', 'Sở GDĐT', 'Sở Giáo dục và Đào tạo'],
        district_office: ['Phòng GDĐT', 'Phòng', 'Phòng Giáo dục và Đào tạo'],
        school: ['Trường'],
        centre: ['Trung tâm', 'Trung tâm GDNN-GDTX', 'Trung tâm GDTX', 'TT GDNN-GDTX', 'TT GDTX'],
      },
    },
    { name: 'levels', aliases: ['Cấp học'], type: 'levels', labels: levelLabels },
    { name: 'parent_code', aliases: ['Mã đơn vị quản lý'], type: 'string' },
    { name: 'district', aliases: ['Quận/Huyện'], type: 'string' },
    { name: 'head_email', aliases: ['Email thủ trưởng'], type: 'email' },
    { name: 'officer_email', aliases: ['Email cán bộ phụ trách'], type: 'email' },
  ],
  students: [
    { name: 'unit_code', aliases: ['Mã trường'], type: 'string', required: true },
    { name: 'student_code', aliases: ['Mã học sinh'], type: 'string', required: true },
    { name: 'full_name', aliases: ['Họ và tên'], type: 'string', personal: true },
    { name: 'birth_date', aliases: ['Ngày sinh'], type: 'date' },
    { name: 'level', aliases: ['Cấp học'], type: 'enum', labels: levelLabels },
    { name: 'class_name', aliases: ['Lớp'], type: 'string' },
    { name: 'national_id', aliases: ['Số định danh cá nhân', 'Số CCCD'], type: 'nationalId', personal: true },
    { name: 'id_verification', aliases: ['Trạng thái xác thực'], type: 'enum', required: true, labels: verification },
    {
      name: 'status',
      aliases: ['Trạng thái học'],
      type: 'enum',
      labels: {
        studying: ['Đang học'],
        repeating: ['Lưu ban'],
        dropped_out: ['Bỏ học'],
        transferred_out: ['Chuyển đi', 'Chuyển trường'],
        graduated: ['Tốt nghiệp'],
      },
    },
    { name: 'status_effective_date', aliases: ['Ngày hiệu lực'], type: 'date' },
    { name: 'updated_at', aliases: ['Ngày cập nhật'], type: 'timestamp' },
    { name: 'school_year', aliases: ['Năm học'], type: 'schoolYear' },
  ],
  staff: [
    { name: 'unit_code', aliases: ['Mã trường'], type: 'string', required: true },
    { name: 'staff_code', aliases: ['Mã cán bộ'], type: 'string', required: true },
    { name: 'full_name', aliases: ['Họ và tên'], type: 'string', personal: true },
    { name: 'birth_date', aliases: ['Ngày sinh', 'Năm sinh'], type: 'dateOrYear' },
    { name: 'level', aliases: ['Cấp học'], type: 'enum', labels: levelLabels },
    {
      name: 'role',
      aliases: ['Chức vụ'],
      type: 'enum',
      labels: { manager: ['CBQL', 'Cán bộ quản lý'], teacher: ['GV', 'Giáo viên'], employee: ['NV', 'Nhân viên'] },
    },
    {
      name: 'contract',
      aliases: ['Hình thức hợp đồng'],
      type: 'enum',
      labels: { permanent: ['Biên chế'], contract: ['Hợp đồng'], visiting: ['Thỉnh giảng'] },
    },
    { name: 'qualification', aliases: ['Trình độ đào tạo'], type: 'string' },
    { name: 'pedagogy_certificate', aliases: ['Chứng chỉ NVSP'], type: 'boolean' },
    { name: 'national_id', aliases: ['Số định danh cá nhân', 'Số CCCD'], type: 'nationalId', personal: true },
    { name: 'id_verification', aliases: ['Trạng thái xác thực'], type: 'enum', required: true, labels: verification },
    { name: 'reviewed_at', aliases: ['Ngày xác nhận rà soát'], type: 'timestamp' },
    {
      name: 'status',
      aliases: ['Trạng thái'],
      type: 'enum',
      labels: {
        working: ['Đang làm việc', 'Đang công tác'],
        left: ['Nghỉ việc', 'Thôi việc'],
        retired: ['Nghỉ hưu'],
        transferred_out: ['Chuyển đi', 'Chuyển công tác'],
      },
    },
    { name: 'status_effective_date', aliases: ['Ngày hiệu lực'], type: 'date' },
    { name: 'updated_at', aliases: ['Ngày cập nhật'], type: 'timestamp' },
    { name: 'school_year', aliases: ['Năm học'], type: 'schoolYear' },
  ],
  profiles: [
    { name: 'unit_code', aliases: ['Mã trường'], type: 'string', required: true },
    { name: 'ward', aliases: ['Xã/Phường'], type: 'string' },
    { name: 'district', aliases: ['Quận/Huyện'], type: 'string' },
    { name: 'province', aliases: ['Tỉnh/TP', 'Tỉnh/Thành phố'], type: 'string' },
    { name: 'accreditation_level', aliases: ['Mức độ kiểm định'], type: 'integer', min: 0, max: 4 },
    { name: 'national_standard_level', aliases: ['Mức chuẩn quốc gia'], type: 'integer', min: 0, max: 2 },
    { name: 'online_learning', aliases: ['Học trực tuyến'], type: 'boolean' },
    { name: 'uses_computers', aliases: ['Sử dụng máy tính'], type: 'boolean' },
    { name: 'internet', aliases: ['Internet'], type: 'boolean' },
    { name: 'electricity', aliases: ['Có điện'], type: 'boolean' },
    { name: 'clean_water', aliases: ['Nước sạch'], type: 'boolean' },
    { name: 'drinking_water', aliases: ['Nước uống'], type: 'boolean' },
    { name: 'declared_students', aliases: ['Tổng số học sinh'], type: 'integer', min: 0 },
    { name: 'declared_staff', aliases: ['Tổng số nhân sự'], type: 'integer', min: 0 },
    { name: 'change_effective_date', aliases: ['Ngày hiệu lực thay đổi'], type: 'date' },
    { name: 'updated_at', aliases: ['Ngày cập nhật'], type: 'timestamp' },
    { name: 'school_year', aliases: ['Năm học'], type: 'schoolYear' },
  ],
  reports: [
    { name: 'unit_code', aliases: ['Mã đơn vị'], type: 'string', required: true },
    { name: 'period', aliases: ['Kỳ báo cáo'], type: 'string', required: true },
    { name: 'submitted_at', aliases: ['Ngày nộp'], type: 'timestamp' },
    { name: 'approved_at', aliases: ['Ngày duyệt'], type: 'timestamp' },
  ],
  explanations: [
    { name: 'unit_code', aliases: ['Mã đơn vị'], type: 'string', required: true },
    {
      name: 'entity',
      aliases: ['Đối tượng'],
      type: 'enum',
      required: true,
      labels: { students: ['Học sinh', 'HS'], staff: ['Cán bộ', 'Nhân sự', 'CBGVNV'] },
    },
    { name: 'record_code', aliases: ['Mã học sinh / Mã cán bộ', 'Mã học sinh', 'Mã cán bộ'], type: 'string', required: true },
    { name: 'cause', aliases: ['Nguyên nhân'], type: 'string' },
    { name: 'remedy', aliases: ['Biện pháp khắc phục'], type: 'string' },
    { name: 'expected_date', aliases: ['Thời gian dự kiến hoàn thành'], type: 'date' },
  ],
};

/**
 * Parsed records, after value parsing and with personal data reduced to what validation
 * and the "sạch" (clean) rules need. Names never survive parsing; a national ID survives
 * only as `hasNationalId` and an in-memory 52-bit hash for duplicate detection, which is
 * never serialised.
 */
export interface UnitRecord {
  unitCode: string;
  unitName: string;
  unitKind: UnitKind;
  levels: Level[];
  parentCode?: string;
  district?: string;
  headEmail?: string;
  officerEmail?: string;
}

interface PersonRecordBase {
  unitCode: string;
  level?: Level;
  className?: string;
  hasFullName: boolean;
  hasNationalId: boolean;
  nationalIdHash?: number;
  /** an earlier valid row of the same file had this unit and code (the reader warns duplicate_record_code) */
  repeatsCode?: true;
  idVerification: IdVerification;
  statusEffectiveDate?: string;
  updatedAt?: number;
  schoolYear?: string;
}

export interface StudentRecord extends PersonRecordBase {
  studentCode: string;
  birthDate?: string;
  status?: StudentStatus;
}

export interface StaffRecord extends PersonRecordBase {
  staffCode: string;
  /** 'YYYY-MM-DD', or 'YYYY' when the register holds only the birth year */
  birthDate?: string;
  role?: (typeof STAFF_ROLES)[number];
  contract?: (typeof STAFF_CONTRACTS)[number];
  qualification?: string;
  pedagogyCertificate?: boolean;
  reviewedAt?: number;
  status?: StaffStatus;
}

export interface ProfileRecord {
  unitCode: string;
  ward?: string;
  district?: string;
  province?: string;
  accreditationLevel?: number;
  nationalStandardLevel?: number;
  onlineLearning?: boolean;
  usesComputers?: boolean;
  internet?: boolean;
  electricity?: boolean;
  cleanWater?: boolean;
  drinkingWater?: boolean;
  declaredStudents?: number;
  declaredStaff?: number;
  changeEffectiveDate?: string;
  updatedAt?: number;
  schoolYear?: string;
}

export interface ReportRecord {
  unitCode: string;
  period: string;
  submittedAt?: number;
  approvedAt?: number;
}

export interface ExplanationRecord {
  unitCode: string;
  entity: 'students' | 'staff';
  recordCode: string;
  cause?: string;
  remedy?: string;
  expectedDate?: string;
}

export type EntityRecord =
  | { entity: 'units'; record: UnitRecord }
  | { entity: 'students'; record: StudentRecord }
  | { entity: 'staff'; record: StaffRecord }
  | { entity: 'profiles'; record: ProfileRecord }
  | { entity: 'reports'; record: ReportRecord }
  | { entity: 'explanations'; record: ExplanationRecord };

export type RecordOf<E extends EntityKind> = Extract<EntityRecord, { entity: E }>['record'];

export const STUDENT_ACTIVE: ReadonlySet<string> = new Set(['studying', 'repeating']);
export const STAFF_ACTIVE: ReadonlySet<string> = new Set(['working']);

/** Active per the identity statistics of seed 004: students studying/repeating/no status; staff working/no status. */
export function isActive(entity: 'students' | 'staff', status: string | undefined): boolean {
  if (status === undefined) return true;
  return entity === 'students' ? STUDENT_ACTIVE.has(status) : STAFF_ACTIVE.has(status);
}
