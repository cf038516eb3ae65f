import type { Level } from '../core/snapshot/entities.ts';

/**
 * The four appendix tables of seed 004 (Hải Phòng, thông báo rà soát dữ liệu, 2023),
 * transcribed as printed: counts, the printed rates (Tỉ lệ %, read with a decimal point)
 * and the printed "Tổng số" rows. The tables disagree with each other and with their own
 * totals in places; docs/seed-004-tables.md lists where, and the seed's test pins each case.
 */

export const SEED_004_AS_OF = '2023-06-23T11:30:00+07:00';

export interface SeedTally {
  total: number;
  unverified: number;
}

export interface PrintedTally extends SeedTally {
  /** the rate as printed, which is not always unverified / total */
  rate: number;
}

export interface PrintedRow {
  name: string;
  students: PrintedTally;
  staff: PrintedTally;
}

export interface Appendix1Row {
  level: Level;
  label: string;
  students: PrintedTally;
  staff: PrintedTally;
}

export type DistrictLevel = 'MN' | 'TH' | 'THCS';
export const DISTRICT_LEVELS: readonly DistrictLevel[] = ['MN', 'TH', 'THCS'];

/** null where the printed pair of cells is blank */
export type LevelPairs = Record<DistrictLevel, SeedTally | null>;

export interface Appendix4Row {
  name: string;
  students: LevelPairs;
  /** the printed "Tổng số HS chưa xác thực" cell */
  studentsUnverified: number;
  staff: LevelPairs;
  /** the printed "Tổng số NS chưa xác thực" cell */
  staffUnverified: number;
}

/** Phụ lục 1: the whole sector by level. */
export const APPENDIX_1: { readonly rows: readonly Appendix1Row[]; readonly printedTotal: Omit<Appendix1Row, 'level' | 'label'> } = {
  rows: [
    { level: 'MN', label: 'MẦM NON', students: { total: 121_149, unverified: 1_204, rate: 0.98 }, staff: { total: 12_675, unverified: 246, rate: 1.93 } },
    { level: 'TH', label: 'TIỂU HỌC', students: { total: 194_206, unverified: 1_427, rate: 0.73 }, staff: { total: 8_712, unverified: 153, rate: 1.77 } },
    { level: 'THCS', label: 'THCS', students: { total: 137_792, unverified: 1_086, rate: 0.79 }, staff: { total: 6_992, unverified: 182, rate: 2.61 } },
    { level: 'THPT', label: 'THPT', students: { total: 69_576, unverified: 216, rate: 0.31 }, staff: { total: 4_271, unverified: 172, rate: 4.1 } },
    { level: 'GDTX', label: 'GDTX', students: { total: 8_634, unverified: 152, rate: 1.79 }, staff: { total: 485, unverified: 3, rate: 0.61 } },
  ],
  printedTotal: { students: { total: 531_357, unverified: 4_085, rate: 0.76 }, staff: { total: 33_135, unverified: 756, rate: 2.28 } },
};

