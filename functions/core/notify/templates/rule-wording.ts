import type { Figures } from '../types.ts';
import { vnNumber, vnPercent } from './vn-format.ts';

const NOUN: Readonly<Record<string, string>> = {
  students: 'học sinh',
  staff: 'cán bộ, giáo viên, nhân viên',
  profiles: 'hồ sơ trường',
  reports: 'báo cáo',
  explanations: 'hồ sơ giải trình',
};

/** What "failing" means for a record under each rule, as a school would say it. */
const FAILING: Readonly<Record<string, string>> = {
  identity_verification: 'chưa xác thực',
  required_fields: 'còn thiếu thông tin bắt buộc',
  update_window: 'cập nhật biến động chậm',
  self_review: 'chưa tự xác nhận thông tin',
  school_year_rollover: 'chưa kết chuyển năm học',
  duplicates: 'bị trùng lặp',
  explanations: 'chưa có giải trình đầy đủ',
  reference_set: 'sai so với danh mục chuẩn',
};

/** Rules judged on the unit as a whole: a count of records would mean nothing. */
const UNIT_LEVEL: Readonly<Record<string, string>> = {
  report_submitted: 'Đơn vị chưa nộp báo cáo.',
  freshness: 'Dữ liệu của đơn vị chưa được cập nhật trong thời gian quy định.',
  declared_totals: 'Tổng số khai báo trong hồ sơ trường chưa khớp với số hồ sơ đang hoạt động.',
};

export function entityNoun(entity: string): string {
  return NOUN[entity] ?? 'hồ sơ';
}

/** "còn 13/284 học sinh chưa xác thực (4,58%)" — how far a unit is from done, for a table cell or a sentence. */
export function progressPhrase(ruleKind: string, entity: string, figures: Figures): string {
  const failing = FAILING[ruleKind] ?? 'chưa đạt';
  return `còn ${vnNumber(figures.failing)}/${vnNumber(figures.total)} ${entityNoun(entity)} ${failing} (${vnPercent(figures.rate)})`;
}

/** The reminder's one-line status: a count of records, or a sentence for rules judged on the unit as a whole. */
export function progressSentence(ruleKind: string, entity: string, figures: Figures): string {
  return UNIT_LEVEL[ruleKind] ?? `Đơn vị ${progressPhrase(ruleKind, entity, figures)}.`;
}
