import type { Status } from '../../evaluation/types.ts';
import type { Level } from '../../snapshot/entities.ts';

export const STATUS_LABEL: Readonly<Record<Status, string>> = {
  compliant: 'Đã hoàn thành',
  compliant_late: 'Hoàn thành muộn',
  pending: 'Đang thực hiện',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  warning: 'Cảnh báo',
  non_compliant: 'Chưa đạt',
  no_data: 'Chưa có dữ liệu',
  not_applicable: 'Không áp dụng',
};

/** Phụ lục 1's row labels. */
export const LEVEL_LABEL: Readonly<Record<Level, string>> = {
  MN: 'MẦM NON',
  TH: 'TIỂU HỌC',
  THCS: 'THCS',
  THPT: 'THPT',
  GDTX: 'GDTX',
};