/** Phụ lục 2: the 66 schools with upper-secondary (THPT) classes, in printed order. */
export const APPENDIX_2: { readonly rows: readonly PrintedRow[]; readonly printedTotal: PrintedRow } = {
  printedTotal: { name: 'Tổng Số', students: { total: 69_315, unverified: 129, rate: 0.19 }, staff: { total: 4_191, unverified: 172, rate: 4.1 } },
  rows: [
    { name: 'THPT An Dương', students: { total: 2_204, unverified: 2, rate: 0.09 }, staff: { total: 108, unverified: 0, rate: 0 } },
    { name: 'THPT An Lão', students: { total: 1_524, unverified: 1, rate: 0.07 }, staff: { total: 80, unverified: 0, rate: 0 } },
    { name: 'THPT Bạch Đằng', students: { total: 1_486, unverified: 0, rate: 0 }, staff: { total: 80, unverified: 0, rate: 0 } },
    { name: 'THPT Cát Bà', students: { total: 530, unverified: 0, rate: 0 }, staff: { total: 36, unverified: 1, rate: 2.78 } },
    { name: 'THPT Cát Hải', students: { total: 389, unverified: 0, rate: 0 }, staff: { total: 32, unverified: 1, rate: 3.13 } },
    { name: 'THPT Cộng Hiền', students: { total: 1_115, unverified: 0, rate: 0 }, staff: { total: 59, unverified: 0, rate: 0 } },
    { name: 'THPT Đồ Sơn', students: { total: 1_149, unverified: 2, rate: 0.17 }, staff: { total: 57, unverified: 0, rate: 0 } },
    { name: 'THPT Hùng Thắng', students: { total: 1_125, unverified: 0, rate: 0 }, staff: { total: 62, unverified: 0, rate: 0 } },
    { name: 'THPT Kiến An', students: { total: 1_656, unverified: 0, rate: 0 }, staff: { total: 88, unverified: 1, rate: 1.14 } },
    { name: 'THPT Kiến Thụy', students: { total: 1_523, unverified: 0, rate: 0 }, staff: { total: 83, unverified: 7, rate: 8.43 } },
    { name: 'THPT Hồng Bàng', students: { total: 1_412, unverified: 0, rate: 0 }, staff: { total: 74, unverified: 0, rate: 0 } },
    { name: 'THPT Lê Hồng Phong', students: { total: 1_384, unverified: 11, rate: 0.79 }, staff: { total: 70, unverified: 1, rate: 1.43 } },
    { name: 'THPT Lê Ích Mộc', students: { total: 1_510, unverified: 0, rate: 0 }, staff: { total: 82, unverified: 2, rate: 2.44 } },
    { name: 'THPT Lê Quý Đôn', students: { total: 1_722, unverified: 3, rate: 0.17 }, staff: { total: 85, unverified: 1, rate: 1.18 } },
    { name: 'THPT Lý Thường Kiệt', students: { total: 1_473, unverified: 0, rate: 0 }, staff: { total: 78, unverified: 0, rate: 0 } },
    { name: 'THPT Mạc Đĩnh Chi', students: { total: 1_662, unverified: 2, rate: 0.12 }, staff: { total: 94, unverified: 1, rate: 1.06 } },
    { name: 'THPT Ngô Quyền', students: { total: 1_842, unverified: 6, rate: 0.33 }, staff: { total: 87, unverified: 13, rate: 14.94 } },
    { name: 'THPT Nguyễn Bình Khiêm', students: { total: 1_376, unverified: 2, rate: 0.15 }, staff: { total: 77, unverified: 5, rate: 6.49 } },
    { name: 'THPT Nguyễn Đức Cảnh', students: { total: 1_234, unverified: 3, rate: 0.24 }, staff: { total: 64, unverified: 0, rate: 0 } },
    { name: 'THPT Nguyễn Trãi', students: { total: 2_140, unverified: 0, rate: 0 }, staff: { total: 105, unverified: 8, rate: 7.62 } },
    { name: 'THPT Phạm Ngũ Lão', students: { total: 1_440, unverified: 5, rate: 0.35 }, staff: { total: 79, unverified: 0, rate: 0 } },
    { name: 'THPT Đồng Hoà', students: { total: 1_228, unverified: 0, rate: 0 }, staff: { total: 63, unverified: 0, rate: 0 } },
    { name: 'THPT Quang Trung', students: { total: 1_473, unverified: 1, rate: 0.07 }, staff: { total: 77, unverified: 0, rate: 0 } },
    { name: 'THPT Thái Phiên', students: { total: 1_874, unverified: 0, rate: 0 }, staff: { total: 102, unverified: 1, rate: 0.98 } },
    { name: 'THPT Tiên Lãng', students: { total: 1_488, unverified: 0, rate: 0 }, staff: { total: 77, unverified: 1, rate: 1.3 } },
    { name: 'THPT Toàn Thắng', students: { total: 1_128, unverified: 0, rate: 0 }, staff: { total: 62, unverified: 0, rate: 0 } },
    { name: 'THPT Tô Hiệu', students: { total: 1_224, unverified: 4, rate: 0.33 }, staff: { total: 59, unverified: 0, rate: 0 } },
    { name: 'THPT Trần Hưng Đạo', students: { total: 1_299, unverified: 1, rate: 0.08 }, staff: { total: 64, unverified: 2, rate: 3.13 } },
    { name: 'THPT Trần Nguyên Hãn', students: { total: 1_739, unverified: 25, rate: 1.44 }, staff: { total: 91, unverified: 12, rate: 13.19 } },
    { name: 'THPT Vĩnh Bảo', students: { total: 1_435, unverified: 1, rate: 0.07 }, staff: { total: 75, unverified: 12, rate: 16 } },
    { name: 'THPT Quốc Tuấn', students: { total: 1_158, unverified: 0, rate: 0 }, staff: { total: 65, unverified: 0, rate: 0 } },
    { name: 'THPT Thụy Hương', students: { total: 1_203, unverified: 0, rate: 0 }, staff: { total: 63, unverified: 3, rate: 4.76 } },
    { name: 'THPT Hải An', students: { total: 1_595, unverified: 1, rate: 0.06 }, staff: { total: 89, unverified: 7, rate: 7.87 } },
    { name: 'PT Lý Thái Tổ', students: { total: 513, unverified: 0, rate: 0 }, staff: { total: 47, unverified: 10, rate: 21.28 } },
    { name: 'THCS-THPT Lý Thánh Tông', students: { total: 395, unverified: 1, rate: 0.25 }, staff: { total: 34, unverified: 0, rate: 0 } },
    { name: 'PT Hermann Gmeiner', students: { total: 378, unverified: 0, rate: 0 }, staff: { total: 42, unverified: 0, rate: 0 } },
    { name: 'THPT Phan Đăng Lưu', students: { total: 706, unverified: 14, rate: 1.98 }, staff: { total: 54, unverified: 1, rate: 1.85 } },
    { name: 'THPT Lê Chân', students: { total: 1_184, unverified: 1, rate: 0.08 }, staff: { total: 60, unverified: 1, rate: 1.67 } },
    { name: 'THPT Thủy Sơn', students: { total: 1_234, unverified: 0, rate: 0 }, staff: { total: 69, unverified: 7, rate: 10.14 } },
    { name: 'THPT Nhữ Văn Lan', students: { total: 1_050, unverified: 3, rate: 0.29 }, staff: { total: 53, unverified: 1, rate: 1.89 } },
    { name: 'THPT Nguyễn Khuyến', students: { total: 1_134, unverified: 2, rate: 0.18 }, staff: { total: 60, unverified: 0, rate: 0 } },
    { name: 'THPT Marie Curie', students: { total: 759, unverified: 1, rate: 0.13 }, staff: { total: 52, unverified: 4, rate: 7.69 } },
    { name: 'THPT Tân An', students: { total: 593, unverified: 1, rate: 0.17 }, staff: { total: 37, unverified: 4, rate: 10.81 } },
    { name: 'THPT 25 - 10', students: { total: 544, unverified: 0, rate: 0 }, staff: { total: 36, unverified: 0, rate: 0 } },
    { name: 'THPT An Hải', students: { total: 1_256, unverified: 0, rate: 0 }, staff: { total: 64, unverified: 0, rate: 0 } },
    { name: 'THPT Hàng Hải', students: { total: 967, unverified: 0, rate: 0 }, staff: { total: 54, unverified: 0, rate: 0 } },
    { name: 'THPT Nguyễn Huệ', students: { total: 947, unverified: 2, rate: 0.21 }, staff: { total: 51, unverified: 0, rate: 0 } },
    { name: 'THPT Lương Thế Vinh', students: { total: 819, unverified: 0, rate: 0 }, staff: { total: 58, unverified: 3, rate: 5.17 } },
    { name: 'PT Anhtxanh', students: { total: 1_062, unverified: 0, rate: 0 }, staff: { total: 65, unverified: 0, rate: 0 } },
    { name: 'THPT Nam Triệu', students: { total: 1_160, unverified: 2, rate: 0.17 }, staff: { total: 61, unverified: 0, rate: 0 } },
    { name: 'TH - THCS - THPT Nguyễn Tất Thành', students: { total: 103, unverified: 0, rate: 0 }, staff: { total: 25, unverified: 0, rate: 0 } },
    { name: 'THPT Phan Chu Trinh', students: { total: 284, unverified: 13, rate: 4.58 }, staff: { total: 52, unverified: 44, rate: 84.62 } },
    { name: 'THPT Thăng Long', students: { total: 1_107, unverified: 2, rate: 0.18 }, staff: { total: 73, unverified: 2, rate: 2.74 } },
    { name: 'THPT Trần Tất Văn', students: { total: 772, unverified: 0, rate: 0 }, staff: { total: 55, unverified: 0, rate: 0 } },
    { name: 'THPT Lương Khánh Thiện', students: { total: 387, unverified: 2, rate: 0.52 }, staff: { total: 49, unverified: 0, rate: 0 } },
    { name: 'THPT Tân Trào', students: { total: 400, unverified: 0, rate: 0 }, staff: { total: 30, unverified: 0, rate: 0 } },
    { name: 'THPT Hùng Vương', students: { total: 319, unverified: 1, rate: 0.31 }, staff: { total: 32, unverified: 0, rate: 0 } },
    { name: 'THPT Quảng Thanh', students: { total: 429, unverified: 0, rate: 0 }, staff: { total: 34, unverified: 0, rate: 0 } },
    { name: 'TH - THCS - THPT Hàng Hải 1', students: { total: 610, unverified: 7, rate: 1.15 }, staff: { total: 43, unverified: 0, rate: 0 } },
    { name: 'TH - THCS - THPT Hai Bà Trưng', students: { total: 32, unverified: 0, rate: 0 }, staff: { total: 29, unverified: 0, rate: 0 } },
    { name: 'TH - THCS - THPT Vinschool Imperia', students: { total: 306, unverified: 0, rate: 0 }, staff: { total: 73, unverified: 0, rate: 0 } },
    { name: 'THPT Hữu Nghị quốc tế', students: { total: 218, unverified: 1, rate: 0.46 }, staff: { total: 33, unverified: 6, rate: 18.18 } },
    { name: 'TH - THCS - THPT Edison', students: { total: 471, unverified: 3, rate: 0.64 }, staff: { total: 54, unverified: 0, rate: 0 } },
    { name: 'TH - THCS - THPT Dewey', students: { total: 61, unverified: 0, rate: 0 }, staff: { total: 46, unverified: 1, rate: 2.17 } },
    { name: 'THPT Chuyên Trần Phú', students: { total: 2_049, unverified: 3, rate: 0.15 }, staff: { total: 164, unverified: 9, rate: 5.49 } },
    { name: 'THCS - THPT FPT', students: { total: 326, unverified: 0, rate: 0 }, staff: { total: 35, unverified: 0, rate: 0 } },
  ],
};

