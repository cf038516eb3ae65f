import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { Appendix, AppendixRow, AppendixView } from '../api/views.ts';
import { ErrorBanner, Pending } from '../components/feedback.tsx';
import { SortableTable, type Column } from '../components/SortableTable.tsx';
import { useSession } from '../session.ts';
import { useResource } from '../use-resource.ts';
import { districtColumns, pairColumns, STAFF_GROUP, STUDENTS_GROUP } from './appendix-columns.tsx';
import { usePageTitle } from '../page-title.ts';

export function AppendixPage(): JSX.Element {
  const appendix = useResource<AppendixView>('/api/appendix');
  const columns = useMemo(
    () => ({
      levels: pairColumns('BẬC HỌC', ['TỔNG SỐ HS', 'Số HS chưa đồng bộ'], ['TỔNG SỐ NS', 'Số NS chưa đồng bộ']),
      upperSecondary: pairColumns('Đơn vị', ['Tổng số học sinh', 'Chưa xác thực'], ['Tổng số nhân sự', 'Chưa xác thực']),
      centres: pairColumns('Đơn vị', ['Tổng số học viên', 'Chưa xác thực'], ['Tổng số nhân sự', 'Chưa xác thực']),
      districts: districtColumns(),
    }),
    [],
  );
  const view = appendix.data;
  usePageTitle('Phụ lục 1–4');
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        Phụ lục 1–4: học sinh, nhân sự chưa đồng bộ với CSDL quốc gia
      </h1>
      {view ? (
        <>
          <p class="muted">{view.appendices.subtitle}</p>
          <ExportButton path="/api/exports/appendix.xlsx" fileName="phu-luc-1-4.xlsx" testid="export-xlsx" label="Tải Excel (Phụ lục 1–4)" />
          <AppendixTable n={1} appendix={view.appendices.levels} columns={columns.levels} groups={[3, 3]} />
          <AppendixTable n={2} appendix={view.appendices.upperSecondary} columns={columns.upperSecondary} groups={[3, 3]} />
          <AppendixTable n={3} appendix={view.appendices.centres} columns={columns.centres} groups={[3, 3]} />
          <AppendixTable n={4} appendix={view.appendices.districts} columns={columns.districts} groups={[8, 8]} />
        </>
      ) : (
        <Pending error={appendix.error} what="phụ lục" />
      )}
    </section>
  );
}

function AppendixTable<Row extends AppendixRow>(props: { n: number; appendix: Appendix<Row>; columns: Array<Column<Row>>; groups: [number, number] }): JSX.Element {
  const { n, appendix, columns, groups } = props;
  return (
    <section class="appendix" aria-labelledby={`pl-${n}`} data-testid={`appendix-${n}`}>
      <h2 id={`pl-${n}`}>{appendix.title}</h2>
      <ExportButton path={`/api/exports/appendix.csv?table=${n}`} fileName={`phu-luc-${n}.csv`} testid={`export-csv-${n}`} label={`Tải CSV Phụ lục ${n}`} />
      <SortableTable
        caption={`Phụ lục ${n}`}
        columns={columns}
        rows={appendix.rows}
        rowKey={(r) => r.label}
        testid={`appendix-table-${n}`}
        total={{ row: appendix.total, first: appendix.totalFirst }}
        groupHeader={
          <tr>
            <td />
            <th scope="colgroup" colSpan={groups[0]}>
              {STUDENTS_GROUP}
            </th>
            <th scope="colgroup" colSpan={groups[1]}>
              {STAFF_GROUP}
            </th>
          </tr>
        }
      />
    </section>
  );
}

function ExportButton({ path, fileName, testid, label }: { path: string; fileName: string; testid: string; label: string }): JSX.Element {
  const { api } = useSession();
  const [state, setState] = useState<{ busy: boolean; error?: Error }>({ busy: false });
  const run = (): void => {
    setState({ busy: true });
    api.download(path, fileName).then(
      () => setState({ busy: false }),
      (error: unknown) => setState({ busy: false, error: error instanceof Error ? error : new Error('Không tải được tệp.') }),
    );
  };
  return (
    <div class="export">
      <button type="button" onClick={run} disabled={state.busy} data-testid={testid}>
        {state.busy ? 'Đang tải…' : label}
      </button>
      {state.error ? <ErrorBanner error={state.error} /> : null}
    </div>
  );
}
