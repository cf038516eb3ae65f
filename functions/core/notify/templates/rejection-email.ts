import type { ValidationReport } from '../../snapshot/validation-report.ts';
import { FOOTER, heading, labelled, layout, para, table } from './html.ts';
import type { RenderedEmail } from './rendered-email.ts';

export interface RejectionFacts {
  unitName: string;
  /** the object key as uploaded */
  key: string;
  report: ValidationReport;
  /** where the report can be read in full */
  reportKey: string;
}

/* An email stays readable on a phone: the first problems, the count of the rest. */
const SHOWN = 20;

/**
 * Tells the uploading unit its file was rejected whole and why, row by row. The report's
 * values are masked already (national IDs) and never hold a name, so they can be quoted.
 */
export function renderRejection(f: RejectionFacts): RenderedEmail {
  const file = f.key.split('/').at(-1) ?? f.key;
  const subject = `[Tệp bị từ chối] ${file}: ${f.report.errors} lỗi, dữ liệu chưa được cập nhật`;
  const rows = f.report.issues
    .filter((i) => i.severity === 'error')
    .slice(0, SHOWN)
    .map((i) => [i.row === undefined ? '—' : String(i.row), i.column ?? '—', i.value ?? '', i.messageVi]);
  const more = f.report.errors - rows.length;
  const intro = `Tệp ${file} do ${f.unitName} tải lên không đạt định dạng dữ liệu nên chưa được cập nhật (toàn bộ tệp bị từ chối, không dòng nào được áp dụng).`;
  const next = 'Đề nghị đơn vị sửa các lỗi dưới đây trong tệp xuất từ CSDL ngành rồi tải lên lại.';
  const html = layout(subject, [
    heading('Tệp dữ liệu bị từ chối'),
    para(intro),
    labelled('Số lỗi:', `${f.report.errors} (cảnh báo: ${f.report.warnings})`),
    table(['Dòng', 'Cột', 'Giá trị', 'Lỗi'], rows),
    ...(more > 0 ? [para(`… và ${more} lỗi khác, xem báo cáo đầy đủ: ${f.reportKey}`)] : []),
    para(next),
  ]);
  const text = [
    subject,
    '',
    intro,
    `Số lỗi: ${f.report.errors} (cảnh báo: ${f.report.warnings})`,
    '',
    ...rows.map(([row, column, value, message]) => `- Dòng ${row}, cột "${column}", giá trị "${value}": ${message}`),
    ...(more > 0 ? [`… và ${more} lỗi khác, xem báo cáo đầy đủ: ${f.reportKey}`] : []),
    '',
    next,
    '',
    FOOTER,
  ].join('\n');
  return { subject, html, text };
}