/** Phụ lục 3: the 15 continuing-education centres, in printed order. */
export const APPENDIX_3: { readonly rows: readonly PrintedRow[]; readonly printedTotal: PrintedRow } = {
  printedTotal: { name: 'Tổng Số', students: { total: 8_470, unverified: 153, rate: 1.81 }, staff: { total: 490, unverified: 3, rate: 0.61 } },
  rows: [
    { name: 'TT GDTX Hải Phòng', students: { total: 322, unverified: 0, rate: 0 }, staff: { total: 54, unverified: 0, rate: 0 } },
    { name: 'TT GDNN - GDTX quận Hải An', students: { total: 988, unverified: 0, rate: 0 }, staff: { total: 42, unverified: 0, rate: 0 } },
    { name: 'TT GDNN - GDTX quận Hồng Bàng', students: { total: 971, unverified: 0, rate: 0 }, staff: { total: 46, unverified: 1, rate: 2.17 } },
    { name: 'TT GDNN - GDTX quận Ngô Quyền', students: { total: 359, unverified: 1, rate: 0.28 }, staff: { total: 25, unverified: 0, rate: 0 } },
    { name: 'TT GDNN - GDTX huyện Kiến Thụy', students: { total: 376, unverified: 58, rate: 15.43 }, staff: { total: 23, unverified: 0, rate: 0 } },
    { name: 'TT GDNN - GDTX quận Kiến An', students: { total: 514, unverified: 1, rate: 0.19 }, staff: { total: 31, unverified: 0, rate: 0 } },
    { name: 'TT GDNN - GDTX quận Lê Chân', students: { total: 487, unverified: 1, rate: 0.21 }, staff: { total: 22, unverified: 0, rate: 0 } },
    { name: 'TT GDNN - GDTX huyện An Dương', students: { total: 406, unverified: 2, rate: 0.49 }, staff: { total: 23, unverified: 0, rate: 0 } },
    { name: 'TT GDNN - GDTX quận Đồ Sơn', students: { total: 355, unverified: 2, rate: 0.56 }, staff: { total: 19, unverified: 0, rate: 0 } },
    { name: 'TT GDNN - GDTX huyện Thủy Nguyên', students: { total: 1_329, unverified: 84, rate: 6.32 }, staff: { total: 44, unverified: 1, rate: 2.27 } },
    { name: 'TT GDNN - GDTX huyện An Lão', students: { total: 371, unverified: 0, rate: 0 }, staff: { total: 26, unverified: 0, rate: 0 } },
    { name: 'TT GDNN - GDTX huyện Vĩnh Bảo', students: { total: 693, unverified: 0, rate: 0 }, staff: { total: 39, unverified: 1, rate: 2.56 } },
    { name: 'TT GDNN - GDTX huyện Cát Hải', students: { total: 205, unverified: 1, rate: 0.49 }, staff: { total: 13, unverified: 0, rate: 0 } },
    { name: 'TT GDNN - GDTX quận Dương Kinh', students: { total: 583, unverified: 3, rate: 0.51 }, staff: { total: 15, unverified: 0, rate: 0 } },
    { name: 'TT GDNN - GDTX huyện Tiên Lãng', students: { total: 511, unverified: 0, rate: 0 }, staff: { total: 32, unverified: 0, rate: 0 } },
  ],
};

