import type { AppendixRow, DistrictAppendixRow } from '../api/views.ts';
import type { Column } from '../components/SortableTable.tsx';
import { percent } from '../format/numbers.ts';

/* The seed's headers (functions/core/report/identity-layouts.ts), so the page reads like the printed appendix. */
export const STUDENTS_GROUP = 'HỌC SINH';
export const STAFF_GROUP = 'CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN';
const DISTRICT_LEVELS = ['MN', 'TH', 'THCS'] as const;

type Side = 'students' | 'staff';

function rateColumn<Row extends AppendixRow>(side: Side): Column<Row> {
  return { key: `${side}-rate`, label: 'Tỉ lệ (%)', value: (r) => r[side].rate, render: (r) => percent(r[side].rate), numeric: true, worst: true };
}

export function pairColumns(label: string, students: [string, string], staff: [string, string]): Array<Column<AppendixRow>> {
  const side = (key: Side, [total, unverified]: [string, string]): Array<Column<AppendixRow>> => [
    { key: `${key}-total`, label: total, value: (r) => r[key].total, numeric: true },
    { key: `${key}-unverified`, label: unverified, value: (r) => r[key].unverified, numeric: true },
    rateColumn(key),
  ];
  return [{ key: 'label', label, value: (r) => r.label }, ...side('students', students), ...side('staff', staff)];
}

export function districtColumns(): Array<Column<DistrictAppendixRow>> {
  const side = (key: Side, abbr: string): Array<Column<DistrictAppendixRow>> => [
    ...DISTRICT_LEVELS.flatMap((level): Array<Column<DistrictAppendixRow>> => [
      { key: `${key}-${level}-total`, label: `Số ${abbr} ${level}`, value: (r) => r.byLevel[level][key].total, numeric: true },
      { key: `${key}-${level}-unverified`, label: 'Chưa xác thực', value: (r) => r.byLevel[level][key].unverified, numeric: true },
    ]),
    { key: `${key}-unverified`, label: `Tổng số ${abbr} chưa xác thực`, value: (r) => r[key].unverified, numeric: true },
    rateColumn(key),
  ];
  return [{ key: 'label', label: 'Đơn vị P. GDĐT', value: (r) => r.label }, ...side('students', 'HS'), ...side('staff', 'NS')];
}
