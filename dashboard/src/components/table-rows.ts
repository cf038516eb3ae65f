import type { ComponentChildren } from 'preact';
import { foldText } from '../../../functions/core/catalog/fold-text.ts';

export interface Column<Row> {
  key: string;
  label: ComponentChildren;
  /** what the column sorts and filters on */
  value: (row: Row) => string | number;
  render?: (row: Row) => ComponentChildren;
  numeric?: boolean;
  /** the highest values of this column are the worst ones: they are highlighted */
  worst?: boolean;
}

export type Sort = { key: string; descending: boolean } | undefined;

/* Up to three worst rows per column, one per five rows: enough to catch the eye without painting half of a short table. */
const worstRows = (rows: number): number => Math.max(1, Math.min(3, Math.floor(rows / 5)));

export function filtered<Row>(rows: readonly Row[], columns: ReadonlyArray<Column<Row>>, query: string): readonly Row[] {
  const wanted = foldText(query.trim());
  if (wanted === '') return rows;
  return rows.filter((row) => columns.some((c) => foldText(String(c.value(row))).includes(wanted)));
}

export function sorted<Row>(rows: readonly Row[], columns: ReadonlyArray<Column<Row>>, sort: Sort): readonly Row[] {
  const column = sort && columns.find((c) => c.key === sort.key);
  if (!sort || !column) return rows;
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi'));
  });
}

export function worstValues<Row>(columns: ReadonlyArray<Column<Row>>, rows: readonly Row[]): Map<string, Set<string | number>> {
  return new Map(
    columns
      .filter((c) => c.worst)
      .map((c) => {
        // The values of the worst rows: ties with them are as bad, but a further level is not.
        const values = rows.map((r) => c.value(r)).filter((v): v is number => typeof v === 'number' && v > 0);
        return [c.key, new Set<string | number>(values.sort((a, b) => b - a).slice(0, worstRows(rows.length)))];
      }),
  );
}
