import type { JSX } from 'preact';
import type { ValidationReport } from '../api/views.ts';
import { count } from '../format/numbers.ts';

/** The validation report of a rejected file: every problem by row, column and value, in Vietnamese. */
export function UploadReport({ report }: { report: ValidationReport }): JSX.Element {
  return (
    <div class="upload-report" data-testid="upload-rejected">
      <p role="alert" class="error-banner">
        Tệp “{report.file}” bị từ chối: {count(report.errors)} lỗi, {count(report.warnings)} cảnh báo trên {count(report.rows)} dòng. Không dòng nào được ghi nhận; sửa các ô dưới đây rồi tải lên lại.
      </p>
      {report.unknownColumns.length > 0 ? <p class="muted">Cột không dùng đến: {report.unknownColumns.join(', ')}</p> : null}
      <div class="scroll">
        <table data-testid="upload-report">
          <caption>Các vấn đề trong tệp</caption>
          <thead>
            <tr>
              <th scope="col">Dòng</th>
              <th scope="col">Cột</th>
              <th scope="col">Giá trị</th>
              <th scope="col">Vấn đề</th>
              <th scope="col">Mức độ</th>
            </tr>
          </thead>
          <tbody>
            {report.issues.map((issue, i) => (
              <tr key={i} class={issue.severity} data-testid="upload-report-row">
                <td class="n" data-col="row">{issue.row ?? '—'}</td>
                <td data-col="column">{issue.column ?? issue.field ?? '—'}</td>
                <td data-col="value">{issue.value ?? ''}</td>
                <td data-col="message">{issue.messageVi}</td>
                <td data-col="severity">{issue.severity === 'error' ? 'Lỗi' : 'Cảnh báo'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.truncated ? <p class="muted">Chỉ hiện {count(report.issues.length)} vấn đề đầu tiên.</p> : null}
    </div>
  );
}
