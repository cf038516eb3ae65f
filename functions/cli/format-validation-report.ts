import type { ValidationReport } from '../core/snapshot/validation-report.ts';

/** The validation report as a data officer reads it: one line per problem, Vietnamese first. */
export function formatValidationReport(report: ValidationReport): string {
  const verdict = report.ok
    ? `HỢP LỆ / VALID — ${report.rows} dòng dữ liệu / data rows`
    : `KHÔNG HỢP LỆ / INVALID — ${report.errors} lỗi / errors, ${report.warnings} cảnh báo / warnings`;
  const lines = [`${report.file} [${report.entity ?? '?'}${report.format ? `, ${report.format}` : ''}]: ${verdict}`];
  for (const issue of report.issues) {
    const where = [
      issue.row === undefined ? undefined : `dòng/row ${issue.row}`,
      issue.column === undefined ? undefined : `cột/column "${issue.column}"`,
      issue.value === undefined ? undefined : `giá trị/value "${issue.value}"`,
    ]
      .filter((part) => part !== undefined)
      .join(', ');
    const tag = issue.severity === 'error' ? 'LỖI' : 'CẢNH BÁO';
    lines.push(`  ${tag} ${where}${where ? ': ' : ''}${issue.messageVi} / ${issue.messageEn}`);
  }
  if (report.truncated) {
    lines.push(`  … và các vấn đề khác (tổng ${report.errors + report.warnings}) / and more (${report.errors + report.warnings} in all)`);
  }
  return `${lines.join('\n')}\n`;
}
