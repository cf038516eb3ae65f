import { identityAppendices, rowsInPrintOrder, type Appendix, type AppendixRow, type DistrictAppendixRow } from './identity-appendices.ts';
import { DISTRICT_REPORT_LEVELS, type IdentityReport } from './identity.ts';

/**
 * Phụ lục 1–4 as grids: the seed's column headers, its two-row header with the HỌC SINH /
 * CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN groups, and one cell list per printed row. Renderers only
 * decide how a grid looks.
 */

export type CellKind = 'text' | 'count' | 'rate';
export type Cell = string | number;

export interface LayoutColumn {
  header: string;
  kind: CellKind;
}

export interface ColumnGroup {
  title: string;
  /** index of the group's first column */
  start: number;
  span: number;
}

export interface AppendixLayout {
  sheetName: string;
  title: string;
  subtitle: string;
  columns: LayoutColumn[];
  groups: ColumnGroup[];
  rows: { cells: Cell[]; isTotal: boolean }[];
}

export const STUDENTS_GROUP = 'HỌC SINH';
export const STAFF_GROUP = 'CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN';

const text = (header: string): LayoutColumn => ({ header, kind: 'text' });
const count = (header: string): LayoutColumn => ({ header, kind: 'count' });
const rate = (header: string): LayoutColumn => ({ header, kind: 'rate' });

function numbered<Row extends AppendixRow>(a: Appendix<Row>, cells: (row: Row) => Cell[]): AppendixLayout['rows'] {
  let n = 0;
  return rowsInPrintOrder(a).map(({ row, isTotal }) => ({ cells: [isTotal ? '' : ++n, row.label, ...cells(row)], isTotal }));
}

const pairCells = (row: AppendixRow): Cell[] => [
  row.students.total,
  row.students.unverified,
  row.students.rate,
  row.staff.total,
  row.staff.unverified,
  row.staff.rate,
];

function pairLayout(sheetName: string, subtitle: string, a: Appendix<AppendixRow>, headers: { no: string; label: string; students: string[]; staff: string[] }): AppendixLayout {
  return {
    sheetName,
    title: a.title,
    subtitle,
    columns: [
      text(headers.no),
      text(headers.label),
      count(headers.students[0] as string),
      count(headers.students[1] as string),
      rate('Tỉ lệ (%)'),
      count(headers.staff[0] as string),
      count(headers.staff[1] as string),
      rate('Tỉ lệ (%)'),
    ],
    groups: [
      { title: STUDENTS_GROUP, start: 2, span: 3 },
      { title: STAFF_GROUP, start: 5, span: 3 },
    ],
    rows: numbered(a, pairCells),
  };
}

function districtCells(row: DistrictAppendixRow): Cell[] {
  const side = (entity: 'students' | 'staff') => [
    ...DISTRICT_REPORT_LEVELS.flatMap((l) => [row.byLevel[l][entity].total, row.byLevel[l][entity].unverified]),
    row[entity].unverified,
  ];
  return [...side('students'), ...side('staff')];
}

export function identityLayouts(report: IdentityReport): AppendixLayout[] {
  const a = identityAppendices(report);
  const side = (abbr: 'HS' | 'NS') => [
    ...DISTRICT_REPORT_LEVELS.flatMap((l) => [count(`Số ${abbr} ${l}`), count('Chưa xác thực')]),
    count(`Tổng số ${abbr} chưa xác thực`),
  ];
  return [
    pairLayout('Phụ lục 1', a.subtitle, a.levels, {
      no: 'TT',
      label: 'BẬC HỌC',
      students: ['TỔNG SỐ HS', 'Số HS chưa đồng bộ'],
      staff: ['TỔNG SỐ NS', 'Số NS chưa đồng bộ'],
    }),
    pairLayout('Phụ lục 2', a.subtitle, a.upperSecondary, {
      no: 'STT',
      label: 'Đơn vị',
      students: ['Tổng số học sinh', 'Chưa xác thực'],
      staff: ['Tổng số nhân sự', 'Chưa xác thực'],
    }),
    pairLayout('Phụ lục 3', a.subtitle, a.centres, {
      no: 'STT',
      label: 'Đơn vị',
      students: ['Tổng số học viên', 'Chưa xác thực'],
      staff: ['Tổng số nhân sự', 'Chưa xác thực'],
    }),
    {
      sheetName: 'Phụ lục 4',
      title: a.districts.title,
      subtitle: a.subtitle,
      columns: [text('TT'), text('Đơn vị P. GDĐT'), ...side('HS'), ...side('NS')],
      groups: [
        { title: STUDENTS_GROUP, start: 2, span: 7 },
        { title: STAFF_GROUP, start: 9, span: 7 },
      ],
      rows: numbered(a.districts, districtCells),
    },
  ];
}
