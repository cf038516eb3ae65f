import type { JSX } from 'preact';
import type { ClassBreakdown, SentEmailView, StatusChangeView, UnitView } from '../api/views.ts';
import { Pending } from '../components/feedback.tsx';
import { SortableTable, type Column } from '../components/SortableTable.tsx';
import { stageLabel, STATUS_LABELS, UNIT_KIND_LABELS } from '../format/labels.ts';
import { percent, share } from '../format/numbers.ts';
import { vnOfficial } from '../format/vn-time.ts';
import { Link, officeHref } from '../router.tsx';
import { useResource } from '../use-resource.ts';
import { RequirementSection } from './RequirementSection.tsx';
import { findingText } from './unit-texts.ts';
import { usePageTitle } from '../page-title.ts';

const CLASS_COLUMNS: Array<Column<ClassBreakdown>> = [
  { key: 'class', label: 'Lớp / tổ', value: (c) => c.className },
  { key: 'entity', label: 'Đối tượng', value: (c) => (c.entity === 'students' ? 'Học sinh' : 'Nhân sự') },
  { key: 'total', label: 'Tổng số', value: (c) => c.total, numeric: true },
  { key: 'unverified', label: 'Chưa xác thực', value: (c) => c.unverified, numeric: true, worst: true },
  { key: 'rate', label: 'Tỉ lệ', value: (c) => share(c.unverified, c.total), render: (c) => percent(Math.round(share(c.unverified, c.total) * 100) / 100), numeric: true },
];

const EMAIL_COLUMNS: Array<Column<SentEmailView>> = [
  { key: 'sentAt', label: 'Gửi lúc', value: (e) => e.sentAt, render: (e) => vnOfficial(e.sentAt) },
  { key: 'stage', label: 'Loại thư', value: (e) => stageLabel(e.stage) },
  { key: 'requirement', label: 'Yêu cầu', value: (e) => e.requirement },
  { key: 'recipient', label: 'Người nhận', value: (e) => e.recipient },
  { key: 'subject', label: 'Tiêu đề', value: (e) => e.subject },
];

const HISTORY_COLUMNS: Array<Column<StatusChangeView>> = [
  { key: 'at', label: 'Thời điểm', value: (c) => c.at, render: (c) => vnOfficial(c.at) },
  { key: 'requirement', label: 'Yêu cầu', value: (c) => c.title },
  { key: 'from', label: 'Trước đó', value: (c) => (c.from === undefined ? '—' : STATUS_LABELS[c.from]) },
  { key: 'to', label: 'Chuyển sang', value: (c) => STATUS_LABELS[c.to] },
];

/** A unit's page: the target of every email's link (`/units/<code>?requirement=<id>`). */
export function UnitPage({ code, requirement }: { code: string; requirement: string | null }): JSX.Element {
  const result = useResource<UnitView>(`/api/units/${encodeURIComponent(code)}`);
  const view = result.data;
  usePageTitle(view ? `${view.unit.name} (${view.unit.code})` : `Đơn vị ${code}`);
  if (!view) {
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          Đơn vị {code}
        </h1>
        <Pending error={result.error} what="trang đơn vị" />
      </section>
    );
  }
  const { unit } = view;
  return (
    <section aria-labelledby="page-title" data-testid="unit-page" data-unit={unit.code}>
      <nav class="crumbs" aria-label="Vị trí">
        <Link href="/">Tổng quan</Link> › {unit.parent ? <><Link href={officeHref(unit.parent)}>{unit.parent}</Link> › </> : null}
        <span aria-current="page">{unit.code}</span>
      </nav>
      <h1 id="page-title" tabIndex={-1}>
        {unit.name}
      </h1>
      <p class="muted">
        Mã {unit.code} · {UNIT_KIND_LABELS[unit.kind]}
        {unit.levels.length > 0 ? ` · cấp học ${unit.levels.join(', ')}` : ''}
        {unit.district ? ` · ${unit.district}` : ''}
        {unit.kind === 'district_office' || unit.kind === 'department' ? (
          <>
            {' · '}
            <Link href={officeHref(unit.code)}>Các đơn vị trực thuộc</Link>
          </>
        ) : null}
      </p>
      <h2>Các yêu cầu ({view.requirements.length})</h2>
      {view.requirements.length === 0 ? <p>Chưa có kết quả đánh giá nào cho đơn vị này.</p> : null}
      {view.requirements.map((r) => (
        <RequirementSection key={r.requirement} detail={r} highlighted={r.requirement === requirement} />
      ))}
      {view.findings.length > 0 ? (
        <>
          <h2>Vấn đề dữ liệu cần khắc phục</h2>
          <ul data-testid="unit-findings">
            {view.findings.map((f, i) => (
              <li key={i}>{findingText(f)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Theo lớp</h2>
      {view.byClass.length > 0 ? (
        <SortableTable caption="Số chưa xác thực theo lớp" columns={CLASS_COLUMNS} rows={view.byClass} rowKey={(c) => `${c.entity}/${c.className}`} testid="unit-classes" initialSort={{ key: 'unverified', descending: true }} />
      ) : (
        <p class="muted">Chưa có số liệu theo lớp.</p>
      )}
      <h2>Thư đã gửi</h2>
      {view.emails.length > 0 ? (
        <SortableTable caption="Lịch sử thư nhắc và báo cáo" columns={EMAIL_COLUMNS} rows={view.emails} rowKey={(e) => `${e.sentAt}/${e.stage}/${e.recipient}/${e.requirement}`} testid="unit-emails" initialSort={{ key: 'sentAt', descending: true }} />
      ) : (
        <p class="muted">Chưa có thư nào gửi cho đơn vị này.</p>
      )}
      <h2>Diễn biến trạng thái</h2>
      {view.history.length > 0 ? (
        <>
          <SortableTable caption="Các lần trạng thái của từng yêu cầu thay đổi" columns={HISTORY_COLUMNS} rows={view.history} rowKey={(c) => `${c.at}/${c.requirement}`} testid="unit-history" initialSort={{ key: 'at', descending: true }} />
          {view.historyTotal > view.history.length ? (
            <p class="muted">
              {view.history.length} thay đổi gần nhất trong tổng số {view.historyTotal}.
            </p>
          ) : null}
        </>
      ) : (
        <p class="muted">Chưa có thay đổi trạng thái nào được ghi lại.</p>
      )}
    </section>
  );
}
