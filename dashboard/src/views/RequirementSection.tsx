import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { RequirementDetail } from '../api/views.ts';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { count } from '../format/numbers.ts';
import { vnOfficial } from '../format/vn-time.ts';
import { expectedDateText } from './unit-texts.ts';

const DONE = new Set(['compliant', 'compliant_late', 'not_applicable']);

/** One requirement on a unit's page; the one an email linked to is opened, marked and scrolled to. */
export function RequirementSection({ detail, highlighted }: { detail: RequirementDetail; highlighted: boolean }): JSX.Element {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (highlighted) ref.current?.scrollIntoView({ block: 'start' });
  }, [highlighted]);
  const open = highlighted || !DONE.has(detail.status);
  return (
    <details ref={ref} open={open} class={`req${highlighted ? ' highlight' : ''}`} data-testid="unit-requirement" data-requirement={detail.requirement} data-status={detail.status}>
      <summary>
        <StatusBadge status={detail.status} /> <span class="req-title">{detail.title}</span>
        {detail.deadline !== undefined ? <span class="muted"> — hạn {vnOfficial(detail.deadline)}</span> : null}
      </summary>
      <div class="req-body">
        <p data-testid="unit-missing">
          {detail.progress !== undefined ? (
            detail.progress
          ) : detail.total > 0 ? (
            `Tất cả ${count(detail.total)} bản ghi đã đạt.`
          ) : (
            'Chưa có bản ghi nào để đánh giá.'
          )}
        </p>
        {detail.action ? (
          <p class="action">
            <strong>Cần làm:</strong> {detail.action}
          </p>
        ) : null}
        {detail.failingRecords.length > 0 ? (
          <div class="scroll">
            <table class="failing" data-testid="failing-records">
              <caption>Bản ghi chưa đạt (mã bản ghi)</caption>
              <thead>
                <tr>
                  <th scope="col">Mã bản ghi</th>
                  <th scope="col">Nguyên nhân</th>
                  <th scope="col">Biện pháp</th>
                  <th scope="col">Dự kiến hoàn thành</th>
                </tr>
              </thead>
              <tbody>
                {detail.failingRecords.map((r) => (
                  <tr key={r.code}>
                    <th scope="row" data-testid="failing-code">
                      {r.code}
                    </th>
                    <td>{r.explanation ? (r.explanation.cause ? 'Đã giải trình' : 'Thiếu') : 'Chưa giải trình'}</td>
                    <td>{r.explanation ? (r.explanation.remedy ? 'Đã nêu' : 'Thiếu') : '—'}</td>
                    <td>{r.explanation?.expectedDate ? expectedDateText(r.explanation.expectedDate) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {detail.more > 0 ? <p class="muted">… và {count(detail.more)} bản ghi khác.</p> : null}
          </div>
        ) : null}
      </div>
    </details>
  );
}
