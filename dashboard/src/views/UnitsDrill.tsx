import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { StatusSummary, UnitChildren, UnitRecord, UnitView } from '../api/views.ts';
import { Pending } from '../components/feedback.tsx';
import { SortableTable, type Column } from '../components/SortableTable.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { UNIT_KIND_LABELS } from '../format/labels.ts';
import { percent } from '../format/numbers.ts';
import { Link, officeHref, unitHref } from '../router.tsx';
import { useResource } from '../use-resource.ts';
import { usePageTitle } from '../page-title.ts';

type Child = UnitChildren['children'][number];

const countOf = (statuses: readonly StatusSummary[], wanted: readonly string[]): number => statuses.filter((s) => wanted.includes(s.status)).length;

/** Units with children of their own open the next level; the others open their own page. */
function childHref(unit: UnitRecord): string {
  return unit.unitKind === 'district_office' || unit.unitKind === 'department' ? officeHref(unit.unitCode) : unitHref(unit.unitCode);
}

/** One level of the drill-down: the units under an office (or the department) and how each stands. */
export function UnitsDrill({ code }: { code: string }): JSX.Element {
  const children = useResource<UnitChildren>(`/api/units/${encodeURIComponent(code)}/children`);
  const parent = useResource<UnitView>(`/api/units/${encodeURIComponent(code)}`);
  const [requirement, setRequirement] = useState('');
  const rows = children.data?.children ?? [];
  const requirements = useMemo(() => {
    const titles = new Map<string, string>();
    for (const r of parent.data?.requirements ?? []) titles.set(r.requirement, r.title);
    for (const child of rows) for (const s of child.statuses) if (!titles.has(s.requirement)) titles.set(s.requirement, s.requirement);
    return [...titles].sort((a, b) => a[0].localeCompare(b[0]));
  }, [rows, parent.data]);
  const columns = useMemo(() => drillColumns(requirement), [requirement]);
  const name = parent.data?.unit.name ?? code;
  usePageTitle(`Đơn vị trực thuộc ${name}`);
  return (
    <section aria-labelledby="page-title">
      <nav class="crumbs" aria-label="Vị trí">
        <Link href="/">Tổng quan</Link> › {parent.data?.unit.parent ? <><Link href={officeHref(parent.data.unit.parent)}>{parent.data.unit.parent}</Link> › </> : null}
        <span aria-current="page">{name}</span>
      </nav>
      <h1 id="page-title" tabIndex={-1}>
        Đơn vị trực thuộc {name}
      </h1>
      <p>
        <Link href={unitHref(code)}>Xem trang của chính {name}</Link>
      </p>
      {children.data ? (
        <>
          <div class="picker">
            <label for="drill-requirement">Xem theo yêu cầu</label>
            <select id="drill-requirement" value={requirement} onChange={(e) => setRequirement(e.currentTarget.value)} data-testid="drill-requirement">
              <option value="">Tất cả yêu cầu (số yêu cầu theo trạng thái)</option>
              {requirements.map(([id, title]) => (
                <option key={id} value={id}>
                  {title}
                </option>
              ))}
            </select>
          </div>
          <SortableTable caption={`Các đơn vị trực thuộc ${name}`} columns={columns} rows={rows} rowKey={(c) => c.unit.unitCode} testid="drill" initialSort={{ key: 'overdue', descending: true }} emptyText="Không có đơn vị trực thuộc." />
        </>
      ) : (
        <Pending error={children.error} what="danh sách đơn vị" />
      )}
    </section>
  );
}

function drillColumns(requirement: string): Array<Column<Child>> {
  const head: Array<Column<Child>> = [
    { key: 'code', label: 'Mã', value: (c) => c.unit.unitCode, render: (c) => <Link href={childHref(c.unit)} data-testid="drill-link">{c.unit.unitCode}</Link> },
    { key: 'name', label: 'Tên đơn vị', value: (c) => c.unit.unitName },
    { key: 'kind', label: 'Loại', value: (c) => UNIT_KIND_LABELS[c.unit.unitKind] },
  ];
  if (requirement === '') {
    return [
      ...head,
      { key: 'overdue', label: 'Quá hạn', value: (c) => countOf(c.statuses, ['overdue', 'non_compliant']), numeric: true, worst: true },
      { key: 'due_soon', label: 'Sắp đến hạn', value: (c) => countOf(c.statuses, ['due_soon']), numeric: true },
      { key: 'compliant', label: 'Đạt', value: (c) => countOf(c.statuses, ['compliant', 'compliant_late']), numeric: true },
      { key: 'statuses', label: 'Số yêu cầu', value: (c) => c.statuses.length, numeric: true },
    ];
  }
  const of = (c: Child): StatusSummary | undefined => c.statuses.find((s) => s.requirement === requirement);
  return [
    ...head,
    { key: 'status', label: 'Trạng thái', value: (c) => of(c)?.status ?? '', render: (c) => { const s = of(c); return s ? <StatusBadge status={s.status} /> : '—'; } },
    { key: 'failing', label: 'Chưa đạt', value: (c) => of(c)?.failing ?? 0, render: (c) => { const s = of(c); return s ? `${s.failing}/${s.total}` : '—'; }, numeric: true },
    { key: 'rate', label: 'Tỉ lệ chưa đạt', value: (c) => of(c)?.rate ?? 0, render: (c) => { const s = of(c); return s ? percent(s.rate) : '—'; }, numeric: true, worst: true },
  ];
}
