import type { ComponentChildren, JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { count } from '../format/numbers.ts';
import { filtered, sorted, worstValues, type Column, type Sort } from './table-rows.ts';

export type { Column };

interface Props<Row> {
  caption: string;
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  testid: string;
  /** a total row, kept out of sorting and filtering */
  total?: { row: Row; first: boolean };
  /** header rows above the column labels (grouped headings) */
  groupHeader?: ComponentChildren;
  initialSort?: { key: string; descending: boolean };
  emptyText?: string;
}

export function SortableTable<Row>(props: Props<Row>): JSX.Element {
  const { caption, columns, rows, rowKey, testid, total } = props;
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>(props.initialSort);
  const worst = useMemo(() => worstValues(columns, rows), [columns, rows]);
  const shown = useMemo(() => sorted(filtered(rows, columns, query), columns, sort), [rows, columns, query, sort]);
  const filterId = `${testid}-filter`;
  const toggle = (key: string): void =>
    setSort((s) => (s?.key === key ? { key, descending: !s.descending } : { key, descending: columns.find((c) => c.key === key)?.numeric === true }));
  const line = (row: Row, isTotal: boolean): JSX.Element => (
    <tr key={isTotal ? '__total' : rowKey(row)} class={isTotal ? 'total' : undefined} data-testid={isTotal ? `${testid}-total` : `${testid}-row`} data-key={isTotal ? undefined : rowKey(row)}>
      {columns.map((c, i) => {
        const value = c.value(row);
        const isWorst = !isTotal && worst.get(c.key)?.has(value) === true;
        const cls = [c.numeric ? 'n' : '', isWorst ? 'worst' : ''].filter(Boolean).join(' ');
        const content = c.render ? c.render(row) : c.numeric && typeof value === 'number' ? count(value) : value;
        return i === 0 ? (
          <th scope="row" key={c.key} class={cls || undefined} data-col={c.key}>
            {content}
          </th>
        ) : (
          <td key={c.key} class={cls || undefined} data-col={c.key} data-testid={isTotal ? `${testid}-total-${c.key}` : undefined} title={isWorst ? 'Thuộc nhóm cao nhất' : undefined}>
            {content}
          </td>
        );
      })}
    </tr>
  );
  return (
    <div class="table-block">
      <div class="table-tools">
        <label for={filterId}>Lọc</label>
        <input id={filterId} type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} placeholder="Tên, mã…" data-testid={filterId} />
        <span class="muted" aria-live="polite">
          {shown.length}/{rows.length} dòng
        </span>
      </div>
      <div class="scroll">
        <table data-testid={testid}>
          <caption>{caption}</caption>
          <thead>
            {props.groupHeader}
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" class={c.numeric ? 'n' : undefined} aria-sort={sort?.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                  <button type="button" class="sort" onClick={() => toggle(c.key)}>
                    {c.label}
                    <span aria-hidden="true" class="arrow">
                      {sort?.key === c.key ? (sort.descending ? '▼' : '▲') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {total?.first ? line(total.row, true) : null}
            {shown.map((row) => line(row, false))}
            {shown.length === 0 ? (
              <tr>
                <td colSpan={columns.length} class="muted">
                  {props.emptyText ?? 'Không có dòng nào.'}
                </td>
              </tr>
            ) : null}
            {total && !total.first ? line(total.row, true) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