/**
 * Phụ lục 4: MN / TH / THCS by district office. `direct` is the "Trực thuộc sở" row (schools
 * supervised by the department itself), printed with MN students 0 and a blank unverified cell,
 * read here as 0 / 0.
 */
export const APPENDIX_4: { readonly printedTotal: Appendix4Row; readonly direct: Appendix4Row; readonly districts: readonly Appendix4Row[] } = {
  printedTotal: {
    name: 'Tổng Số',
    students: { MN: { total: 123_141, unverified: 1_203 }, TH: { total: 194_101, unverified: 1_394 }, THCS: { total: 137_564, unverified: 1_061 } }, studentsUnverified: 3_658,
    staff: { MN: { total: 12_776, unverified: 244 }, TH: { total: 8_660, unverified: 117 }, THCS: { total: 6_971, unverified: 181 } }, staffUnverified: 542,
  },
  direct: {
    name: 'Trực thuộc sở',
    students: { MN: { total: 0, unverified: 0 }, TH: { total: 2_937, unverified: 137 }, THCS: { total: 1_636, unverified: 24 } }, studentsUnverified: 161,
    staff: { MN: null, TH: { total: 319, unverified: 7 }, THCS: { total: 114, unverified: 7 } }, staffUnverified: 14,
  },
  districts: [
    {
      name: 'Bạch Long Vĩ',
      students: { MN: { total: 21, unverified: 7 }, TH: { total: 9, unverified: 0 }, THCS: null }, studentsUnverified: 7,
      staff: { MN: { total: 2, unverified: 0 }, TH: { total: 4, unverified: 0 }, THCS: null }, staffUnverified: 0,
    },
    {
      name: 'Hồng Bàng',
      students: { MN: { total: 6_947, unverified: 82 }, TH: { total: 10_202, unverified: 77 }, THCS: { total: 7_296, unverified: 35 } }, studentsUnverified: 194,
      staff: { MN: { total: 848, unverified: 12 }, TH: { total: 517, unverified: 0 }, THCS: { total: 374, unverified: 0 } }, staffUnverified: 12,
    },
    {
      name: 'Ngô Quyền',
      students: { MN: { total: 8_420, unverified: 74 }, TH: { total: 14_035, unverified: 177 }, THCS: { total: 10_054, unverified: 54 } }, studentsUnverified: 305,
      staff: { MN: { total: 1_063, unverified: 17 }, TH: { total: 603, unverified: 1 }, THCS: { total: 480, unverified: 5 } }, staffUnverified: 23,
    },
    {
      name: 'Lê Chân',
      students: { MN: { total: 10_841, unverified: 58 }, TH: { total: 19_703, unverified: 248 }, THCS: { total: 16_629, unverified: 326 } }, studentsUnverified: 632,
      staff: { MN: { total: 1_200, unverified: 13 }, TH: { total: 738, unverified: 0 }, THCS: { total: 746, unverified: 5 } }, staffUnverified: 18,
    },
    {
      name: 'Hải An',
      students: { MN: { total: 8_834, unverified: 79 }, TH: { total: 13_137, unverified: 66 }, THCS: { total: 9_128, unverified: 31 } }, studentsUnverified: 176,
      staff: { MN: { total: 1_008, unverified: 37 }, TH: { total: 462, unverified: 2 }, THCS: { total: 387, unverified: 23 } }, staffUnverified: 62,
    },
    {
      name: 'Kiến An',
      students: { MN: { total: 6_825, unverified: 33 }, TH: { total: 10_473, unverified: 36 }, THCS: { total: 7_443, unverified: 44 } }, studentsUnverified: 113,
      staff: { MN: { total: 700, unverified: 1 }, TH: { total: 437, unverified: 0 }, THCS: { total: 336, unverified: 1 } }, staffUnverified: 2,
    },
    {
      name: 'Đồ Sơn',
      students: { MN: { total: 2_615, unverified: 48 }, TH: { total: 4_094, unverified: 37 }, THCS: { total: 3_041, unverified: 30 } }, studentsUnverified: 115,
      staff: { MN: { total: 269, unverified: 1 }, TH: { total: 260, unverified: 4 }, THCS: { total: 157, unverified: 0 } }, staffUnverified: 5,
    },
    {
      name: 'Dương Kinh',
      students: { MN: { total: 4_035, unverified: 176 }, TH: { total: 5_750, unverified: 45 }, THCS: { total: 4_139, unverified: 3 } }, studentsUnverified: 224,
      staff: { MN: { total: 397, unverified: 3 }, TH: { total: 235, unverified: 3 }, THCS: { total: 176, unverified: 0 } }, staffUnverified: 6,
    },
    {
      name: 'Thủy Nguyên',
      students: { MN: { total: 22_411, unverified: 164 }, TH: { total: 33_173, unverified: 191 }, THCS: { total: 22_552, unverified: 151 } }, studentsUnverified: 506,
      staff: { MN: { total: 2_146, unverified: 2 }, TH: { total: 1_367, unverified: 63 }, THCS: { total: 1_173, unverified: 31 } }, staffUnverified: 96,
    },
    {
      name: 'An Dương',
      students: { MN: { total: 12_671, unverified: 173 }, TH: { total: 19_646, unverified: 138 }, THCS: { total: 13_087, unverified: 163 } }, studentsUnverified: 474,
      staff: { MN: { total: 1_222, unverified: 108 }, TH: { total: 824, unverified: 24 }, THCS: { total: 617, unverified: 47 } }, staffUnverified: 179,
    },
    {
      name: 'An Lão',
      students: { MN: { total: 8_469, unverified: 94 }, TH: { total: 13_913, unverified: 116 }, THCS: { total: 10_352, unverified: 114 } }, studentsUnverified: 324,
      staff: { MN: { total: 880, unverified: 2 }, TH: { total: 672, unverified: 3 }, THCS: { total: 532, unverified: 6 } }, staffUnverified: 11,
    },
    {
      name: 'Kiến Thụy',
      students: { MN: { total: 8_087, unverified: 50 }, TH: { total: 13_751, unverified: 37 }, THCS: { total: 9_587, unverified: 13 } }, studentsUnverified: 100,
      staff: { MN: { total: 823, unverified: 19 }, TH: { total: 602, unverified: 6 }, THCS: { total: 494, unverified: 6 } }, staffUnverified: 31,
    },
    {
      name: 'Tiên Lãng',
      students: { MN: { total: 9_523, unverified: 40 }, TH: { total: 14_126, unverified: 34 }, THCS: { total: 9_567, unverified: 21 } }, studentsUnverified: 95,
      staff: { MN: { total: 905, unverified: 12 }, TH: { total: 702, unverified: 3 }, THCS: { total: 563, unverified: 0 } }, staffUnverified: 15,
    },
    {
      name: 'Vĩnh Bảo',
      students: { MN: { total: 11_700, unverified: 117 }, TH: { total: 16_721, unverified: 38 }, THCS: { total: 11_372, unverified: 48 } }, studentsUnverified: 203,
      staff: { MN: { total: 1_103, unverified: 13 }, TH: { total: 766, unverified: 1 }, THCS: { total: 628, unverified: 50 } }, staffUnverified: 64,
    },
    {
      name: 'Cát Hải',
      students: { MN: { total: 1_742, unverified: 8 }, TH: { total: 2_431, unverified: 17 }, THCS: { total: 1_681, unverified: 4 } }, studentsUnverified: 29,
      staff: { MN: { total: 210, unverified: 4 }, TH: { total: 152, unverified: 0 }, THCS: { total: 194, unverified: 0 } }, staffUnverified: 4,
    },
  ],
};
