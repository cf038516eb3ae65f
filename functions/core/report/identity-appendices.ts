import { rate2 } from '../evaluation/rate.ts';
import type { Level } from '../snapshot/entities.ts';
import { parseInstant, vnWallClock } from '../time.ts';
import { DISTRICT_REPORT_LEVELS, type DistrictReportLevel, type IdentityPair, type IdentityRate, type IdentityReport } from './identity.ts';

/**
 * The four appendices of seed 004 derived from an identity report, shared by the terminal
 * and the workbook renderers so both print the same rows and the same totals.
 */

export interface AppendixRow extends IdentityPair {
  label: string;
}

export interface DistrictAppendixRow extends AppendixRow {
  byLevel: Record<DistrictReportLevel, IdentityPair>;
}

export interface Appendix<Row extends AppendixRow> {
  title: string;
  rows: Row[];
  total: Row;
  /** Phụ lục 1 prints its "TỔNG SỐ" row last, the others right under the header */
  totalFirst: boolean;
}

export interface IdentityAppendices {
  /** "(Số liệu tính đến thời điểm 11h30 ngày 23/6/2023)" */
  subtitle: string;
  levels: Appendix<AppendixRow>;
  upperSecondary: Appendix<AppendixRow>;
  centres: Appendix<AppendixRow>;
  districts: Appendix<DistrictAppendixRow>;
}

export const APPENDIX_TITLES = {
  levels: 'PHỤ LỤC 1: THỐNG KÊ TỔNG SỐ HỌC SINH, NHÂN SỰ TOÀN NGÀNH CHƯA ĐỒNG BỘ THÔNG TIN VỚI CSDL QUỐC GIA',
  upperSecondary: 'PHỤ LỤC 2: THỐNG KÊ SỐ HỌC SINH, NHÂN SỰ KHỐI CÁC TRƯỜNG THPT CHƯA ĐỒNG BỘ THÔNG TIN VỚI CSDL QUỐC GIA',
  centres: 'PHỤ LỤC 3: THỐNG KÊ SỐ HỌC VIÊN, CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN KHỐI CÁC TRUNG TÂM GDNN-GDTX CHƯA ĐỒNG BỘ THÔNG TIN VỚI CSDL QUỐC GIA',
  districts: 'PHỤ LỤC 4: THỐNG KÊ SỐ HỌC SINH, NHÂN SỰ KHỐI CÁC PHÒNG GIÁO DỤC VÀ ĐÀO TẠO CHƯA ĐỒNG BỘ THÔNG TIN VỚI CSDL QUỐC GIA',
} as const;

export const LEVEL_LABELS: Record<Level, string> = { MN: 'MẦM NON', TH: 'TIỂU HỌC', THCS: 'THCS', THPT: 'THPT', GDTX: 'GDTX' };
export const TOTAL_LABEL = 'TỔNG SỐ';

function sumRates(items: readonly IdentityRate[]): IdentityRate {
  const total = items.reduce((a, t) => a + t.total, 0);
  const unverified = items.reduce((a, t) => a + t.unverified, 0);
  return { total, unverified, rate: rate2(unverified, total) };
}

function sumPairs(items: readonly IdentityPair[]): IdentityPair {
  return { students: sumRates(items.map((p) => p.students)), staff: sumRates(items.map((p) => p.staff)) };
}

/** "11h30 ngày 23/6/2023", as the seed dates its figures. */
export function asOfPhrase(asOfIso: string): string {
  const wall = vnWallClock(parseInstant(asOfIso));
  const pad2 = (n: number): string => String(n).padStart(2, '0');
  return `${pad2(wall.getUTCHours())}h${pad2(wall.getUTCMinutes())} ngày ${wall.getUTCDate()}/${wall.getUTCMonth() + 1}/${wall.toISOString().slice(0, 4)}`;
}

export function identityAppendices(report: IdentityReport): IdentityAppendices {
  const upper = report.units.flatMap((u) => {
    const thpt = u.byLevel.find((l) => l.level === 'THPT');
    return thpt ? [{ label: u.name, students: thpt.students, staff: thpt.staff }] : [];
  });
  const centres = report.units.filter((u) => u.kind === 'centre').map((u) => ({ label: u.name, students: u.students, staff: u.staff }));
  const districts = report.districts.map((d) => ({ label: d.name, students: d.students, staff: d.staff, byLevel: d.byLevel }));
  const districtTotal: DistrictAppendixRow = {
    label: TOTAL_LABEL,
    ...sumPairs(districts),
    byLevel: Object.fromEntries(DISTRICT_REPORT_LEVELS.map((l) => [l, sumPairs(districts.map((d) => d.byLevel[l]))])) as Record<DistrictReportLevel, IdentityPair>,
  };
  return {
    subtitle: `(Số liệu tính đến thời điểm ${asOfPhrase(report.asOf)})`,
    levels: {
      title: APPENDIX_TITLES.levels,
      rows: report.byLevel.map((l) => ({ label: LEVEL_LABELS[l.level], students: l.students, staff: l.staff })),
      total: { label: TOTAL_LABEL, ...report.total },
      totalFirst: false,
    },
    upperSecondary: { title: APPENDIX_TITLES.upperSecondary, rows: upper, total: { label: TOTAL_LABEL, ...sumPairs(upper) }, totalFirst: true },
    centres: { title: APPENDIX_TITLES.centres, rows: centres, total: { label: TOTAL_LABEL, ...sumPairs(centres) }, totalFirst: true },
    districts: { title: APPENDIX_TITLES.districts, rows: districts, total: districtTotal, totalFirst: true },
  };
}

/** Rows in print order, the total where the seed puts it. */
export function rowsInPrintOrder<Row extends AppendixRow>(a: Appendix<Row>): { row: Row; isTotal: boolean }[] {
  const rows = a.rows.map((row) => ({ row, isTotal: false }));
  const total = { row: a.total, isTotal: true };
  return a.totalFirst ? [total, ...rows] : [...rows, total];
}
