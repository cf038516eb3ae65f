import type { JSX } from 'preact';
import type { OverdueRow, OverdueView } from '../api/views.ts';
import { Pending } from '../components/feedback.tsx';
import { OfficePicker } from '../components/OfficePicker.tsx';
import { SortableTable, type Column } from '../components/SortableTable.tsx';
import { ESCALATION_LABELS } from '../format/labels.ts';
import { count, percent } from '../format/numbers.ts';
import { vnOfficial } from '../format/vn-time.ts';
import { Link, unitHref, type Location } from '../router.tsx';
import { useSession } from '../session.ts';
import { useResource } from '../use-resource.ts';
import { usePageTitle } from '../page-title.ts';

const STAGE_RANK = { none: 0, reminders: 1, office: 2, department: 3 } as const;

const COLUMNS: Array<Column<OverdueRow>> = [
  { key: 'unit', label: 'Mã đơn vị', value: (r) => r.unit, render: (r) => <Link href={unitHref(r.unit, r.requirement)} data-testid="overdue-link">{r.unit}</Link> },
  { key: 'unitName', label: 'Tên đơn vị', value: (r) => r.unitName },
  { key: 'office', label: 'Trực thuộc', value: (r) => r.office ?? '' },
  { key: 'requirement', label: 'Yêu cầu', value: (r) => r.requirementTitle },
  { key: 'deadline', label: 'Hạn', value: (r) => r.deadline, render: (r) => vnOfficial(r.deadline) },
  { key: 'days', label: 'Số ngày quá hạn', value: (r) => r.daysOverdue, numeric: true, worst: true },
  { key: 'failing', label: 'Chưa đạt', value: (r) => r.failing, render: (r) => `${count(r.failing)}/${count(r.total)}`, numeric: true },
  { key: 'rate', label: 'Tỉ lệ chưa đạt', value: (r) => r.rate, render: (r) => percent(r.rate), numeric: true },
  { key: 'reached', label: 'Đã đôn đốc đến', value: (r) => STAGE_RANK[r.reached], render: (r) => <span class={`stage stage-${r.reached}`}>{ESCALATION_LABELS[r.reached]}</span>, numeric: true },
];

export function OverduePage({ location }: { location: Location }): JSX.Element {
  const { me } = useSession();
  const office = location.query.get('office') ?? '';
  const overdue = useResource<OverdueView>(`/api/overdue${office ? `?office=${encodeURIComponent(office)}` : ''}`);
  const view = overdue.data;
  usePageTitle('Đơn vị quá hạn');
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        Đơn vị quá hạn
      </h1>
      {me.kind === 'department' ? <OfficePicker path="/qua-han" department={me.code} office={office} ready={view !== undefined} /> : null}
      {view ? (
        <>
          <p class="muted">
            {view.rows.length} yêu cầu quá hạn
            {view.evaluatedAt === undefined ? '' : ` — đánh giá lúc ${vnOfficial(view.evaluatedAt)}`}
          </p>
          <SortableTable caption="Danh sách quá hạn" columns={COLUMNS} rows={view.rows} rowKey={(r) => `${r.unit}/${r.requirement}`} testid="overdue" initialSort={{ key: 'days', descending: true }} emptyText="Không có đơn vị nào quá hạn." />
        </>
      ) : (
        <Pending error={overdue.error} what="danh sách quá hạn" />
      )}
    </section>
  );
}
