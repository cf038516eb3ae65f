import type { JSX } from 'preact';
import type { RequirementUnits, Status, UnitRecord } from '../api/views.ts';
import { Pending } from '../components/feedback.tsx';
import { SortableTable, type Column } from '../components/SortableTable.tsx';
import { STATUS_LABELS, STATUS_ORDER, UNIT_KIND_LABELS } from '../format/labels.ts';
import { Link, navigate, requirementUnitsHref, unitHref } from '../router.tsx';
import { useResource } from '../use-resource.ts';
import { usePageTitle } from '../page-title.ts';

const isStatus = (s: string | null): s is Status => STATUS_ORDER.includes(s as Status);

/** The units of the caller's scope that stand at one status on one requirement (from an overview figure). */
export function RequirementUnitsPage({ requirement, status: asked }: { requirement: string; status: string | null }): JSX.Element {
  const status: Status = isStatus(asked) ? asked : 'overdue';
  const result = useResource<RequirementUnits>(`/api/requirements/${encodeURIComponent(requirement)}/units?status=${status}`);
  usePageTitle(`${STATUS_LABELS[status]} — ${requirement}`);
  const columns: Array<Column<UnitRecord>> = [
    { key: 'code', label: 'Mã', value: (u) => u.unitCode, render: (u) => <Link href={unitHref(u.unitCode, requirement)} data-testid="drill-link">{u.unitCode}</Link> },
    { key: 'name', label: 'Tên đơn vị', value: (u) => u.unitName },
    { key: 'kind', label: 'Loại', value: (u) => UNIT_KIND_LABELS[u.unitKind] },
    { key: 'parent', label: 'Trực thuộc', value: (u) => u.parentCode ?? '' },
  ];
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        Đơn vị “{STATUS_LABELS[status]}” — {requirement}
      </h1>
      <div class="picker">
        <label for="status-picker">Trạng thái</label>
        <select id="status-picker" value={status} onChange={(e) => navigate(requirementUnitsHref(requirement, e.currentTarget.value), true)}>
          {STATUS_ORDER.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {result.data ? (
        <SortableTable caption={`Đơn vị có trạng thái ${STATUS_LABELS[status]}`} columns={columns} rows={result.data.units} rowKey={(u) => u.unitCode} testid="requirement-units" />
      ) : (
        <Pending error={result.error} what="danh sách đơn vị" />
      )}
    </section>
  );
}
